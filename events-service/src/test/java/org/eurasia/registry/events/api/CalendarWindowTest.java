package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eurasia.registry.events.application.CalendarService;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds are bounded and say so: a feed holds the events overlapping its {@code from}–
 * {@code to} window, and a window too wide or too full is refused naming {@code to} — a subscriber
 * never gets a feed silently cut.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CalendarWindowTest {

  private static final String FEED = "/api/v1/calendars/organizers/" + EventsApi.ORGANIZER + ".ics";

  @Inject EntityManager em;

  @Test
  void aFeedHoldsTheEventsOverlappingItsWindowOnly() {
    String id = EventsApi.publishedWebinar(10, false);

    RestAssured.given()
        .queryParam("from", Y + "-02-10")
        .queryParam("to", Y + "-02-10")
        .get(FEED)
        .then()
        .statusCode(200)
        .body(containsString("UID:" + id));
    RestAssured.given()
        .queryParam("from", Y + "-02-11")
        .queryParam("to", Y + "-03-31")
        .get(FEED)
        .then()
        .statusCode(200)
        .body(not(containsString("UID:" + id)));
  }

  @Test
  void aWindowWiderThanTheMaximumOrEndingBeforeItStartsIsRefusedNamingTo() {
    RestAssured.given()
        .queryParam("from", Y + "-01-01")
        .queryParam("to", (Integer.parseInt(Y) + 2) + "-01-01")
        .get(FEED)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"))
        .body("detail", containsString(CalendarService.MAX_WINDOW_DAYS + " days"));
    RestAssured.given()
        .queryParam("from", Y + "-03-01")
        .queryParam("to", Y + "-02-01")
        .get(FEED)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
  }

  @Test
  void aWindowHoldingMoreEventsThanAFeedHoldsIsRefusedNotCut() {
    String id = EventsApi.publishedWebinar(10, false);
    String year = String.valueOf(Integer.parseInt(Y) + 7);
    String prefix = "WINDOW-" + id.substring(0, 8);
    // As many copies of a published event as a feed holds, on one day years ahead.
    String columns =
        (String)
            em.createNativeQuery(
                    "SELECT string_agg(column_name, ', ') FROM information_schema.columns"
                        + " WHERE table_name = 'event' AND is_generated = 'NEVER'")
                .getSingleResult();
    sql(
        "CREATE TEMP TABLE window_copies AS SELECT e.* FROM event e, generate_series(1, "
            + CalendarService.MAX_EVENTS
            + ") WHERE e.id = CAST('"
            + id
            + "' AS uuid);"
            + " UPDATE window_copies SET id = gen_random_uuid(), code = '"
            + prefix
            + "-' || substr(md5(CAST(random() AS text)), 1, 12),"
            + " starts_at = TIMESTAMPTZ '"
            + year
            + "-06-01 09:00Z', ends_at = TIMESTAMPTZ '"
            + year
            + "-06-01 10:00Z';"
            + " INSERT INTO event ("
            + columns
            + ") SELECT "
            + columns
            + " FROM window_copies; DROP TABLE window_copies");
    try {
      RestAssured.given()
          .queryParam("from", year + "-06-01")
          .queryParam("to", year + "-06-01")
          .get(FEED)
          .then()
          .statusCode(200)
          .body(containsString("UID:"));
      sql(
          "UPDATE event SET starts_at = TIMESTAMPTZ '"
              + year
              + "-06-01 11:00Z', ends_at = TIMESTAMPTZ '"
              + year
              + "-06-01 12:00Z' WHERE id = CAST('"
              + id
              + "' AS uuid)");
      RestAssured.given()
          .queryParam("from", year + "-05-31")
          .queryParam("to", year + "-06-01")
          .get(FEED)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("to"))
          .body("detail", containsString("more than " + CalendarService.MAX_EVENTS + " events"));
    } finally {
      sql("DELETE FROM event WHERE code LIKE '" + prefix + "-%'");
    }
  }

  private void sql(String statements) {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statements).executeUpdate());
  }
}
