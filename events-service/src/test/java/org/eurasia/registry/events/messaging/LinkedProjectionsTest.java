package org.eurasia.registry.events.messaging;

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
 * Agreement and programme events through real Kafka: a link becomes valid once the owner's event
 * arrived, and an event shows its linked agreement's current status as later events change it
 * (late, older versions ignored).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LinkedProjectionsTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** Next year, so the event is always in the future. */
  static final String Y =
      String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1);

  static final ForeignEvents AGREEMENTS =
      new ForeignEvents(
          "registry.agreements",
          "/agreements-service",
          "agreement",
          "agreements-service/contract/events/registry.agreement.v1.schema.json",
          "/fixtures/agreement-event.json");
  static final ForeignEvents PROGRAMS =
      new ForeignEvents(
          "registry.programs",
          "/exchange-service",
          "program",
          "exchange-service/contract/events/registry.program.v1.schema.json",
          "/fixtures/program-event.json");

  static final ForeignEvents VENTURES =
      new ForeignEvents(
          "registry.ventures",
          "/agreements-service",
          "venture",
          "agreements-service/contract/events/registry.venture.v1.schema.json",
          "/fixtures/venture-event.json");

  /**
   * A consenting party of the fixture agreements (the ministries' memorandum's signatory that
   * signed).
   */
  static final String ORGANIZER = TestTokens.partner("most.gov.pk");

  @BeforeAll
  static void theProducersTopicsExist() {
    KafkaProbe.createTopic(AGREEMENTS.topic(), 3);
    KafkaProbe.createTopic(PROGRAMS.topic(), 3);
    KafkaProbe.createTopic(VENTURES.topic(), 3);
  }

  static void agreement(UUID id, String type, String status, long version) {
    AGREEMENTS.publish(
        id,
        "registry.agreement." + type + ".v1",
        version,
        p ->
            p.put("agreementId", id.toString())
                .put("status", status)
                .put("version", version)
                .put("code", "L/" + id.toString().substring(0, 8).toUpperCase()));
  }

  static Map<String, Object> ceremony(UUID agreement, UUID program) {
    return Map.of(
        "code",
        "L/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        "details",
        Map.of(
            "kind", "SIGNING_CEREMONY",
            "title", Map.of("en", "Signing ceremony"),
            "organizers", List.of("most.gov.pk"),
            "format", "ONLINE",
            "joinUrl", "https://meet.example.org/signing",
            "schedule",
                Map.of(
                    "timeZone",
                    "Europe/Minsk",
                    "startLocal",
                    Y + "-04-01T11:00:00",
                    "endLocal",
                    Y + "-04-01T12:00:00"),
            "linkedAgreements", List.of(agreement.toString()),
            "linkedPrograms", List.of(program.toString())));
  }

  @Test
  void linksBecomeValidWhenTheOwnersEventsArriveAndShowTheCurrentStatus() {
    UUID agreement = UUID.randomUUID();
    UUID program = UUID.randomUUID();
    given()
        .header("Authorization", TestTokens.bearer(ORGANIZER))
        .contentType(ContentType.JSON)
        .body(ceremony(agreement, program))
        .post("/api/v1/events")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"));

    agreement(agreement, "drafted", "DRAFT", 0);
    PROGRAMS.publish(
        program,
        "registry.program.created.v1",
        0,
        p ->
            p.put("programId", program.toString())
                .put("code", "L/P-" + program.toString().substring(0, 6).toUpperCase())
                .put("status", "PLANNED")
                .put("version", 0));
    String event =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    given()
                        .header("Authorization", TestTokens.bearer(ORGANIZER))
                        .contentType(ContentType.JSON)
                        .body(ceremony(agreement, program))
                        .post("/api/v1/events"),
                r -> r.statusCode() == 201)
            .path("id");

    agreement(agreement, "signed", "SIGNED", 2);
    agreement(agreement, "party-signed", "DRAFT", 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", TestTokens.bearer(ORGANIZER))
                    .get("/api/v1/events/" + event)
                    .then()
                    .body("linkedAgreements[0].status", equalTo("SIGNED")));
    agreement(agreement, "entered-into-force", "IN_FORCE", 3);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", TestTokens.bearer(ORGANIZER))
                    .get("/api/v1/events/" + event)
                    .then()
                    .body("linkedAgreements[0].status", equalTo("IN_FORCE"))
                    .body("linkedPrograms[0].status", equalTo("PLANNED")));
  }

  static void venture(UUID id, String type, String status, long version) {
    VENTURES.publish(
        id,
        "registry.venture." + type + ".v1",
        version,
        p ->
            p.put("ventureId", id.toString())
                .put("status", status)
                .put("version", version)
                .put("code", "L/V-" + id.toString().substring(0, 8).toUpperCase()));
  }

  static io.restassured.response.Response report(UUID venture) {
    return given()
        .header("Authorization", TestTokens.bearer(ORGANIZER))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "kind",
                "REPORT",
                "title",
                "What the venture produced",
                "abstract",
                Map.of("en", "A year of the joint venture."),
                "authors",
                List.of(Map.of("name", "Research unit", "affiliation", "most.gov.pk")),
                "publisher",
                "most.gov.pk",
                "year",
                2026,
                "languages",
                List.of("en"),
                "url",
                "https://example.org/reports/" + venture,
                "linkedVentures",
                List.of(venture.toString())))
        .post("/api/v1/publications");
  }

  @Test
  void aPublicationLinksAVentureOnceItsEventArrivedAndShowsItsCurrentStatus() {
    UUID venture = UUID.randomUUID();
    report(venture)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"));

    venture(venture, "established", "ESTABLISHED", 1);
    String publication =
        await().atMost(WAIT).until(() -> report(venture), r -> r.statusCode() == 201).path("id");

    // A later change wins; an older one arriving late does not undo it.
    venture(venture, "dissolved", "DISSOLVED", 3);
    venture(venture, "operating", "OPERATING", 2);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/publications/" + publication)
                    .then()
                    .body("linkedVentures[0].status", equalTo("DISSOLVED"))
                    .body(
                        "linkedVentures[0].code",
                        equalTo("L/V-" + venture.toString().substring(0, 8).toUpperCase())));
  }

  static io.restassured.response.Response seminar(String organization, UUID agreement) {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner(organization)))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                "L/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "details",
                Map.of(
                    "kind", "SEMINAR",
                    "title", Map.of("en", "Seminar on the memorandum"),
                    "organizers", List.of(organization),
                    "format", "ONLINE",
                    "joinUrl", "https://meet.example.org/seminar",
                    "schedule",
                        Map.of(
                            "timeZone",
                            "Asia/Karachi",
                            "startLocal",
                            Y + "-04-02T11:00:00",
                            "endLocal",
                            Y + "-04-02T12:00:00"),
                    "linkedAgreements", List.of(agreement.toString()))))
        .post("/api/v1/events");
  }

  @Test
  void aNonSigningPartyLinksTheAgreementOnlyOnceItsAcceptanceIsAnnounced() {
    UUID agreement = UUID.randomUUID();
    AGREEMENTS.publish(
        agreement,
        "registry.agreement.entered-into-force.v1",
        3,
        p -> {
          p.put("agreementId", agreement.toString())
              .put("status", "IN_FORCE")
              .put("version", 3)
              .put("code", "L/" + agreement.toString().substring(0, 8).toUpperCase());
          p.withArray("parties")
              .addObject()
              .put("organizationCode", "qau.edu.pk")
              .put("country", "PK")
              .put("role", "OBSERVER")
              .put("signed", false)
              .put("consented", false);
        });
    // Named as an observer, qau.edu.pk reads the public agreement but has not consented: it may not
    // link it.
    await()
        .atMost(WAIT)
        .untilAsserted(() -> seminar("qau.edu.pk", agreement).then().statusCode(403));
    seminar("most.gov.pk", agreement).then().statusCode(201);

    AGREEMENTS.publish(
        agreement,
        "registry.agreement.party-accepted.v1",
        4,
        p -> {
          p.put("agreementId", agreement.toString())
              .put("status", "IN_FORCE")
              .put("version", 4)
              .put("code", "L/" + agreement.toString().substring(0, 8).toUpperCase());
          p.withArray("parties")
              .addObject()
              .put("organizationCode", "qau.edu.pk")
              .put("country", "PK")
              .put("role", "OBSERVER")
              .put("signed", false)
              .put("consented", true);
        });
    await()
        .atMost(WAIT)
        .untilAsserted(() -> seminar("qau.edu.pk", agreement).then().statusCode(201));
  }

  static io.restassured.response.Response workshop(String organization, UUID program) {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner(organization)))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                "L/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "details",
                Map.of(
                    "kind", "WORKSHOP",
                    "title", Map.of("en", "Workshop on the programme"),
                    "organizers", List.of(organization),
                    "format", "ONLINE",
                    "joinUrl", "https://meet.example.org/workshop",
                    "schedule",
                        Map.of(
                            "timeZone",
                            "Europe/Minsk",
                            "startLocal",
                            Y + "-04-03T11:00:00",
                            "endLocal",
                            Y + "-04-03T12:00:00"),
                    "linkedPrograms", List.of(program.toString()))))
        .post("/api/v1/events");
  }

  @Test
  void anInvitedInstitutionLinksTheProgrammeOnlyOnceItsAcceptanceIsAnnounced() {
    UUID program = UUID.randomUUID();
    String code = "L/P-" + program.toString().substring(0, 6).toUpperCase();
    PROGRAMS.publish(
        program,
        "registry.program.created.v1",
        0,
        p -> {
          p.put("programId", program.toString())
              .put("code", code)
              .put("status", "PLANNED")
              .put("version", 0);
          p.putArray("acceptedInstitutions").add("qau.edu.pk");
        });
    await()
        .atMost(WAIT)
        .untilAsserted(() -> workshop("qau.edu.pk", program).then().statusCode(201));
    workshop("bsu.by", program).then().statusCode(403);

    PROGRAMS.publish(
        program,
        "registry.program.institution-accepted.v1",
        1,
        p -> {
          p.put("programId", program.toString())
              .put("code", code)
              .put("status", "PLANNED")
              .put("version", 1);
          p.putArray("acceptedInstitutions").add("qau.edu.pk").add("bsu.by");
        });
    await().atMost(WAIT).untilAsserted(() -> workshop("bsu.by", program).then().statusCode(201));
  }
}
