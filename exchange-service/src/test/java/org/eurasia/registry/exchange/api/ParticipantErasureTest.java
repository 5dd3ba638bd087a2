package org.eurasia.registry.exchange.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.PersonalDataScan;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: erasing a participant's personal data reaches every copy this service holds — the
 * participant row, the mobility's free text, the remembered responses of retried requests, the
 * outbox and the change log — and announces a tombstone, while the mobility keeps counting.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ParticipantErasureTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");

  @Inject EntityManager em;

  @Test
  void erasureLeavesNoCopyOfTheErasedValuesAnywhereInTheSchemaAndKeepsTheCounts() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String givenName = "Zarinagiven" + tag;
    String familyName = "Erasovafamily" + tag;
    String email = "zarina." + tag + "@example.org";
    String reason = "Family circumstances of Zarina " + tag;
    String program = openProgram();
    Map<String, Object> nomination = new LinkedHashMap<>();
    nomination.put("programId", program);
    nomination.put("academicYear", "2026/2027");
    nomination.put("direction", "SENDING_TO_RECEIVING");
    nomination.put(
        "participant", Map.of("givenName", givenName, "familyName", familyName, "email", email));
    nomination.put("eqfLevel", 7);
    nomination.put("iscedCode", "0613");
    nomination.put("plannedStart", "2027-02-01");
    nomination.put("plannedEnd", "2027-06-30");
    String mobility =
        as(QAU)
            .header("Idempotency-Key", "nominate-" + tag)
            .body(nomination)
            .post("/api/v1/mobilities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(BSU)
        .header("Idempotency-Key", "reject-" + tag)
        .body(Map.of("reason", reason))
        .post("/api/v1/mobilities/" + mobility + "/rejection")
        .then()
        .statusCode(200);
    String participant = as(QAU).get("/api/v1/mobilities/" + mobility).path("participantId");
    List<String> erased = List.of(givenName, familyName, email, reason);
    assertTrue(!holding(erased).isEmpty(), "the values were stored before erasure");
    Object countsBefore = registrarStatistics();

    String export = "/api/v1/participants/" + participant + "/personal-data";
    as(QAU)
        .get(export)
        .then()
        .statusCode(200)
        .body("person.givenName", org.hamcrest.Matchers.equalTo(givenName))
        .body("mobilities[0].id", org.hamcrest.Matchers.equalTo(mobility));
    as(TestTokens.partner("pu.edu.pk")).get(export).then().statusCode(404);

    as(BSU).delete("/api/v1/participants/" + participant + "/personal-data").then().statusCode(204);

    as(QAU)
        .get(export)
        .then()
        .statusCode(200)
        .body("person", org.hamcrest.Matchers.nullValue())
        .body("mobilities[0].id", org.hamcrest.Matchers.equalTo(mobility));

    assertEquals(List.of(), holding(erased), "columns still holding an erased value");
    assertEquals(countsBefore, registrarStatistics(), "the mobility still counts");
    @SuppressWarnings("unchecked")
    List<String> tombstones =
        em.createNativeQuery(
                "SELECT change FROM change_log WHERE record_type = 'participant'"
                    + " AND record_id = ?1 AND event_type = 'registry.participant.erased.v1'"
                    + " AND tombstone")
            .setParameter(1, participant)
            .getResultList();
    assertEquals(1, tombstones.size(), "one tombstone");
    EventSchemas.assertValid(
        EventSchemas.file("exchange-service/contract/events/registry.participant.v1.schema.json"),
        tombstones.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    as(QAU)
        .get("/api/v1/mobilities/" + mobility)
        .then()
        .statusCode(200)
        .body("statusReason", org.hamcrest.Matchers.nullValue());
  }

  /**
   * Issue 24: anonymous callers never see a count from 1 to 4 (it is withheld and flagged); a
   * registrar, who may read every mobility, sees every count.
   */
  @Test
  void smallCellsAreWithheldFromAnonymousCallersButNotFromRegistrars() {
    ExchangeApi.nominate(ExchangeApi.openProgram(3, 3), "SENDING_TO_RECEIVING", 7);
    List<Map<String, Object>> anonymous =
        io.restassured.RestAssured.given()
            .get("/api/v1/statistics/mobilities")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    List<Map<String, Object>> registrar =
        as(TestTokens.registrar())
            .get("/api/v1/statistics/mobilities")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertTrue(
        registrar.stream().anyMatch(r -> ((Number) r.get("total")).longValue() < 5),
        "a small cell exists: " + registrar);
    assertTrue(registrar.stream().noneMatch(r -> (Boolean) r.get("suppressed")));
    for (Map<String, Object> row : anonymous) {
      Number total = (Number) row.get("total");
      assertTrue(
          total == null ? (Boolean) row.get("suppressed") : total.longValue() >= 5, row.toString());
      ((Map<?, ?>) row.get("byStatus"))
          .values()
          .forEach(n -> assertTrue(((Number) n).longValue() >= 5, row.toString()));
    }
  }

  private List<String> holding(List<String> values) {
    return PersonalDataScan.columnsHolding(em, values);
  }

  private static Object registrarStatistics() {
    return as(TestTokens.registrar())
        .queryParam("academicYear", "2026/2027")
        .get("/api/v1/statistics/mobilities")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static String openProgram() {
    return ExchangeApi.openProgram(3, 3);
  }

  private static RequestSpecification as(String token) {
    return ExchangeApi.as(token);
  }
}
