package org.eurasia.registry.exchange.api;

import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.exchange.api.ExchangeApi.DRAFT_MOU;
import static org.eurasia.registry.exchange.api.ExchangeApi.MINISTRIES_MOU;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.eurasia.registry.exchange.api.ExchangeApi.create;
import static org.eurasia.registry.exchange.api.ExchangeApi.program;
import static org.eurasia.registry.exchange.api.ExchangeApi.terms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.exchange.messaging.AgreementFixtures;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Programmes over HTTP against real PostgreSQL and Kafka: the rules for creating and opening,
 * rights on the agreement a request names, consent of the institutions it names, auth, search,
 * events.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProgramResourceTest {

  static final Path SCHEMA =
      EventSchemas.file("exchange-service/contract/events/registry.program.v1.schema.json");
  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");

  @Test
  void aPartnerCreatesAProgrammeUnderAnAgreementInForceCoveringItsInstitution() {
    var created =
        create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, null)))
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("status", equalTo("PLANNED"))
            .body("sendingCountry", equalTo("PK"))
            .body("receivingCountry", equalTo("BY"))
            .body("quotas.find { it.direction == 'SENDING_TO_RECEIVING' }.places", equalTo(3))
            .body("quotas.find { it.direction == 'RECEIVING_TO_SENDING' }.places", nullValue())
            .body("acceptedInstitutions", contains("qau.edu.pk"))
            .body("pendingInstitutions", contains("bsu.by"))
            .extract();
    String id = created.path("id");
    RestAssured.given()
        .get("/api/v1/programs/" + id)
        .then()
        .statusCode(200)
        .body("code", equalTo(created.path("code")));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.programs",
            r -> id.equals(r.key()),
            1,
            Duration.ofSeconds(20),
            Duration.ofMillis(500));
    assertEquals(1, events.size());
    assertEquals("registry.program.created.v1", KafkaProbe.header(events.get(0), "ce_type"));
    EventSchemas.assertValid(SCHEMA, events.get(0).value());
    assertTrue(
        new String(events.get(0).value(), StandardCharsets.UTF_8)
            .contains("\"acceptedInstitutions\":[\"qau.edu.pk\"]"));
  }

  @Test
  void namingAnInstitutionDoesNotBindItUntilItsOwnPartnerAccepts() {
    String id =
        create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/programs/" + id;
    // Invited, bsu.by manages nothing and the programme is not yet one of its own.
    as(BSU).post(path + "/opening").then().statusCode(403).contentType("application/problem+json");
    as(BSU)
        .body(Map.of("reason", "Not ours yet"))
        .post(path + "/suspension")
        .then()
        .statusCode(403);
    as(QAU)
        .post(path + "/opening")
        .then()
        .statusCode(422)
        .body("condition", equalTo("institution-not-accepted"))
        .body("pendingInstitutions", contains("bsu.by"))
        .body("detail", containsString("bsu.by"));
    RestAssured.given()
        .queryParam("institution", "bsu.by")
        .queryParam("limit", 100)
        .queryParam("status", "PLANNED")
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    RestAssured.given()
        .queryParam("invitedOrganization", "bsu.by")
        .queryParam("limit", 100)
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    RestAssured.given()
        .queryParam("institution", "qau.edu.pk")
        .queryParam("limit", 100)
        .queryParam("status", "PLANNED")
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));

    // Consent is the named institution's own: nobody accepts for another, and only a named
    // institution accepts.
    as(TestTokens.partner("pu.edu.pk"))
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(QAU)
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(TestTokens.partner("pu.edu.pk"))
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "pu.edu.pk"))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(TestTokens.registrar())
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "pu.edu.pk"))
        .post(path + "/acceptances")
        .then()
        .statusCode(422)
        .body("condition", equalTo("not-named"));
    as(TestTokens.attendee("someone@bsu.by", "bsu.by"))
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    RestAssured.given()
        .get(path)
        .then()
        .body("pendingInstitutions", contains("bsu.by"))
        .body("version", equalTo(0))
        .body("allowedTransitions", contains("accept", "open", "suspend", "update"));
    // An acceptance binds the terms read: the version must be named, and be the current one.
    as(BSU)
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(428);
    as(BSU)
        .header("If-Match", "*")
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(428);
    as(BSU)
        .header("If-Match", "\"9\"")
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(412);

    as(BSU)
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(200)
        .body("acceptedInstitutions", contains("qau.edu.pk", "bsu.by"))
        .body("pendingInstitutions", empty())
        .body("allowedTransitions", contains("open", "suspend", "update"));
    as(BSU)
        .header("If-Match", ExchangeApi.etag(path))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(path + "/acceptances")
        .then()
        .statusCode(409);
    RestAssured.given()
        .queryParam("institution", "bsu.by")
        .queryParam("limit", 100)
        .queryParam("status", "PLANNED")
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    as(BSU).post(path + "/opening").then().statusCode(200).body("status", equalTo("OPEN"));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.programs",
            r -> id.equals(r.key()),
            3,
            Duration.ofSeconds(20),
            Duration.ofMillis(500));
    assertEquals(
        List.of(
            "registry.program.created.v1",
            "registry.program.institution-accepted.v1",
            "registry.program.opened.v1"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    assertTrue(
        new String(events.get(1).value(), StandardCharsets.UTF_8)
            .contains("\"acceptedInstitutions\":[\"qau.edu.pk\",\"bsu.by\"]"));
  }

  @Test
  void termsRevisedBeforeTheProgrammeOpensInviteTheOtherInstitutionAgain() {
    String id =
        create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/programs/" + id;
    ExchangeApi.accept(id, "bsu.by");
    RestAssured.given().get(path).then().body("pendingInstitutions", empty());
    // qau.edu.pk changes the quotas bsu.by accepted: bsu.by accepted the old terms, not these.
    as(QAU)
        .header("If-Match", ExchangeApi.etag(path))
        .body(terms(9, 9))
        .put(path)
        .then()
        .statusCode(200)
        .body("acceptedInstitutions", contains("qau.edu.pk"))
        .body("pendingInstitutions", contains("bsu.by"));
    as(QAU)
        .post(path + "/opening")
        .then()
        .statusCode(422)
        .body("condition", equalTo("institution-not-accepted"));
    ExchangeApi.accept(id, "bsu.by");
    as(QAU).post(path + "/opening").then().statusCode(200);
    // Once it ran, the two institutions manage it together: a revision keeps both.
    as(BSU)
        .header("If-Match", ExchangeApi.etag(path))
        .body(terms(9, 8))
        .put(path)
        .then()
        .statusCode(200)
        .body("pendingInstitutions", empty())
        .body("status", equalTo("OPEN"));
  }

  @Test
  void aRegistrarMayRecordAnInstitutionsAcceptance() {
    String id =
        create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(TestTokens.registrar())
        .header("If-Match", ExchangeApi.etag("/api/v1/programs/" + id))
        .body(Map.of("organizationCode", "bsu.by"))
        .post("/api/v1/programs/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .body("acceptedInstitutions", contains("qau.edu.pk", "bsu.by"));
  }

  @Test
  void acceptingAProgrammeTheCallerMayNotSeeIsA404LikeAnUnknownOne() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram("STAFF_TRAINING");
    String unknown = UUID.randomUUID().toString();
    String outsider = TestTokens.partner("comsats.edu.pk");
    Response onHidden =
        as(outsider)
            .header("If-Match", ExchangeApi.etag("/api/v1/programs/" + hidden.programId()))
            .body(Map.of("organizationCode", "comsats.edu.pk"))
            .post("/api/v1/programs/" + hidden.programId() + "/acceptances");
    Response onUnknown =
        as(outsider)
            .header("If-Match", ExchangeApi.etag("/api/v1/programs/" + unknown))
            .body(Map.of("organizationCode", "comsats.edu.pk"))
            .post("/api/v1/programs/" + unknown + "/acceptances");
    assertEquals(404, onHidden.statusCode());
    assertEquals(
        ExchangeApi.withoutIds(onUnknown, unknown),
        ExchangeApi.withoutIds(onHidden, hidden.programId()));
  }

  @Test
  void anAgreementTheCallerMayNotReadIsAnsweredExactlyLikeAnUnknownOne() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE");
    String unknown = UUID.randomUUID().toString();
    // qau.edu.pk is covered by the ministries' memorandum but is no party to it: it may not read
    // it, so it may not name it.
    Response onHidden =
        create(QAU, program(hidden.agreementId(), "qau.edu.pk", "bsu.by", terms(3, 3)));
    Response onUnknown = create(QAU, program(unknown, "qau.edu.pk", "bsu.by", terms(3, 3)));
    onHidden
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("agreementId"));
    assertEquals(
        ExchangeApi.withoutIds(onUnknown, unknown),
        ExchangeApi.withoutIds(onHidden, hidden.agreementId()));
    assertFalse(onHidden.asString().contains(hidden.agreementCode()), onHidden.asString());
    // A party may name it, but a ministry is no institution of the programme: it does not act for
    // the universities.
    create(
            TestTokens.partner("most.gov.pk"),
            program(hidden.agreementId(), "qau.edu.pk", "bsu.by", terms(3, 3)))
        .then()
        .statusCode(403);
  }

  @Test
  void aConfidentialAgreementsPartiesNameItAndCreateUnderIt() {
    KafkaProbe.createTopic("registry.agreements", 3);
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publishConfidential(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    Map<String, Object> body = program(agreement.toString(), "qau.edu.pk", "bsu.by", terms(3, 3));
    await().atMost(Duration.ofSeconds(30)).until(() -> create(QAU, body).statusCode() == 201);
  }

  @Test
  void aPartnerWhoseOrganizationTheAgreementDoesNotCoverMayNotCreateUnderIt() {
    // The CPEC memorandum binds two universities, COMSATS and CUC: it covers no other Pakistani
    // university.
    String cpec = "5eed0000-0000-4000-8000-0000000a0004";
    create(QAU, program(cpec, "qau.edu.pk", "cuc.edu.cn", terms(3, 3)))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("not covered"));
    create(TestTokens.registrar(), program(cpec, "qau.edu.pk", "cuc.edu.cn", terms(3, 3)))
        .then()
        .statusCode(422)
        .body("condition", equalTo("institution-not-covered"))
        .body("detail", containsString("sendingInstitution"));
    create(
            TestTokens.partner("comsats.edu.pk"),
            program(cpec, "comsats.edu.pk", "cuc.edu.cn", terms(3, 3)))
        .then()
        .statusCode(201);
  }

  @Test
  void programmeCodesAreUniquePerAgreementSoAHiddenProgrammesCodeIsNeverConfirmed() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram("SCHOLARSHIP_SCHEME");
    Map<String, Object> same = program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3));
    same.put("code", hidden.programCode());
    same.put("kind", "SCHOLARSHIP_SCHEME");
    String visible = create(QAU, same).then().statusCode(201).extract().path("id");
    create(QAU, same).then().statusCode(409).body("detail", containsString(MINISTRIES_MOU));

    // Two programmes now share the code: pages ordered by code continue by id, each listed exactly
    // once.
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page =
          as(TestTokens.registrar())
              .queryParam("kind", "SCHOLARSHIP_SCHEME")
              .queryParam("limit", 1)
              .queryParam("cursor", cursor == null ? "" : cursor)
              .get("/api/v1/programs")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(1, seen.stream().filter(hidden.programId()::equals).count(), seen.toString());
    assertEquals(1, seen.stream().filter(visible::equals).count(), seen.toString());
  }

  @Test
  void aForgedProgrammeCursorIsABadRequestNamingIt() {
    for (String raw :
        List.of(
            "QAU-BSU/STUD/2026\u001fnot-a-uuid",
            "' OR 1=1 --\u001f" + UUID.randomUUID(),
            "QAU-BSU/STUD/2026")) {
      String forged =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
      RestAssured.given()
          .queryParam("cursor", forged)
          .get("/api/v1/programs")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("cursor"));
    }
  }

  /**
   * No exchange text field is documented multi-line: a CR or LF anywhere is refused before it is
   * stored (a 400 problem; which field is named depends on the platform's JSON reader, see the
   * README).
   */
  @Test
  void textFieldsAreSingleLineAndRefuseControlCharacters() {
    Map<String, Object> crInTitle = terms(3, 3);
    crInTitle.put("title", Map.of("en", "Exchange\rDTSTART:20260101"));
    Map<String, Object> body = program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", crInTitle);
    create(QAU, body).then().statusCode(400).contentType("application/problem+json");
    String id = ExchangeApi.openProgram(1, 1);
    as(QAU)
        .body(Map.of("reason", "Paused\nSTATUS:CANCELLED"))
        .post("/api/v1/programs/" + id + "/suspension")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    RestAssured.given().get("/api/v1/programs/" + id).then().body("status", equalTo("OPEN"));
  }

  @Test
  void anAgreementNotHeardOfIsAnUnknownReference() {
    create(QAU, program(UUID.randomUUID().toString(), "qau.edu.pk", "bsu.by", terms(3, 3)))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("agreementId"));
  }

  @Test
  void anAgreementNotInForceIsRefusedNamingTheCondition() {
    create(TestTokens.registrar(), program(DRAFT_MOU, "qau.edu.pk", "bsu.by", terms(3, 3)))
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo("agreement-not-in-force"));
    // No signatory of the draft has signed, so no one consented yet: it covers no partner's
    // organization.
    create(QAU, program(DRAFT_MOU, "qau.edu.pk", "bsu.by", terms(3, 3))).then().statusCode(403);
  }

  @Test
  void anInstitutionOutsideThePartyStatesIsRefused() {
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "cuc.edu.cn", terms(3, 3)))
        .then()
        .statusCode(422)
        .body("condition", equalTo("institution-not-covered"))
        .body("detail", org.hamcrest.Matchers.containsString("cuc.edu.cn"));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "nust.edu.pk", terms(3, 3)))
        .then()
        .statusCode(422)
        .body("condition", equalTo("institution-unknown"));
  }

  @Test
  void onlyTheInstitutionsPartnersOrARegistrarManageAProgramme() {
    Map<String, Object> body = program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3));
    create(TestTokens.partner("pu.edu.pk"), body)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    RestAssured.given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/programs")
        .then()
        .statusCode(401);
    // A registrar acts for every organization: its creation binds both institutions.
    String id =
        create(TestTokens.registrar(), body)
            .then()
            .statusCode(201)
            .body("acceptedInstitutions", contains("qau.edu.pk", "bsu.by"))
            .extract()
            .path("id");
    as(TestTokens.partner("pu.edu.pk"))
        .post("/api/v1/programs/" + id + "/opening")
        .then()
        .statusCode(403);
    as(TestTokens.partner("bsu.by"))
        .post("/api/v1/programs/" + id + "/opening")
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"));
  }

  @Test
  void invalidTermsNameTheField() {
    Map<String, Object> terms = terms(3, 3);
    terms.put("academicYears", List.of("2026-2027"));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("terms.academicYears[0]"));
    Map<String, Object> badLevel = terms(3, 3);
    badLevel.put("eqfLevels", List.of(4));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", badLevel)).then().statusCode(400);
    Map<String, Object> cefrAlone = terms(3, 3);
    cefrAlone.remove("language");
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", cefrAlone))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("minimumCefr"));
  }

  @Test
  void updatesNeedTheCurrentETagAndQuotasCannotDropBelowAcceptedMobilities() {
    String id = ExchangeApi.openProgram(2, 2);
    String mobility = ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 7);
    as(TestTokens.partner("bsu.by"))
        .post("/api/v1/mobilities/" + mobility + "/acceptance")
        .then()
        .statusCode(200);
    String etag = RestAssured.given().get("/api/v1/programs/" + id).then().extract().header("ETag");

    as(QAU).body(terms(1, 2)).put("/api/v1/programs/" + id).then().statusCode(428);
    as(QAU)
        .header("If-Match", "\"999\"")
        .body(terms(1, 2))
        .put("/api/v1/programs/" + id)
        .then()
        .statusCode(412);
    as(QAU)
        .header("If-Match", etag)
        .body(terms(0, 2))
        .put("/api/v1/programs/" + id)
        .then()
        .statusCode(422)
        .body("condition", equalTo("quota-below-accepted"));
    as(QAU)
        .header("If-Match", etag)
        .body(terms(1, 4))
        .put("/api/v1/programs/" + id)
        .then()
        .statusCode(200)
        .body("quotas.find { it.direction == 'SENDING_TO_RECEIVING' }.remaining", equalTo(0))
        .body("quotas.find { it.direction == 'RECEIVING_TO_SENDING' }.places", equalTo(4));
  }

  @Test
  void theLifecycleRefusesWhatTheStatusDoesNotAllow() {
    String id = ExchangeApi.openProgram(2, 2);
    as(QAU)
        .post("/api/v1/programs/" + id + "/completion")
        .then()
        .statusCode(409)
        .body("currentState", equalTo("OPEN"))
        .body("allowedTransitions", contains("close", "suspend", "update"));
    as(QAU)
        .post("/api/v1/programs/" + id + "/closing")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    as(QAU)
        .body(Map.of("reason", "Laboratory renovation"))
        .post("/api/v1/programs/" + id + "/suspension")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"))
        .body("suspendedByAgreement", equalTo(false));
    as(QAU)
        .delete("/api/v1/programs/" + id + "/suspension")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    as(QAU)
        .post("/api/v1/programs/" + id + "/completion")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"));
  }

  @Test
  void aLifecycleCommandRetriedWithItsKeyActsOnceAndTheKeyNamesOneProgrammesCommand() {
    String first = ExchangeApi.openProgram(2, 2);
    String other = ExchangeApi.openProgram(2, 2);
    String key = "suspend-" + UUID.randomUUID();
    Map<String, String> body = Map.of("reason", "Laboratory renovation");
    String etag = ExchangeApi.etag("/api/v1/programs/" + first);

    Response done =
        as(QAU)
            .header("Idempotency-Key", key)
            .header("If-Match", etag)
            .body(body)
            .post("/api/v1/programs/" + first + "/suspension");
    done.then().statusCode(200).body("status", equalTo("SUSPENDED"));
    assertNull(done.header("Idempotent-Replayed"));
    String version = ExchangeApi.etag("/api/v1/programs/" + first);
    assertEquals(done.header("ETag"), version);

    // The retry carries the If-Match it first sent, stale by now: it gets the first answer, not
    // 412.
    Response retried =
        as(QAU)
            .header("Idempotency-Key", key)
            .header("If-Match", etag)
            .body(body)
            .post("/api/v1/programs/" + first + "/suspension");
    assertEquals(200, retried.statusCode());
    assertEquals("true", retried.header("Idempotent-Replayed"));
    assertEquals(done.header("ETag"), retried.header("ETag"));
    assertEquals(done.asString(), retried.asString());
    assertEquals(version, ExchangeApi.etag("/api/v1/programs/" + first), "suspended once");

    // The same key on another programme is another operation: it runs.
    Response elsewhere =
        as(QAU)
            .header("Idempotency-Key", key)
            .header("If-Match", ExchangeApi.etag("/api/v1/programs/" + other))
            .body(body)
            .post("/api/v1/programs/" + other + "/suspension");
    elsewhere
        .then()
        .statusCode(200)
        .body("id", equalTo(other))
        .body("status", equalTo("SUSPENDED"));
    assertNull(elsewhere.header("Idempotent-Replayed"));
  }

  @Test
  void searchFiltersByCountryPairInstitutionYearFieldAndStatusAndPages() {
    String open = ExchangeApi.openProgram(1, 1);
    RestAssured.given()
        .queryParam("countryPair", "BY-PK")
        .queryParam("status", "OPEN")
        .queryParam("limit", 100)
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(open))
        .body("items.status", everyItem(equalTo("OPEN")));
    RestAssured.given()
        .queryParam("countryPair", "PK-CN")
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(open)))
        .body("items.code", hasItem("COMSATS-CUC/PHD/2026"));
    RestAssured.given()
        .queryParam("institution", "bsu.by")
        .queryParam("academicYear", "2026/2027")
        .queryParam("iscedCode", "0613")
        .queryParam("limit", 100)
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(open));
    RestAssured.given()
        .queryParam("countryPair", "PAK-BY")
        .get("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("countryPair"));

    String first =
        RestAssured.given()
            .queryParam("limit", 1)
            .get("/api/v1/programs")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    String secondCode =
        RestAssured.given()
            .queryParam("limit", 1)
            .queryParam("cursor", first)
            .get("/api/v1/programs")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].code");
    String firstCode =
        RestAssured.given()
            .queryParam("limit", 1)
            .get("/api/v1/programs")
            .then()
            .extract()
            .path("items[0].code");
    assertTrue(secondCode.compareTo(firstCode) >= 0, "pages continue in code order");
  }

  @Test
  void quotaUseComparesPlacesWithNominatedAcceptedAndCompleted() {
    String id = ExchangeApi.openProgram(5, null);
    String a = ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 7);
    ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 6);
    ExchangeApi.nominate(id, "RECEIVING_TO_SENDING", 6);
    as(TestTokens.partner("bsu.by"))
        .post("/api/v1/mobilities/" + a + "/acceptance")
        .then()
        .statusCode(200);
    as(QAU)
        .body(Map.of("startedOn", "2027-02-01"))
        .post("/api/v1/mobilities/" + a + "/start")
        .then()
        .statusCode(200);
    as(QAU)
        .body(Map.of("endedOn", "2027-06-30", "recognized", true, "ectsCredits", 30))
        .post("/api/v1/mobilities/" + a + "/completion")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"));

    RestAssured.given()
        .get("/api/v1/programs/" + id + "/quota-use")
        .then()
        .statusCode(200)
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.places", equalTo(5))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.nominated", equalTo(2))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.accepted", equalTo(1))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.completed", equalTo(1))
        .body("find { it.direction == 'RECEIVING_TO_SENDING' }.places", nullValue())
        .body("find { it.direction == 'RECEIVING_TO_SENDING' }.nominated", equalTo(1));
  }
}
