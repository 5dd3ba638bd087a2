package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What operators and developers rely on in every service: health probes that name their checks,
 * Prometheus metrics including the outbox figures, the OpenAPI document and Swagger UI, and secure
 * headers. A service runs it by extending it with {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsTest {

  @Test
  void readinessIsUpAndReportsTheDatabaseKafkaAndTheOutbox() {
    given()
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
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsIncludeTheOutboxBacklog() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("registry_outbox_backlog"))
        .body(containsString("registry_outbox_oldest_age_seconds"))
        .body(containsString("registry_events_consumer_lag"))
        // At zero from start-up, so an alert on gaps or unprocessable events has a series to watch.
        .body(containsString("registry_events_versions_total{outcome=\"gap\""))
        .body(containsString("registry_events_unprocessable_total{reason=\"unhandled-type\""));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
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
