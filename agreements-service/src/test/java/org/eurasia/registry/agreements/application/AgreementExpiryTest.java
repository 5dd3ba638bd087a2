package org.eurasia.registry.agreements.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The expiry job against real PostgreSQL and Kafka: a passed end date expires the agreement,
 * records a version and says so in an event; recorded versions cannot be rewritten.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementExpiryTest {

  @Inject AgreementExpiry expiry;

  @Inject jakarta.persistence.EntityManager em;

  static String inForceSince(String date, int months, boolean autoRenewal) {
    String registrar = TestTokens.bearer(TestTokens.registrar());
    String id =
        given()
            .header("Authorization", registrar)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "code",
                    "PK-BY/MOU/2000/EX-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "terms",
                    Map.of(
                        "kind",
                        "MEMORANDUM_OF_UNDERSTANDING",
                        "title",
                        Map.of("en", "Old memorandum"),
                        "parties",
                        List.of(
                            Map.of("organizationCode", "qau.edu.pk", "role", "SIGNATORY"),
                            Map.of("organizationCode", "bsu.by", "role", "SIGNATORY")),
                        "durationMonths",
                        months,
                        "autoRenewal",
                        autoRenewal)))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<String> signatories = List.of("qau.edu.pk", "bsu.by");
    for (int version = 0; version < signatories.size(); version++) {
      // A signature names the version signed: the draft is version 0, the first signature makes
      // version 1.
      given()
          .header("Authorization", registrar)
          .header("If-Match", "\"" + version + "\"")
          .contentType(ContentType.JSON)
          .body(Map.of("organizationCode", signatories.get(version), "date", date))
          .post("/api/v1/agreements/" + id + "/signatures")
          .then()
          .statusCode(200);
    }
    given()
        .header("Authorization", registrar)
        .contentType(ContentType.JSON)
        .body(Map.of("date", date))
        .post("/api/v1/agreements/" + id + "/entry-into-force")
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  void anAgreementPastItsEndDateExpiresOrRenewsAndAnnouncesIt() {
    String expiring = inForceSince("2000-01-01", 12, false);
    String renewing = inForceSince("2000-01-01", 12, true);
    String current = inForceSince(LocalDate.now().toString(), 12, false);

    assertTrue(expiry.expireDue(LocalDate.now()) >= 2);

    given()
        .get("/api/v1/agreements/" + expiring)
        .then()
        .body("status", equalTo("EXPIRED"))
        .body("endedOn", equalTo("2001-01-01"));
    given().get("/api/v1/agreements/" + renewing).then().body("status", equalTo("IN_FORCE"));
    given().get("/api/v1/agreements/" + current).then().body("status", equalTo("IN_FORCE"));
    assertTrue(
        LocalDate.parse(given().get("/api/v1/agreements/" + renewing).path("expiresOn"))
            .isAfter(LocalDate.now()),
        "a renewing agreement catches up to a future expiry date");
    // History is append-only even for code that bypasses the application: the database refuses to
    // rewrite it.
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class,
        () ->
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "UPDATE agreement_version SET change = 'FORGED' WHERE agreement_id = ?1")
                            .setParameter(1, UUID.fromString(expiring))
                            .executeUpdate()));
    var events =
        KafkaProbe.collect(
            "registry.agreements",
            r -> expiring.equals(r.key()),
            5,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        "registry.agreement.expired.v1",
        KafkaProbe.header(events.get(events.size() - 1), "ce_type"));
  }

  @Test
  void theExpiryIsInTheAgreementsHistoryAsTheJobsChange() {
    String expiring = inForceSince("2000-01-01", 12, false);

    expiry.expireDue(LocalDate.now());

    List<Map<String, Object>> history =
        given()
            .get("/api/v1/agreements/" + expiring + "/history?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    Map<String, Object> last = history.get(history.size() - 1);
    assertEquals("registry.agreement.expired.v1", last.get("eventType"));
    assertEquals(AgreementExpiry.JOB, last.get("operation"));
    assertEquals(Map.of("subject", "system", "role", "system"), last.get("actor"));
    assertEquals(null, last.get("requestId"));
  }
}
