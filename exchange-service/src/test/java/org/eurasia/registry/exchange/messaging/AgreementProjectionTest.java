package org.eurasia.registry.exchange.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.exchange.messaging.AgreementFixtures.Party;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of agreement events, against real Kafka and PostgreSQL. Fixtures are validated
 * against the schema file agreements-service owns, so a producer change that breaks this consumer
 * fails here too.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementProjectionTest {

  @Inject AgreementProjectionRepository projections;

  @BeforeAll
  static void theProducersTopicExists() {
    KafkaProbe.createTopic(AgreementFixtures.TOPIC, 3);
  }

  static void publish(String eventId, UUID id, String type, String status, long version) {
    AgreementFixtures.publish(eventId, id, type, status, version);
  }

  AgreementProjection projection(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> projections.findById(id));
  }

  @Test
  void theProjectionFollowsTheNewestVersionAppliedOnce() {
    UUID id = UUID.randomUUID();
    publish(UUID.randomUUID().toString(), id, "drafted", "DRAFT", 0);
    String inForce = UUID.randomUUID().toString();
    publish(inForce, id, "entered-into-force", "IN_FORCE", 3);
    publish(UUID.randomUUID().toString(), id, "signed", "SIGNED", 2);
    publish(inForce, id, "entered-into-force", "IN_FORCE", 3);
    String suspended = UUID.randomUUID().toString();
    publish(suspended, id, "suspended", "SUSPENDED", 4);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              AgreementProjection p = projection(id);
              return p != null && p.version() == 4;
            });
    AgreementProjection p = projection(id);
    assertEquals("SUSPENDED", p.status(), "the late version 2 did not roll the status back");
    assertEquals("BY", p.parties().get(1).country());
    assertTrue(p.parties().get(1).consented());
  }

  /**
   * Issue 17: agreements-service announces a draft abandoned before signature as {@code withdrawn}.
   * It is projected like any other change (a copy kept at DRAFT would still answer "DRAFT" in
   * problems), and nothing runs under it.
   */
  @Test
  void aWithdrawnDraftIsProjectedAsWithdrawn() {
    UUID id = UUID.randomUUID();
    publish(UUID.randomUUID().toString(), id, "drafted", "DRAFT", 0);
    publish(UUID.randomUUID().toString(), id, "withdrawn", "WITHDRAWN", 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              AgreementProjection p = projection(id);
              return p != null && p.version() == 1;
            });
    assertEquals("WITHDRAWN", projection(id).status());
  }

  static Response createAsRegistrar(Map<String, Object> body) {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/programs");
  }

  static Map<String, Object> programme(UUID agreement) {
    return Map.of(
        "code",
        "K/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        "kind",
        "STAFF_TRAINING",
        "agreementId",
        agreement.toString(),
        "sendingInstitution",
        "qau.edu.pk",
        "receivingInstitution",
        "bsu.by",
        "terms",
        Map.of(
            "title",
            Map.of("en", "Staff training"),
            "academicYears",
            List.of("2026/2027"),
            "quotas",
            List.of(),
            "duration",
            Map.of("amount", 10, "unit", "DAYS")));
  }

  /**
   * Belarus's committee is named as an observer but has not accepted: the agreement binds
   * qau.edu.pk only, so it covers no Belarusian university. Once agreements-service announces the
   * committee's acceptance (party-accepted), it does.
   */
  @Test
  void aPartyCountsForCoverageOnlyOnceItConsented() {
    UUID id = UUID.randomUUID();
    AgreementFixtures.publishWithParties(
        id,
        "entered-into-force",
        "IN_FORCE",
        3,
        List.of(
            new Party("qau.edu.pk", "PK", "SIGNATORY", true, true),
            new Party("gknt.gov.by", "BY", "OBSERVER", false, false)));
    Response refused =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> createAsRegistrar(programme(id)),
                r -> "institution-not-covered".equals(r.path("condition")));
    assertTrue(
        refused.<String>path("detail").startsWith("receivingInstitution"), refused.asString());
    // bsu.by's own partner may not run programmes under it either: the agreement does not cover its
    // organization.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("bsu.by")))
        .contentType(ContentType.JSON)
        .body(programme(id))
        .post("/api/v1/programs")
        .then()
        .statusCode(403);
    assertFalse(projection(id).parties().get(1).consented());

    AgreementFixtures.publishWithParties(
        id,
        "party-accepted",
        "IN_FORCE",
        4,
        List.of(
            new Party("qau.edu.pk", "PK", "SIGNATORY", true, true),
            new Party("gknt.gov.by", "BY", "OBSERVER", false, true)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> createAsRegistrar(programme(id)).statusCode() == 201);
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("bsu.by")))
        .contentType(ContentType.JSON)
        .body(programme(id))
        .post("/api/v1/programs")
        .then()
        .statusCode(201)
        .body("acceptedInstitutions", contains("bsu.by"));
  }

  /**
   * Events written before agreements-service published consent: a signatory that signed consented,
   * an observer did not.
   */
  @Test
  void consentMissingFromOlderEventsIsDerivedAsTheProducersContractSays() {
    UUID id = UUID.randomUUID();
    AgreementFixtures.publishWithParties(
        id,
        "entered-into-force",
        "IN_FORCE",
        3,
        List.of(
            new Party("qau.edu.pk", "PK", "SIGNATORY", true, null),
            new Party("gknt.gov.by", "BY", "OBSERVER", false, null)));
    Response refused =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> createAsRegistrar(programme(id)),
                r -> "institution-not-covered".equals(r.path("condition")));
    assertTrue(
        refused.<String>path("detail").startsWith("receivingInstitution"),
        "qau.edu.pk counted as consented: " + refused.asString());
    AgreementProjection p = projection(id);
    assertTrue(p.parties().get(0).consented());
    assertFalse(p.parties().get(1).consented());
  }
}
