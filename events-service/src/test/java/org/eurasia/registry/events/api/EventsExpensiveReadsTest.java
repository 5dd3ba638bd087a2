package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The anonymous expensive reads — calendar feeds, statistics, the event search — are bounded: with
 * the event table locked by another transaction (standing in for a query that would run for
 * minutes), an anonymous caller gets a 503 problem with Retry-After once the statement timeout (3
 * s) passes, never a hang. Feeds and statistics answered before are served from the cache without
 * touching the table, and a write through the API makes the cache forget them.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsExpensiveReadsTest {

  @Inject DataSource dataSource;

  static String organizerFeed() {
    return given()
        .get("/api/v1/calendars/organizers/" + ORGANIZER + ".ics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  static Response statistics(String kind) {
    return given()
        .queryParam("kind", kind)
        .queryParam("organizer", ORGANIZER)
        .get("/api/v1/statistics/events");
  }

  /** Runs {@code during} while another transaction holds the event table exclusively. */
  void withTheEventTableLocked(Runnable during) throws Exception {
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE event IN ACCESS EXCLUSIVE MODE");
      }
      try {
        during.run();
      } finally {
        lock.rollback();
      }
    }
  }

  static void cutByTheStatementTimeout(Response r, long startedNanos) {
    r.then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("type", equalTo("urn:eurasia-registry:problem:service-unavailable"));
    long waited = (System.nanoTime() - startedNanos) / 1_000_000;
    assertTrue(
        waited >= 2_500 && waited < 15_000,
        "cancelled by the 3 s statement timeout, after " + waited + " ms");
  }

  @Test
  void anonymousFeedsAndStatisticsAreCachedAndEveryExpensiveReadIsBounded() throws Exception {
    String feed = organizerFeed();
    statistics("WEBINAR").then().statusCode(200);
    String word = "zqbound" + UUID.randomUUID().toString().substring(0, 8);

    withTheEventTableLocked(
        () -> {
          long started = System.nanoTime();
          assertEquals(feed, organizerFeed());
          statistics("WEBINAR").then().statusCode(200);
          assertTrue(
              System.nanoTime() - started < 2_000_000_000L,
              "cached answers do not wait for the table");

          started = System.nanoTime();
          cutByTheStatementTimeout(statistics("SUMMIT"), started);
          started = System.nanoTime();
          cutByTheStatementTimeout(given().queryParam("q", word).get("/api/v1/events"), started);
          started = System.nanoTime();
          cutByTheStatementTimeout(
              given().get("/api/v1/calendars/organizers/qau.edu.pk.ics"), started);
        });

    // A write through the API: the feed is computed again and shows the new event at once.
    String published = EventsApi.publishedWebinar(10, false);
    assertFalse(feed.contains(published));
    assertTrue(organizerFeed().contains(published), "a write makes the cache forget what it held");
  }
}
