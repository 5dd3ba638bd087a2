package org.eurasia.registry.exchange.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement events arriving over real Kafka suspend and resume programmes: the reaction runs in the
 * consumer's transaction, and each programme change is published as its own event. (The same across
 * two running services is {@code CrossServiceReactionsIT}.)
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProgramsFollowTheirAgreementTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String QAU = TestTokens.partner("qau.edu.pk");

  @BeforeAll
  static void theProducersTopicExists() {
    KafkaProbe.createTopic(AgreementFixtures.TOPIC, 3);
  }

  static String programStatus(String id) {
    return given().get("/api/v1/programs/" + id).then().statusCode(200).extract().path("status");
  }

  /**
   * An agreement in force between qau.edu.pk and bsu.by, known here from its event, with one open
   * and one planned programme.
   */
  static String[] agreementWithProgrammes(UUID agreement) {
    AgreementFixtures.publish(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    Map<String, Object> body =
        Map.of(
            "code",
            "F/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            "kind",
            "TEACHER_EXCHANGE",
            "agreementId",
            agreement.toString(),
            "sendingInstitution",
            "qau.edu.pk",
            "receivingInstitution",
            "bsu.by",
            "terms",
            Map.of(
                "title",
                Map.of("en", "Teacher exchange"),
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
                        2)),
                "duration",
                Map.of("amount", 14, "unit", "DAYS")));
    // The programme can be created once the agreement's event has been applied here.
    String open =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    given()
                        .header("Authorization", TestTokens.bearer(QAU))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    acceptedByBsu(open);
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .post("/api/v1/programs/" + open + "/opening")
        .then()
        .statusCode(200);
    Map<String, Object> second = new java.util.HashMap<>(body);
    second.put("code", "F/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    String planned =
        given()
            .header("Authorization", TestTokens.bearer(QAU))
            .contentType(ContentType.JSON)
            .body(second)
            .post("/api/v1/programs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    acceptedByBsu(planned);
    return new String[] {open, planned};
  }

  /**
   * bsu.by, named by qau.edu.pk's programme, accepts it: a programme opens only once both
   * institutions did.
   */
  static void acceptedByBsu(String program) {
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
  }

  @Test
  void suspendingAnAgreementSuspendsItsOpenProgrammesAndResumingReopensThem() {
    UUID agreement = UUID.randomUUID();
    String[] programmes = agreementWithProgrammes(agreement);
    String open = programmes[0];
    String planned = programmes[1];

    AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("SUSPENDED"));
    given()
        .get("/api/v1/programs/" + open)
        .then()
        .body("suspendedByAgreement", equalTo(true))
        .body("suspensionReason", org.hamcrest.Matchers.containsString("SUSPENDED"));
    assertEquals("PLANNED", programStatus(planned), "only open programmes are suspended");
    // Opening under a suspended agreement is refused.
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .post("/api/v1/programs/" + planned + "/opening")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"));

    AgreementFixtures.publish(agreement, "resumed", "IN_FORCE", 5, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("OPEN"));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.programs", r -> open.equals(r.key()), 5, WAIT, Duration.ofMillis(500));
    assertEquals(
        List.of(
            "registry.program.created.v1",
            "registry.program.institution-accepted.v1",
            "registry.program.opened.v1",
            "registry.program.suspended.v1",
            "registry.program.resumed.v1"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    events.forEach(
        r ->
            EventSchemas.assertValid(
                EventSchemas.file(
                    "exchange-service/contract/events/registry.program.v1.schema.json"),
                r.value()));
  }

  @Test
  void
      aTerminatedAgreementSuspendsItsProgrammesForGoodAndAManualSuspensionIsNotLiftedByTheAgreement() {
    UUID agreement = UUID.randomUUID();
    String[] programmes = agreementWithProgrammes(agreement);
    String open = programmes[0];
    String manual = programmes[1];
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .post("/api/v1/programs/" + manual + "/opening")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Paused by the university"))
        .post("/api/v1/programs/" + manual + "/suspension")
        .then()
        .statusCode(200);

    AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("SUSPENDED"));
    AgreementFixtures.publish(agreement, "resumed", "IN_FORCE", 5, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("OPEN"));
    assertEquals(
        "SUSPENDED",
        programStatus(manual),
        "the agreement resuming does not lift a suspension a person decided");

    AgreementFixtures.publish(agreement, "terminated", "TERMINATED", 6, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("SUSPENDED"));
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .delete("/api/v1/programs/" + open + "/suspension")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"));
  }

  /**
   * The universities run a programme under the ministries' confidential memorandum without being
   * parties to it: when it leaves force, the suspension they read says so without the memorandum's
   * code or status.
   */
  @Test
  void aConfidentialAgreementLeavingForceSuspendsItsProgrammesWithoutNamingIt() {
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publishConfidential(
        agreement, "entered-into-force", "IN_FORCE", 3, "most.gov.pk", "gknt.gov.by");
    Map<String, Object> body =
        Map.of(
            "code",
            "F/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            "kind",
            "TEACHER_EXCHANGE",
            "agreementId",
            agreement.toString(),
            "sendingInstitution",
            "qau.edu.pk",
            "receivingInstitution",
            "bsu.by",
            "terms",
            Map.of(
                "title",
                Map.of("en", "Teacher exchange"),
                "academicYears",
                List.of("2026/2027"),
                "quotas",
                List.of(),
                "duration",
                Map.of("amount", 14, "unit", "DAYS")));
    String open =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    given()
                        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .post("/api/v1/programs/" + open + "/opening")
        .then()
        .statusCode(200);

    AgreementFixtures.publishConfidential(
        agreement, "suspended", "SUSPENDED", 4, "most.gov.pk", "gknt.gov.by");
    await().atMost(WAIT).until(() -> statusSeenBy(QAU, open).equals("SUSPENDED"));
    String reason =
        given()
            .header("Authorization", TestTokens.bearer(QAU))
            .get("/api/v1/programs/" + open)
            .then()
            .body("suspendedByAgreement", equalTo(true))
            .extract()
            .path("suspensionReason");
    String code = "C/" + agreement.toString().substring(0, 8).toUpperCase();
    assertFalse(reason.contains(code) || reason.contains("SUSPENDED"), reason);
    List<ConsumerRecord<String, byte[]>> suspended =
        KafkaProbe.collect(
            "registry.programs",
            r ->
                open.equals(r.key())
                    && "registry.program.suspended.v1".equals(KafkaProbe.header(r, "ce_type")),
            1,
            WAIT,
            Duration.ofMillis(500));
    assertFalse(
        new String(suspended.get(0).value(), java.nio.charset.StandardCharsets.UTF_8)
            .contains(code));
    // Reopening is refused without naming it either.
    given()
        .header("Authorization", TestTokens.bearer(QAU))
        .delete("/api/v1/programs/" + open + "/suspension")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"))
        .body("detail", not(containsString(code)));
  }

  static String statusSeenBy(String token, String id) {
    return given()
        .header("Authorization", TestTokens.bearer(token))
        .get("/api/v1/programs/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  @Test
  void aRedeliveredSuspensionChangesNothingTwice() {
    UUID agreement = UUID.randomUUID();
    String open = agreementWithProgrammes(agreement)[0];
    String eventId = UUID.randomUUID().toString();
    AgreementFixtures.publish(
        eventId, agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
    AgreementFixtures.publish(
        eventId, agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> programStatus(open).equals("SUSPENDED"));
    List<ConsumerRecord<String, byte[]>> suspensions =
        KafkaProbe.collect(
            "registry.programs",
            r ->
                open.equals(r.key())
                    && "registry.program.suspended.v1".equals(KafkaProbe.header(r, "ce_type")),
            1,
            WAIT,
            Duration.ofSeconds(2));
    assertEquals(1, suspensions.size());
  }
}
