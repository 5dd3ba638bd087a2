package org.eurasia.registry.events.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement and programme events through real Kafka: a link becomes valid once the owner's event arrived, and an
 * event shows its linked agreement's current status as later events change it (late, older versions ignored).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LinkedProjectionsTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  /** Next year, so the event is always in the future. */
  static final String Y = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1);
  static final ForeignEvents AGREEMENTS = new ForeignEvents(
      "registry.agreements", "/agreements-service", "agreement", "agreements-service/contract/events/registry.agreement.v1.schema.json",
      "/fixtures/agreement-event.json");
  static final ForeignEvents PROGRAMS = new ForeignEvents(
      "registry.programs", "/exchange-service", "program", "exchange-service/contract/events/registry.program.v1.schema.json",
      "/fixtures/program-event.json");
  static final String ORGANIZER = TestTokens.partner("ncp.edu.pk");

  @BeforeAll
  static void theProducersTopicsExist() {
    KafkaProbe.createTopic(AGREEMENTS.topic(), 3);
    KafkaProbe.createTopic(PROGRAMS.topic(), 3);
  }

  static void agreement(UUID id, String type, String status, long version) {
    AGREEMENTS.publish(id, "registry.agreement." + type + ".v1", version,
        p -> p.put("agreementId", id.toString()).put("status", status).put("version", version).put("code", "L/" + id.toString().substring(0, 8).toUpperCase()));
  }

  static Map<String, Object> ceremony(UUID agreement, UUID program) {
    return Map.of("code", "L/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "details", Map.of(
        "kind", "SIGNING_CEREMONY",
        "title", Map.of("en", "Signing ceremony"),
        "organizers", List.of("ncp.edu.pk"),
        "format", "ONLINE",
        "joinUrl", "https://meet.example.org/signing",
        "schedule", Map.of("timeZone", "Europe/Minsk", "startLocal", Y + "-04-01T11:00:00", "endLocal", Y + "-04-01T12:00:00"),
        "linkedAgreements", List.of(agreement.toString()),
        "linkedPrograms", List.of(program.toString())));
  }

  @Test
  void linksBecomeValidWhenTheOwnersEventsArriveAndShowTheCurrentStatus() {
    UUID agreement = UUID.randomUUID();
    UUID program = UUID.randomUUID();
    given().header("Authorization", TestTokens.bearer(ORGANIZER)).contentType(ContentType.JSON).body(ceremony(agreement, program))
        .post("/api/v1/events").then().statusCode(422).body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"));

    agreement(agreement, "drafted", "DRAFT", 0);
    PROGRAMS.publish(program, "registry.program.created.v1", 0,
        p -> p.put("programId", program.toString()).put("code", "L/P-" + program.toString().substring(0, 6).toUpperCase()).put("status", "PLANNED").put("version", 0));
    String event = await().atMost(WAIT).until(
        () -> given().header("Authorization", TestTokens.bearer(ORGANIZER)).contentType(ContentType.JSON).body(ceremony(agreement, program))
            .post("/api/v1/events"),
        r -> r.statusCode() == 201).path("id");

    agreement(agreement, "signed", "SIGNED", 2);
    agreement(agreement, "party-signed", "DRAFT", 1);
    await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", TestTokens.bearer(ORGANIZER)).get("/api/v1/events/" + event)
        .then().body("linkedAgreements[0].status", equalTo("SIGNED")));
    agreement(agreement, "entered-into-force", "IN_FORCE", 3);
    await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", TestTokens.bearer(ORGANIZER)).get("/api/v1/events/" + event)
        .then().body("linkedAgreements[0].status", equalTo("IN_FORCE")).body("linkedPrograms[0].status", equalTo("PLANNED")));
  }
}
