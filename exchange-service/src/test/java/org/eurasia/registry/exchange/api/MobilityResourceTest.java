package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Mobilities over HTTP against real PostgreSQL and Kafka: lifecycle, who may do what, quotas under
 * concurrency, privacy.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MobilityResourceTest {

  static final Path SCHEMA =
      EventSchemas.file("exchange-service/contract/events/registry.mobility.v1.schema.json");
  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");

  @Inject EntityManager em;

  @Test
  void onlyTheHostInstitutionAcceptsANomination() {
    String program = ExchangeApi.openProgram(3, 3);
    String out = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(QAU)
        .post("/api/v1/mobilities/" + out + "/acceptance")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(BSU)
        .post("/api/v1/mobilities/" + out + "/acceptance")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
    String back = ExchangeApi.nominate(program, "RECEIVING_TO_SENDING", 7);
    as(BSU).post("/api/v1/mobilities/" + back + "/acceptance").then().statusCode(403);
    as(QAU).post("/api/v1/mobilities/" + back + "/acceptance").then().statusCode(200);
  }

  @Test
  void nominationsNeedAnOpenProgrammeAndAQuotaForTheDirection() {
    String program = ExchangeApi.openProgram(3, 3);
    Map<String, Object> otherYear = ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7);
    otherYear.put("academicYear", "2030/2031");
    as(QAU)
        .body(otherYear)
        .post("/api/v1/mobilities")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("academicYear"));
    as(QAU).post("/api/v1/programs/" + program + "/closing").then().statusCode(200);
    // The rule broken, named (it used to be a plain unprocessable without a name).
    String code = RestAssured.given().get("/api/v1/programs/" + program).path("code");
    as(QAU)
        .body(ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("detail", equalTo("Programme " + code + " is CLOSED; nominations need it OPEN"))
        .body("condition", equalTo("not-taking-nominations"));
    as(TestTokens.partner("pu.edu.pk"))
        .body(ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(403);
  }

  @Test
  void nominatingUnderAProgrammeTheCallerMayNotSeeIsAnsweredExactlyLikeAnUnknownProgramme() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE");
    String unknown = java.util.UUID.randomUUID().toString();
    String outsider = TestTokens.partner("comsats.edu.pk");
    var onHidden =
        as(outsider)
            .body(ExchangeApi.nomination(hidden.programId(), "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities");
    var onUnknown =
        as(outsider)
            .body(ExchangeApi.nomination(unknown, "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities");
    onHidden
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("programId"));
    assertEquals(
        ExchangeApi.withoutIds(onUnknown, unknown),
        ExchangeApi.withoutIds(onHidden, hidden.programId()));
    assertFalse(onHidden.asString().contains(hidden.programCode()));
    // Its institutions nominate as under any programme.
    as(QAU)
        .body(ExchangeApi.nomination(hidden.programId(), "SENDING_TO_RECEIVING", 7))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(201);
  }

  @Test
  void anOutsiderGets404OnEveryMobilityCommandBeforeAnyRuleAboutItsState() {
    String program = ExchangeApi.openProgram(3, 3);
    String rejected = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(BSU)
        .body(Map.of("reason", "Quota reserved"))
        .post("/api/v1/mobilities/" + rejected + "/rejection")
        .then()
        .statusCode(200);
    // The host itself is told the state does not allow it; an outsider only that there is no such
    // mobility.
    as(BSU).post("/api/v1/mobilities/" + rejected + "/acceptance").then().statusCode(409);
    String unknown = java.util.UUID.randomUUID().toString();
    String outsider = TestTokens.partner("pu.edu.pk");
    Map<String, Object> bodies =
        Map.of(
            "acceptance",
            Map.of(),
            "rejection",
            Map.of("reason", "x"),
            "start",
            Map.of("startedOn", "2027-02-01"),
            "completion",
            Map.of("endedOn", "2027-06-30", "recognized", true),
            "cancellation",
            Map.of("reason", "x"));
    bodies.forEach(
        (command, body) -> {
          var onReal =
              as(outsider).body(body).post("/api/v1/mobilities/" + rejected + "/" + command);
          var onUnknown =
              as(outsider).body(body).post("/api/v1/mobilities/" + unknown + "/" + command);
          assertEquals(404, onReal.statusCode(), command);
          assertEquals(
              ExchangeApi.withoutIds(onUnknown, unknown),
              ExchangeApi.withoutIds(onReal, rejected),
              command);
        });
    String participant =
        as(BSU).get("/api/v1/mobilities/" + rejected).then().extract().path("participantId");
    as(outsider)
        .delete("/api/v1/participants/" + participant + "/personal-data")
        .then()
        .statusCode(404);
  }

  @Test
  void aMobilityIsInvisibleToUnrelatedPartnersAndPersonalDataNeverLeavesInEvents() {
    String program = ExchangeApi.openProgram(3, 3);
    String id = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(BSU)
        .get("/api/v1/mobilities/" + id)
        .then()
        .statusCode(200)
        .body("participant.familyName", equalTo("Khan"));
    as(TestTokens.partner("pu.edu.pk")).get("/api/v1/mobilities/" + id).then().statusCode(404);
    RestAssured.given().get("/api/v1/mobilities/" + id).then().statusCode(401);
    as(TestTokens.partner("pu.edu.pk"))
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    as(BSU)
        .queryParam("programId", program)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.mobilities",
            r -> id.equals(r.key()),
            1,
            Duration.ofSeconds(20),
            Duration.ofMillis(300));
    assertEquals("registry.mobility.nominated.v1", KafkaProbe.header(events.get(0), "ce_type"));
    EventSchemas.assertValid(SCHEMA, events.get(0).value());
    String payload = new String(events.get(0).value(), StandardCharsets.UTF_8);
    assertFalse(
        payload.contains("Khan") || payload.contains("Ayesha") || payload.contains("example.org"),
        payload);
  }

  @Test
  void aForgedCursorIsABadRequestNamingIt() {
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("yesterday\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
    as(QAU)
        .queryParam("cursor", forged)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void erasingPersonalDataKeepsTheMobilityUnderItsPseudonym() {
    String program = ExchangeApi.openProgram(3, 3);
    String id = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    String participant =
        as(QAU).get("/api/v1/mobilities/" + id).then().extract().path("participantId");
    as(TestTokens.partner("pu.edu.pk"))
        .delete("/api/v1/participants/" + participant + "/personal-data")
        .then()
        .statusCode(404);
    as(QAU).delete("/api/v1/participants/" + participant + "/personal-data").then().statusCode(204);
    as(QAU).delete("/api/v1/participants/" + participant + "/personal-data").then().statusCode(204);
    as(QAU)
        .get("/api/v1/mobilities/" + id)
        .then()
        .statusCode(200)
        .body("participantId", equalTo(participant))
        .body("$", not(org.hamcrest.Matchers.hasKey("participant")));
  }

  @Test
  void cancellingAnAcceptedMobilityGivesItsPlaceBack() {
    String program = ExchangeApi.openProgram(1, 1);
    String first = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    String second = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(BSU).post("/api/v1/mobilities/" + first + "/acceptance").then().statusCode(200);
    as(BSU)
        .post("/api/v1/mobilities/" + second + "/acceptance")
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("full"));
    as(QAU)
        .body(Map.of("reason", "Visa refused"))
        .post("/api/v1/mobilities/" + first + "/cancellation")
        .then()
        .statusCode(200);
    as(BSU).post("/api/v1/mobilities/" + second + "/acceptance").then().statusCode(200);
  }

  /**
   * The rule: 200 concurrent acceptances for a quota of 20 — exactly 20 succeed, 180 get
   * 409, none lost.
   */
  @Test
  void twoHundredConcurrentAcceptancesForTwentyPlacesAcceptExactlyTwenty() throws Exception {
    String program = ExchangeApi.openProgram(20, null);
    List<String> nominations = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      nominations.add(ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Integer>> accepts =
          nominations.stream()
              .<Callable<Integer>>map(
                  id -> () -> as(BSU).post("/api/v1/mobilities/" + id + "/acceptance").statusCode())
              .toList();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(accepts)) {
        statuses.add(f.get());
      }
      Map<Integer, Long> byStatus =
          statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
      assertEquals(Map.of(200, 20L, 409, 180L), byStatus);
    } finally {
      pool.shutdown();
    }
    Number accepted =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM mobility WHERE program_id = CAST(?1 AS uuid) AND status = 'ACCEPTED'")
                .setParameter(1, program)
                .getSingleResult();
    Number counted =
        (Number)
            em.createNativeQuery(
                    "SELECT accepted FROM program_quota WHERE program_id = CAST(?1 AS uuid) AND direction = 'SENDING_TO_RECEIVING'")
                .setParameter(1, program)
                .getSingleResult();
    assertEquals(20, accepted.intValue(), "rows accepted");
    assertEquals(20, counted.intValue(), "places counted");
    as(BSU)
        .queryParam("programId", program)
        .queryParam("status", "NOMINATED")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.status", everyItem(equalTo("NOMINATED")));
    List<ConsumerRecord<String, byte[]>> acceptedEvents =
        KafkaProbe.collect(
            "registry.mobilities",
            r ->
                nominations.contains(r.key())
                    && "registry.mobility.accepted.v1".equals(KafkaProbe.header(r, "ce_type")),
            20,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1));
    assertEquals(
        20, acceptedEvents.size(), "one accepted event per acceptance, none for refused ones");
  }

  @Test
  void statisticsCountMobilitiesPerCountryPairYearAndKind() {
    String program = ExchangeApi.openProgram(5, 5);
    // Five at least, so that anonymous callers see the count (issue 24 withholds 1 to 4).
    for (int i = 0; i < 5; i++) {
      ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    }
    ExchangeApi.nominate(program, "RECEIVING_TO_SENDING", 7);
    var rows =
        RestAssured.given()
            .queryParam("academicYear", "2026/2027")
            .queryParam("kind", "STUDENT_EXCHANGE")
            .get("/api/v1/statistics/mobilities")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> pairs = rows.getList("countryPair");
    assertTrue(pairs.contains("PK-BY") && pairs.contains("BY-PK"), pairs.toString());
    int pkToBy = rows.getInt("find { it.countryPair == 'PK-BY' }.total");
    assertTrue(pkToBy >= 6, "seeded plus created: " + pkToBy);
    RestAssured.given()
        .queryParam("academicYear", "2026")
        .get("/api/v1/statistics/mobilities")
        .then()
        .statusCode(400);

    // Anonymous callers share one cached answer, but never one older than the last change.
    RestAssured.given()
        .queryParam("academicYear", "2026/2027")
        .queryParam("kind", "STUDENT_EXCHANGE")
        .get("/api/v1/statistics/mobilities")
        .then()
        .statusCode(200)
        .body("find { it.countryPair == 'PK-BY' }.total", equalTo(pkToBy));
    ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    RestAssured.given()
        .queryParam("academicYear", "2026/2027")
        .queryParam("kind", "STUDENT_EXCHANGE")
        .get("/api/v1/statistics/mobilities")
        .then()
        .statusCode(200)
        .body("find { it.countryPair == 'PK-BY' }.total", equalTo(pkToBy + 1));
  }
}
