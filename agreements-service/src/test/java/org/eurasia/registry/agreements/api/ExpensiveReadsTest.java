package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Anonymous statistics are bounded and shared: with the agreement table locked by another
 * transaction (the stand-in for a query that would run for minutes), an anonymous caller gets a 503
 * problem with Retry-After once the statement timeout (3 s) passes, never a hang; an answer
 * computed before is served from the cache without touching the table; and a write through the API
 * makes the cache forget it.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExpensiveReadsTest {

  @Inject DataSource dataSource;

  static Response statistics(String dimension, String q) {
    return given()
        .queryParam("groupBy", dimension)
        .queryParam("q", q)
        .get("/api/v1/agreements/statistics");
  }

  @Test
  void anonymousStatisticsAreCachedAndBoundedByAStatementTimeout() throws Exception {
    String word = "zqcache" + UUID.randomUUID().toString().substring(0, 8);
    statistics("KIND", word).then().statusCode(200);
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE agreement IN ACCESS EXCLUSIVE MODE");
      }
      long started = System.nanoTime();
      statistics("KIND", word).then().statusCode(200);
      assertTrue(
          System.nanoTime() - started < 2_000_000_000L,
          "a cached answer does not wait for the table");

      started = System.nanoTime();
      statistics("STATUS", word)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", notNullValue())
          .body("type", equalTo("urn:eurasia-registry:problem:service-unavailable"));
      long waited = (System.nanoTime() - started) / 1_000_000;
      assertTrue(
          waited >= 2_500 && waited < 15_000,
          "cancelled by the 3 s statement timeout, after " + waited + " ms");
      lock.rollback();
    }

    // A write through the API: the cached answer is forgotten, so with the table locked again it is
    // computed (and cut).
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType("application/json")
        .body(
            Map.of(
                "code",
                "c" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk",
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "Cache University"),
                "country",
                "PK"))
        .post("/api/v1/organizations")
        .then()
        .statusCode(201);
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE agreement IN ACCESS EXCLUSIVE MODE");
      }
      statistics("KIND", word).then().statusCode(503);
      // A registrar's statistics are not cut (they are accountable to an organisation): its request
      // waits for the lock
      // past the anonymous timeout, and answers once the lock is released.
      CompletableFuture<Response> registrar =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
                      .queryParams(Map.of("groupBy", "KIND", "q", word))
                      .get("/api/v1/agreements/statistics"));
      Thread.sleep(4_500);
      assertTrue(
          !registrar.isDone(), "a registrar's statistics are not cut by the anonymous timeout");
      lock.rollback();
      registrar.get(30, TimeUnit.SECONDS).then().statusCode(200).body("counts", equalTo(List.of()));
    }
  }
}
