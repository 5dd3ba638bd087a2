package org.eurasia.registry.exchange.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across the outbox, with tracing on: a REST call's trace id reaches the event it writes,
 * and an event's trace id reaches the events its consumer writes in turn (agreement suspended →
 * programme suspended).
 */
@QuarkusTest
@TestProfile(TracePropagationTest.Tracing.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TracePropagationTest {

  /** Tracing on; spans go nowhere (no collector in tests), propagation is what is checked. */
  public static class Tracing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.otel.sdk.disabled",
          "false",
          "quarkus.otel.exporter.otlp.endpoint",
          "http://127.0.0.1:9");
    }
  }

  static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void theProducersTopicExists() {
    KafkaProbe.createTopic(AgreementFixtures.TOPIC, 3);
  }

  static String traceId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String traceparent(String traceId) {
    return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
  }

  static ConsumerRecord<String, byte[]> event(String key, String type) {
    List<ConsumerRecord<String, byte[]>> found =
        KafkaProbe.collect(
            "registry.programs",
            r -> key.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type")),
            1,
            WAIT,
            Duration.ofMillis(200));
    assertEquals(1, found.size(), type);
    return found.get(0);
  }

  @Test
  void aTraceRunsFromARestCallThroughTheOutboxAndFromAConsumedEventToTheEventsItCauses() {
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publish(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    String restTrace = traceId();
    Map<String, Object> body =
        Map.of(
            "code",
            "TR/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            "kind",
            "STUDENT_EXCHANGE",
            "agreementId",
            agreement.toString(),
            "sendingInstitution",
            "qau.edu.pk",
            "receivingInstitution",
            "bsu.by",
            "terms",
            Map.of(
                "title",
                Map.of("en", "Traced"),
                "academicYears",
                List.of("2026/2027"),
                "quotas",
                List.of(
                    Map.of(
                        "academicYear",
                        "2026/2027",
                        "direction",
                        "SENDING_TO_RECEIVING",
                        "places",
                        1)),
                "duration",
                Map.of("amount", 1, "unit", "MONTHS")));
    String program =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    given()
                        .header(
                            "Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
                        .header("traceparent", traceparent(restTrace))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("bsu.by")))
        .contentType(ContentType.JSON)
        .header(
            "If-Match",
            org.eurasia.registry.exchange.api.ExchangeApi.etag("/api/v1/programs/" + program))
        .body(Map.of("organizationCode", "bsu.by"))
        .post("/api/v1/programs/" + program + "/acceptances")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
        .post("/api/v1/programs/" + program + "/opening")
        .then()
        .statusCode(200);

    String created =
        KafkaProbe.header(event(program, "registry.program.created.v1"), "ce_traceparent");
    assertNotNull(created, "the event carries the request's trace context");
    assertTrue(created.contains(restTrace), created + " continues trace " + restTrace);

    String eventTrace = traceId();
    AgreementFixtures.publishTraced(
        traceparent(eventTrace),
        UUID.randomUUID().toString(),
        agreement,
        "suspended",
        "SUSPENDED",
        4,
        "qau.edu.pk",
        "bsu.by");
    String suspended =
        KafkaProbe.header(event(program, "registry.program.suspended.v1"), "ce_traceparent");
    assertNotNull(suspended);
    assertTrue(
        suspended.contains(eventTrace),
        suspended + " continues the agreement event's trace " + eventTrace);
  }
}
