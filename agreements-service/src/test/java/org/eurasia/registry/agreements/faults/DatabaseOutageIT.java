package org.eurasia.registry.agreements.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under the packaged service: requests during the outage get a 503 problem
 * within a bounded time (never a 500, never a hang), readiness goes DOWN and comes back, and the
 * service recovers without a restart.
 */
class DatabaseOutageIT {

  static final String SERVICE = "agreements-service";
  static RunningSuite suite;

  @BeforeAll
  static void start() throws Exception {
    suite = RunningSuite.create("database-outage");
    // A short acquisition timeout bounds how long a request waits for a connection that cannot be
    // made.
    suite.start(
        SERVICE,
        Path.of("").toAbsolutePath(),
        Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "3S"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  static Response read() {
    return given().baseUri(suite.service(SERVICE).baseUrl()).get("/api/v1/organizations?limit=1");
  }

  static Response ready() {
    return given().baseUri(suite.service(SERVICE).managementUrl()).get("/q/health/ready");
  }

  static int register() {
    return suite
        .asRegistrar(SERVICE)
        .body(
            Map.of(
                "code",
                "o" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk",
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "Outage University"),
                "country",
                "PK"))
        .post("/api/v1/organizations")
        .statusCode();
  }

  @Test
  void aDatabaseRestartIsA503ThenReadinessRecoversWithoutRestartingTheService() throws Exception {
    read().then().statusCode(200);
    assertEquals(201, register());

    suite.stopPostgres();
    long started = System.nanoTime();
    Response during = read();
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, during.statusCode(), during.asString());
    assertTrue(during.contentType().startsWith("application/problem+json"), during.contentType());
    assertTrue(during.header("Retry-After") != null, "tells when to retry");
    assertTrue(tookMs < 15_000, "bounded wait, took " + tookMs + " ms");
    assertEquals(503, register(), "writes are refused with 503 too, not lost silently");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> ready().then().statusCode(503).body("status", equalTo("DOWN")));

    suite.startPostgres();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> ready().then().statusCode(200));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read().then().statusCode(200));
    assertEquals(201, register(), "the same process writes again");
  }
}
