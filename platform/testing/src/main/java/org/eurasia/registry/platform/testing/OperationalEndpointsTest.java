package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What operators and developers rely on in every service: health probes that name their checks and
 * Prometheus metrics including the outbox figures, on the management interface only; the OpenAPI
 * document and Swagger UI on the public port; and secure headers. A service runs it by extending it
 * with {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsTest {

  /**
   * Requests to the management interface (health, metrics): its own port, which no route exposes.
   * Quarkus names it with its root path ({@code http://localhost:port/q}); paths here name it too.
   */
  public static RequestSpecification management() {
    URI url = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
    return given().baseUri(url.resolve("/").toString());
  }

  @Test
  void readinessIsUpAndReportsTheDatabaseKafkaAndTheOutbox() {
    management()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("kafka-and-outbox"))
        .body("checks.find { it.name == 'kafka-and-outbox' }.data.kafkaReachable", equalTo(true))
        .body("checks.name", hasItem(containsString("Database connections")));
  }

  @Test
  void livenessAndStartupAreUp() {
    management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    management().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsIncludeTheOutboxBacklog() {
    // One API request, so the request histogram has a series.
    given().get("/api/v1/problem-types").then().statusCode(200);
    management()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("registry_outbox_backlog"))
        .body(containsString("registry_outbox_oldest_age_seconds"))
        .body(containsString("registry_events_consumer_lag"))
        // Histograms, so that latency can be summed across replicas (the p99 alerts).
        .body(containsString("http_server_requests_seconds_bucket{"))
        .body(containsString("registry_outbox_publish_delay_seconds_bucket{"))
        // At zero from start-up, so an alert on gaps or unprocessable events has a series to watch.
        .body(containsString("registry_events_versions_total{outcome=\"gap\""))
        .body(containsString("registry_events_unprocessable_total{reason=\"unhandled-type\""));
  }

  @Test
  void theReplicaHoldingTheRelayLockSaysSo() {
    // The test app's only replica takes the lock at start-up (and again after a relay restart an
    // earlier test may have caused).
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                management()
                    .get("/q/metrics")
                    .then()
                    .body(containsString("registry_outbox_relay_leader 1.0")));
  }

  @Test
  void swaggerUiAndTheOpenApiDocumentAreServedOnThePublicPort() {
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
  }

  /** Readiness details (lastPublishError, parked events) and metrics are for operators only. */
  @ParameterizedTest
  @ValueSource(
      strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/dev-ui"})
  void operationalEndpointsAreNotOnThePublicPort(String path) {
    given().get(path).then().statusCode(404);
  }

  @Test
  void crossOriginRequestsAreNotGrantedByDefault() {
    given()
        .header("Origin", "https://attacker.example.org")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1")
        .then()
        .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    given()
        .header("Origin", "https://attacker.example.org")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void responsesCarrySecureHeaders() {
    given().get("/q/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
  }
}
