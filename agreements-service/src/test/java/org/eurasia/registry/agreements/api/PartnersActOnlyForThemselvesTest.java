package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PROBLEM;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.SCHEMA;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.etag;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.inForce;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.sign;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.DataWitness;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 over HTTP: every id a request names is checked for the caller's right on it, naming an
 * organization binds it to nothing until its own partner consents, only signatories start or end
 * force, signatures bind a version of the text, a record the caller may not read is unknown, and
 * codes do not confirm confidential agreements.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PartnersActOnlyForThemselvesTest {

  /**
   * The public MoU of the Pakistani and Belarusian ministries, PK-BY/MOU/2021/ST-014 (most.gov.pk,
   * gknt.gov.by).
   */
  static final String MINISTRIES_MOU = AgreementResource.IN_FORCE_ID;

  /**
   * Seeded confidential agreements: in force between most.gov.pk and gknt.gov.by; a draft between
   * comsats.edu.pk and cuc.edu.cn.
   */
  static final String CONFIDENTIAL_IN_FORCE = "5eed0000-0000-4000-8000-0000000a0005";

  static final String CONFIDENTIAL_DRAFT = "5eed0000-0000-4000-8000-0000000a0007";

  @Inject DataSource dataSource;

  /** Parties as {@code code, ROLE, code, ROLE, ...}. */
  static List<Map<String, Object>> parties(String... codesAndRoles) {
    List<Map<String, Object>> parties = new ArrayList<>();
    for (int i = 0; i < codesAndRoles.length; i += 2) {
      parties.add(Map.of("organizationCode", codesAndRoles[i], "role", codesAndRoles[i + 1]));
    }
    return parties;
  }

  static Map<String, Object> terms(
      String kind, String visibility, List<Map<String, Object>> parties) {
    Map<String, Object> terms = new HashMap<>();
    terms.put("kind", kind);
    terms.put("visibility", visibility);
    terms.put("title", Map.of("en", "Trust test " + kind.toLowerCase()));
    terms.put("parties", parties);
    terms.put("durationMonths", 24);
    return terms;
  }

  static String created(RequestSpecification request, String path, Object body) {
    return request.body(body).post(path).then().statusCode(201).extract().path("id");
  }

  static Response command(String token, String id, String command, Object body) {
    RequestSpecification request = as(token).body(body);
    if (command.equals("acceptances")) {
      // An acceptance binds the version read: the current ETag (a registrar reads every agreement;
      // "0" for unknown ids).
      String etag = as(TestTokens.registrar()).get(PATH + "/" + id).header("ETag");
      request.header("If-Match", etag == null ? "\"0\"" : etag);
    }
    return request.post(PATH + "/" + id + "/" + command);
  }

  static String condition(Response response) {
    return response.jsonPath().getString("condition");
  }

  @Test
  void theReportedAttackOnThePublicMinistriesMouIsRefusedAtEveryStep() {
    // Other tests act on the seeded MoU too (the Swagger UI sweep executes its pre-filled
    // suspension); only events about changes made from here on count.
    Instant started = Instant.now();
    String cuc = TestTokens.partner("cuc.edu.cn");
    String mouEtag = etag(MINISTRIES_MOU);
    List<Map<String, Object>> hostile =
        parties("cuc.edu.cn", "SIGNATORY", "qau.edu.pk", "OBSERVER");
    try (DataWitness witness = new DataWitness(dataSource)) {
      Map<String, String> before = witness.settled();
      // As it was done: POST /agreements with kind AMENDMENT and amendsId pointing at the
      // ministries' MoU.
      Map<String, Object> amendment = terms("AMENDMENT", "PUBLIC", hostile);
      amendment.put("amendsId", MINISTRIES_MOU);
      as(cuc)
          .body(Map.of("code", uniqueCode(), "terms", amendment))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("terms.amendsId"));
      amendment.remove("amendsId");
      as(cuc)
          .body(Map.of("code", uniqueCode(), "terms", amendment))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("terms.kind"))
          .body("detail", containsString("/amendments"));
      // Through the amendments of the MoU: cuc.edu.cn is no party of it.
      as(cuc)
          .body(Map.of("code", uniqueCode(), "terms", amendment))
          .post(PATH + "/" + MINISTRIES_MOU + "/amendments")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
      assertEquals(
          List.of(),
          DataWitness.changed(before, witness.settled()),
          "the refused attempts changed nothing");
    }
    // By revising one's own draft to point at the MoU: the amended agreement is not part of the
    // terms, the kind is fixed.
    String own =
        created(
            as(cuc),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", hostile)));
    Map<String, Object> retarget = terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", hostile);
    retarget.put("amendsId", MINISTRIES_MOU);
    as(cuc)
        .header("If-Match", "\"0\"")
        .body(retarget)
        .put(PATH + "/" + own)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amendsId"));
    as(cuc)
        .header("If-Match", "\"0\"")
        .body(terms("AMENDMENT", "PUBLIC", hostile))
        .put(PATH + "/" + own)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    // Entry into force: even a genuine amendment that names cuc.edu.cn as a signatory is not cuc's
    // to put into force.
    String genuine =
        created(
            as(TestTokens.partner("most.gov.pk")),
            PATH + "/" + MINISTRIES_MOU + "/amendments",
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms(
                    "AMENDMENT",
                    "PUBLIC",
                    parties(
                        "most.gov.pk",
                        "SIGNATORY",
                        "gknt.gov.by",
                        "SIGNATORY",
                        "cuc.edu.cn",
                        "SIGNATORY"))));
    for (String party : List.of("most.gov.pk", "gknt.gov.by", "cuc.edu.cn")) {
      sign(TestTokens.partner(party), genuine, party, "2026-05-01").then().statusCode(200);
    }
    command(cuc, genuine, "entry-into-force", Map.of("date", "2026-06-01"))
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given().get(PATH + "/" + genuine).then().body("status", equalTo("SIGNED"));
    given()
        .get(PATH + "/" + MINISTRIES_MOU)
        .then()
        .statusCode(200)
        .header("ETag", mouEtag)
        .body("amendedBy", equalTo(List.of()))
        .body("status", equalTo("IN_FORCE"));
    List<ConsumerRecord<String, byte[]>> mouEvents =
        KafkaProbe.collect(
            "registry.agreements",
            r ->
                MINISTRIES_MOU.equals(r.key())
                    && !Instant.parse(KafkaProbe.header(r, "ce_time")).isBefore(started),
            1,
            Duration.ofSeconds(3),
            Duration.ZERO);
    assertEquals(
        List.of(),
        mouEvents.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList(),
        "no event about the MoU went out");
  }

  @Test
  void anAmendmentMustKeepEverySignatoryOfTheAmendedAgreementAtDraftingRevisionAndEntryIntoForce() {
    String qau = TestTokens.partner("qau.edu.pk");
    String original = inForce("qau.edu.pk", "bsu.by");
    Response missing =
        as(qau)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms(
                        "AMENDMENT",
                        "PUBLIC",
                        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "OBSERVER"))))
            .post(PATH + "/" + original + "/amendments");
    missing.then().statusCode(422).contentType(PROBLEM).body("detail", containsString("bsu.by"));
    assertEquals("amendment-signatories", condition(missing));

    String amendment =
        created(
            as(qau),
            PATH + "/" + original + "/amendments",
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms(
                    "AMENDMENT",
                    "PUBLIC",
                    parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"))));
    Response revised =
        as(qau)
            .header("If-Match", "\"0\"")
            .body(
                terms(
                    "AMENDMENT",
                    "PUBLIC",
                    parties("qau.edu.pk", "SIGNATORY", "bsu.by", "OBSERVER")))
            .put(PATH + "/" + amendment);
    revised.then().statusCode(422);
    assertEquals("amendment-signatories", condition(revised));

    // The amended draft gains a signatory after its amendment was drafted: entry into force checks
    // again.
    String draft = AgreementResourceTest.draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    String early =
        created(
            as(qau),
            PATH + "/" + draft + "/amendments",
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms(
                    "AMENDMENT",
                    "PUBLIC",
                    parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"))));
    as(qau)
        .header("If-Match", "\"0\"")
        .body(
            terms(
                "MEMORANDUM_OF_UNDERSTANDING",
                "PUBLIC",
                parties(
                    "qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "most.gov.pk", "SIGNATORY")))
        .put(PATH + "/" + draft)
        .then()
        .statusCode(200);
    for (String party : List.of("qau.edu.pk", "bsu.by", "most.gov.pk")) {
      sign(TestTokens.registrar(), draft, party, "2026-05-01").then().statusCode(200);
    }
    command(TestTokens.registrar(), draft, "entry-into-force", Map.of("date", "2026-05-02"))
        .then()
        .statusCode(200);
    for (String party : List.of("qau.edu.pk", "bsu.by")) {
      sign(TestTokens.registrar(), early, party, "2026-05-03").then().statusCode(200);
    }
    Response late =
        command(TestTokens.registrar(), early, "entry-into-force", Map.of("date", "2026-05-04"));
    late.then().statusCode(422).body("detail", containsString("most.gov.pk"));
    assertEquals("amendment-signatories", condition(late));
    given().get(PATH + "/" + early).then().body("status", equalTo("SIGNED"));
    given().get(PATH + "/" + draft).then().body("amendedBy", equalTo(List.of()));
  }

  @Test
  void aRevisionCannotRetargetAnAmendmentNorChangeItsKind() {
    String qau = TestTokens.partner("qau.edu.pk");
    String original = inForce("qau.edu.pk", "bsu.by");
    String other = inForce("qau.edu.pk", "bsu.by");
    List<Map<String, Object>> both = parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY");
    String amendment =
        created(
            as(qau),
            PATH + "/" + original + "/amendments",
            Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "PUBLIC", both)));
    Map<String, Object> retarget = terms("AMENDMENT", "PUBLIC", both);
    retarget.put("amendsId", other);
    as(qau)
        .header("If-Match", "\"0\"")
        .body(retarget)
        .put(PATH + "/" + amendment)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amendsId"));
    as(qau)
        .header("If-Match", "\"0\"")
        .body(terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", both))
        .put(PATH + "/" + amendment)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    as(qau)
        .header("If-Match", "\"0\"")
        .body(terms("AMENDMENT", "PUBLIC", both))
        .put(PATH + "/" + amendment)
        .then()
        .statusCode(200)
        .body("amendsId", equalTo(original))
        .body("kind", equalTo("AMENDMENT"));
  }

  @Test
  void anAmendmentOfAPublicAgreementIsPublic() {
    String qau = TestTokens.partner("qau.edu.pk");
    String original = inForce("qau.edu.pk", "bsu.by");
    List<Map<String, Object>> both = parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY");
    as(qau)
        .body(Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "CONFIDENTIAL", both)))
        .post(PATH + "/" + original + "/amendments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("terms.visibility"));
    String amendment =
        created(
            as(qau),
            PATH + "/" + original + "/amendments",
            Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "PUBLIC", both)));
    as(qau)
        .header("If-Match", "\"0\"")
        .body(terms("AMENDMENT", "CONFIDENTIAL", both))
        .put(PATH + "/" + amendment)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("visibility"));
  }

  @Test
  void aConfidentialAmendmentCannotTakeEffectOnAnAgreementThatBecamePublic() {
    String qau = TestTokens.partner("qau.edu.pk");
    List<Map<String, Object>> both = parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY");
    String draft =
        created(
            as(qau),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "CONFIDENTIAL", both)));
    String amendment =
        created(
            as(qau),
            PATH + "/" + draft + "/amendments",
            Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "CONFIDENTIAL", both)));
    as(qau)
        .header("If-Match", "\"0\"")
        .body(terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", both))
        .put(PATH + "/" + draft)
        .then()
        .statusCode(200)
        .body("visibility", equalTo("PUBLIC"));
    for (String id : List.of(draft, amendment)) {
      for (String party : List.of("qau.edu.pk", "bsu.by")) {
        sign(TestTokens.registrar(), id, party, "2026-05-01").then().statusCode(200);
      }
    }
    command(qau, draft, "entry-into-force", Map.of("date", "2026-05-02")).then().statusCode(200);
    Response hidden = command(qau, amendment, "entry-into-force", Map.of("date", "2026-05-03"));
    hidden.then().statusCode(422);
    assertEquals("amendment-visibility", condition(hidden));
    given()
        .get(PATH + "/" + draft)
        .then()
        .body("amendedBy", equalTo(List.of()))
        .header("ETag", "\"4\"");
  }

  @Test
  void anObserverCannotBringIntoForceSuspendResumeTerminateOrReviseAndNothingChanges() {
    String observer = TestTokens.partner("most.gov.pk");
    List<Map<String, Object>> named =
        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "most.gov.pk", "OBSERVER");
    String id =
        created(
            as(TestTokens.registrar()),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named)));
    as(observer)
        .header("If-Match", "\"0\"")
        .body(terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named))
        .put(PATH + "/" + id)
        .then()
        .statusCode(403);
    sign(TestTokens.registrar(), id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    sign(TestTokens.registrar(), id, "bsu.by", "2026-03-01").then().statusCode(200);
    command(observer, id, "entry-into-force", Map.of("date", "2026-04-01"))
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    command(TestTokens.partner("bsu.by"), id, "entry-into-force", Map.of("date", "2026-04-01"))
        .then()
        .statusCode(200)
        .body("parties[2].consented", equalTo(false));
    try (DataWitness witness = new DataWitness(dataSource)) {
      Map<String, String> before = witness.settled();
      command(
              observer,
              id,
              "termination",
              Map.of("date", "2026-12-31", "reason", "Denunciation by an observer"))
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
      command(observer, id, "suspension", Map.of("reason", "An observer's wish"))
          .then()
          .statusCode(403);
      assertEquals(
          List.of(),
          DataWitness.changed(before, witness.settled()),
          "the observer's attempts changed nothing");
    }
    command(TestTokens.partner("qau.edu.pk"), id, "suspension", Map.of("reason", "Review"))
        .then()
        .statusCode(200);
    as(observer).delete(PATH + "/" + id + "/suspension").then().statusCode(403);
    given()
        .get(PATH + "/" + id)
        .then()
        .body("status", equalTo("SUSPENDED"))
        .header("ETag", "\"4\"");
  }

  @Test
  void aSignatureNeedsIfMatchAndRecordsTheVersionAndHashItSigned() {
    String qau = TestTokens.partner("qau.edu.pk");
    String id = AgreementResourceTest.draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    Map<String, Object> body = Map.of("organizationCode", "qau.edu.pk", "date", "2026-03-01");
    as(qau)
        .body(body)
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(428)
        .contentType(PROBLEM);
    as(qau)
        .header("If-Match", "*")
        .body(body)
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(428)
        .contentType(PROBLEM);
    as(qau)
        .header("If-Match", "\"7\"")
        .body(body)
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(412)
        .contentType(PROBLEM);
    given()
        .get(PATH + "/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("parties[0].signature", nullValue());

    String signedSha =
        given()
            .get(PATH + "/" + id + "/versions/0")
            .then()
            .statusCode(200)
            .extract()
            .path("sha256");
    as(qau)
        .header("If-Match", "\"0\"")
        .body(body)
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(200)
        .body("parties[0].signature.version", equalTo(0))
        .body("parties[0].signature.sha256", equalTo(signedSha))
        .body("parties[0].consented", equalTo(true))
        .body("parties[1].consented", equalTo(false));
    String content =
        given()
            .get(PATH + "/" + id + "/versions/1")
            .then()
            .statusCode(200)
            .extract()
            .path("content");
    assertTrue(
        content.contains("\"sha256\":\"" + signedSha + "\""),
        "the version snapshot records the signed hash: " + content);
    assertTrue(content.contains("\"version\":0"), content);
  }

  @Test
  void aRevisionAfterTheFirstSignatureClearsEverySignatureAndAcceptance() {
    String qau = TestTokens.partner("qau.edu.pk");
    List<Map<String, Object>> named =
        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "most.gov.pk", "OBSERVER");
    String id =
        created(
            as(qau),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named)));
    sign(qau, id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    command(
            TestTokens.partner("most.gov.pk"),
            id,
            "acceptances",
            Map.of("organizationCode", "most.gov.pk"))
        .then()
        .statusCode(200)
        .body("parties[2].consented", equalTo(true));
    Map<String, Object> changed = terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named);
    changed.put("durationMonths", 36);
    as(TestTokens.partner("bsu.by"))
        .header("If-Match", "\"2\"")
        .body(changed)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("parties.consented", equalTo(List.of(false, false, false)))
        .body("parties[0].signature", nullValue())
        .body("parties[2].acceptance", nullValue())
        .body("status", equalTo("DRAFT"));
    String kept =
        given()
            .get(PATH + "/" + id + "/versions/2")
            .then()
            .statusCode(200)
            .extract()
            .path("content");
    assertTrue(
        kept.contains("\"acceptance\":{") && kept.contains("\"signerTitle\""),
        "the cleared ones stay in the history: " + kept);
    sign(qau, id, "qau.edu.pk", "2026-03-05")
        .then()
        .statusCode(200)
        .body("parties[0].signature.version", equalTo(3));
  }

  @Test
  void aNamedObserverIsInvitedUntilItsOwnPartnerAccepts() {
    String qau = TestTokens.partner("qau.edu.pk");
    String most = TestTokens.partner("most.gov.pk");
    List<Map<String, Object>> named =
        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "most.gov.pk", "OBSERVER");
    String id =
        created(
            as(qau),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named)));
    given()
        .get(PATH + "/" + id)
        .then()
        .body("parties[2].consented", equalTo(false))
        .body("parties[2].acceptance", nullValue());

    Map<String, Object> forMost = Map.of("organizationCode", "most.gov.pk", "date", "2026-03-02");
    command(TestTokens.partner("cuc.edu.cn"), id, "acceptances", forMost)
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    command(qau, id, "acceptances", forMost).then().statusCode(403);
    command(most, id, "acceptances", Map.of("organizationCode", "qau.edu.pk"))
        .then()
        .statusCode(403);
    Response signatory = command(qau, id, "acceptances", Map.of("organizationCode", "qau.edu.pk"));
    signatory.then().statusCode(422);
    assertEquals("signatory-consents-by-signing", condition(signatory));
    // An organization the agreement does not name: its partner is an outsider (403); a registrar is
    // told it is not named.
    command(
            TestTokens.partner("cuc.edu.cn"),
            id,
            "acceptances",
            Map.of("organizationCode", "cuc.edu.cn"))
        .then()
        .statusCode(403);
    Response stranger =
        command(
            TestTokens.registrar(), id, "acceptances", Map.of("organizationCode", "cuc.edu.cn"));
    stranger.then().statusCode(422);
    assertEquals("not-named", condition(stranger));
    given()
        .get(PATH + "/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("parties[2].consented", equalTo(false));

    String acceptedSha =
        given().get(PATH + "/" + id + "/versions/0").then().extract().path("sha256");
    // An acceptance binds the text read: without If-Match (or with *) it is refused, on a stale one
    // too.
    as(most).body(forMost).post(PATH + "/" + id + "/acceptances").then().statusCode(428);
    as(most)
        .header("If-Match", "*")
        .body(forMost)
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(428);
    as(most)
        .header("If-Match", "\"7\"")
        .body(forMost)
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(412);
    String key = UUID.randomUUID().toString();
    as(most)
        .header("Idempotency-Key", key)
        .header("If-Match", "\"0\"")
        .body(forMost)
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .body("parties[2].consented", equalTo(true))
        .body("parties[2].acceptance.date", equalTo("2026-03-02"))
        .body("parties[2].acceptance.version", equalTo(0))
        .body("parties[2].acceptance.sha256", equalTo(acceptedSha));
    as(most)
        .header("Idempotency-Key", key)
        .header("If-Match", "\"0\"")
        .body(forMost)
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
    command(most, id, "acceptances", forMost).then().statusCode(409).contentType(PROBLEM);

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.agreements",
            r -> id.equals(r.key()),
            2,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of("registry.agreement.drafted.v1", "registry.agreement.party-accepted.v1"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    String drafted = new String(events.get(0).value(), StandardCharsets.UTF_8);
    String accepted = new String(events.get(1).value(), StandardCharsets.UTF_8);
    assertTrue(
        drafted.contains(
            "\"organizationCode\":\"most.gov.pk\",\"country\":\"PK\",\"role\":\"OBSERVER\",\"signed\":false,\"bound\":true,\"consented\":false"),
        drafted);
    assertTrue(
        accepted.contains(
            "\"role\":\"OBSERVER\",\"signed\":false,\"bound\":true,\"consented\":true"),
        accepted);
  }

  @Test
  void entryIntoForceDoesNotWaitForANonSigningPartyWhoStaysInvited() {
    List<Map<String, Object>> named =
        parties(
            "qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "cuc.edu.cn", "IMPLEMENTING_BODY");
    String id =
        created(
            as(TestTokens.registrar()),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named)));
    sign(TestTokens.registrar(), id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    sign(TestTokens.registrar(), id, "bsu.by", "2026-03-01")
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"));
    command(TestTokens.partner("qau.edu.pk"), id, "entry-into-force", Map.of("date", "2026-04-01"))
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_FORCE"))
        .body("parties[2].consented", equalTo(false));
    // It may still accept while the agreement runs, but not after it ended.
    command(
            TestTokens.partner("cuc.edu.cn"),
            id,
            "acceptances",
            Map.of("organizationCode", "cuc.edu.cn"))
        .then()
        .statusCode(200)
        .body("parties[2].consented", equalTo(true));
    command(
            TestTokens.partner("bsu.by"),
            id,
            "termination",
            Map.of("date", "2026-12-31", "reason", "Denunciation"))
        .then()
        .statusCode(200);
    String late =
        created(
            as(TestTokens.registrar()),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "PUBLIC", named)));
    sign(TestTokens.registrar(), late, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    sign(TestTokens.registrar(), late, "bsu.by", "2026-03-01").then().statusCode(200);
    command(
            TestTokens.registrar(),
            late,
            "termination",
            Map.of("date", "2026-04-01", "reason", "Abandoned"))
        .then()
        .statusCode(200);
    command(
            TestTokens.partner("cuc.edu.cn"),
            late,
            "acceptances",
            Map.of("organizationCode", "cuc.edu.cn"))
        .then()
        .statusCode(409)
        .body("currentState", equalTo("TERMINATED"));
  }

  @Test
  void outsidersAreRefusedWithA403BeforeAnyRuleAboutTheAgreement() {
    String cuc = TestTokens.partner("cuc.edu.cn");
    String id = AgreementResourceTest.draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    // Approving, for itself, a version that does not exist: who you are comes first.
    command(
            cuc,
            id,
            "approvals",
            Map.of("organizationCode", "cuc.edu.cn", "version", 9, "sha256", "0".repeat(64)))
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    command(
            cuc,
            id,
            "approvals",
            Map.of("organizationCode", "cuc.edu.cn", "version", 0, "sha256", "0".repeat(64)))
        .then()
        .statusCode(403);
    // Ratifying a draft (not signed yet) and signing for itself (not a party): 403, not 409 or 422.
    command(
            cuc,
            id,
            "ratifications",
            Map.of("organizationCode", "cuc.edu.cn", "date", "2026-03-01", "kind", "RATIFICATION"))
        .then()
        .statusCode(403);
    as(cuc)
        .header("If-Match", "\"0\"")
        .body(Map.of("organizationCode", "cuc.edu.cn", "date", "2026-03-01"))
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(403);
    // A party may approve only for its own organization; a registrar only for a named one.
    String sha = given().get(PATH + "/" + id + "/versions/0").then().extract().path("sha256");
    command(
            TestTokens.partner("bsu.by"),
            id,
            "approvals",
            Map.of("organizationCode", "qau.edu.pk", "version", 0, "sha256", sha))
        .then()
        .statusCode(403);
    Response unnamed =
        command(
            TestTokens.registrar(),
            id,
            "approvals",
            Map.of("organizationCode", "cuc.edu.cn", "version", 0, "sha256", sha));
    unnamed.then().statusCode(422);
    assertEquals("not-named", condition(unnamed));
    command(
            TestTokens.partner("bsu.by"),
            id,
            "approvals",
            Map.of("organizationCode", "bsu.by", "version", 0, "sha256", sha))
        .then()
        .statusCode(200);
  }

  @Test
  void aConfidentialAgreementIsUnknownToOutsidersOnEveryWriteAndNoProblemNamesIt() {
    String qau = TestTokens.partner("qau.edu.pk");
    List<String> secrets =
        List.of(
            "PK-CN/MOU/2026/CF-007",
            "Confidential draft memorandum",
            "PK-BY/MOU/2024/CF-005",
            "Confidential memorandum on joint satellite",
            "DRAFT",
            "IN_FORCE");
    Map<String, Object> unknownTerms =
        terms(
            "MEMORANDUM_OF_UNDERSTANDING",
            "PUBLIC",
            parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"));
    for (String id :
        List.of(CONFIDENTIAL_DRAFT, CONFIDENTIAL_IN_FORCE, UUID.randomUUID().toString())) {
      List<Response> answers = new ArrayList<>();
      answers.add(as(qau).header("If-Match", "\"0\"").body(unknownTerms).put(PATH + "/" + id));
      answers.add(
          as(qau)
              .header("If-Match", "\"0\"")
              .body(Map.of("organizationCode", "qau.edu.pk", "date", "2026"))
              .post(PATH + "/" + id + "/signatures"));
      answers.add(
          command(
              qau,
              id,
              "ratifications",
              Map.of("organizationCode", "qau.edu.pk", "date", "2026", "kind", "RATIFICATION")));
      answers.add(command(qau, id, "acceptances", Map.of("organizationCode", "qau.edu.pk")));
      answers.add(command(qau, id, "entry-into-force", Map.of("date", "2026-04-01")));
      answers.add(command(qau, id, "suspension", Map.of("reason", "Curiosity")));
      answers.add(as(qau).delete(PATH + "/" + id + "/suspension"));
      answers.add(
          command(qau, id, "termination", Map.of("date", "2026-12-31", "reason", "Curiosity")));
      answers.add(
          command(
              qau,
              id,
              "amendments",
              Map.of(
                  "code",
                  uniqueCode(),
                  "terms",
                  terms(
                      "AMENDMENT",
                      "PUBLIC",
                      parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY")))));
      answers.add(
          command(
              qau,
              id,
              "approvals",
              Map.of("organizationCode", "qau.edu.pk", "version", 0, "sha256", "0".repeat(64))));
      answers.add(as(qau).get(PATH + "/" + id + "/versions"));
      answers.add(as(qau).queryParam("from", 0).queryParam("to", 1).get(PATH + "/" + id + "/diff"));
      for (Response answer : answers) {
        answer
            .then()
            .statusCode(404)
            .contentType(PROBLEM)
            .body("type", equalTo("urn:eurasia-registry:problem:not-found"))
            .body("detail", equalTo("Agreement '" + id + "' does not exist"));
        for (String secret : secrets) {
          assertFalse(
              answer.asString().contains(secret),
              "no trace of the confidential agreement: " + answer.asString());
        }
      }
    }
    // Its parties still see and act on it.
    as(TestTokens.partner("cuc.edu.cn"))
        .get(PATH + "/" + CONFIDENTIAL_DRAFT)
        .then()
        .statusCode(200);
  }

  @Test
  void
      anAmendmentOfAConfidentialAgreementIsConfidentialAndNamesEveryPartySoItsVersionsHideNothingFromThem() {
    // The amended agreement's versions record amendedBy (hashed content, never filtered): every
    // party of it reads them,
    // so every party of it must be able to read each amendment they name.
    List<Map<String, Object>> named =
        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY", "most.gov.pk", "OBSERVER");
    String registrar = TestTokens.registrar();
    String qau = TestTokens.partner("qau.edu.pk");
    String most = TestTokens.partner("most.gov.pk");
    String original =
        created(
            as(registrar),
            PATH,
            Map.of(
                "code",
                uniqueCode(),
                "terms",
                terms("MEMORANDUM_OF_UNDERSTANDING", "CONFIDENTIAL", named)));
    for (String party : List.of("qau.edu.pk", "bsu.by")) {
      sign(registrar, original, party, "2026-01-10").then().statusCode(200);
    }
    command(registrar, original, "entry-into-force", Map.of("date", "2026-02-01"))
        .then()
        .statusCode(200);
    String amendments = PATH + "/" + original + "/amendments";
    List<Map<String, Object>> signatoriesOnly =
        parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY");
    // Between the signatories alone: refused, naming the party left out (which the drafting party
    // may read).
    Response withoutObserver =
        as(qau)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms("AMENDMENT", "CONFIDENTIAL", signatoriesOnly)))
            .post(amendments);
    withoutObserver.then().statusCode(422).body("detail", containsString("most.gov.pk"));
    assertEquals("amendment-parties", condition(withoutObserver));
    // Public: refused (it would publish the confidential agreement's id and parties).
    as(qau)
        .body(Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "PUBLIC", named)))
        .post(amendments)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("terms.visibility"));
    // The observer was only named and never accepted: it has not joined the agreement, so it may
    // not amend it.
    as(most)
        .body(Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "CONFIDENTIAL", named)))
        .post(amendments)
        .then()
        .statusCode(403);

    String amendment =
        created(
            as(qau),
            amendments,
            Map.of("code", uniqueCode(), "terms", terms("AMENDMENT", "CONFIDENTIAL", named)));
    // A revision may not write the observer out either.
    as(qau)
        .header("If-Match", "\"0\"")
        .body(terms("AMENDMENT", "CONFIDENTIAL", signatoriesOnly))
        .put(PATH + "/" + amendment)
        .then()
        .statusCode(422);
    for (String party : List.of("qau.edu.pk", "bsu.by")) {
      sign(registrar, amendment, party, "2026-03-10").then().statusCode(200);
    }
    command(
            TestTokens.partner("bsu.by"),
            amendment,
            "entry-into-force",
            Map.of("date", "2026-04-01"))
        .then()
        .statusCode(200);

    // Every party of the original reads the amendment its versions name; an outsider reads neither.
    int last =
        as(most)
            .get(PATH + "/" + original + "/versions?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items[-1].number");
    String content =
        as(most)
            .get(PATH + "/" + original + "/versions/" + last)
            .then()
            .statusCode(200)
            .extract()
            .path("content");
    assertTrue(content.contains(amendment), content);
    as(most).get(PATH + "/" + amendment).then().statusCode(200);
    as(most)
        .get(PATH + "/" + original)
        .then()
        .statusCode(200)
        .body("amendedBy", equalTo(List.of(amendment)));
    as(TestTokens.partner("cuc.edu.cn")).get(PATH + "/" + amendment).then().statusCode(404);
    as(TestTokens.partner("cuc.edu.cn"))
        .get(PATH + "/" + original + "/versions/" + last)
        .then()
        .statusCode(404);
  }

  @Test
  void aCodeHeldOnlyByAConfidentialAgreementIsNotConfirmedAndDuplicateCodesPageCorrectly() {
    String qau = TestTokens.partner("qau.edu.pk");
    String cuc = TestTokens.partner("cuc.edu.cn");
    String marker = "zqdup" + UUID.randomUUID().toString().substring(0, 6);
    String code = uniqueCode();
    Map<String, Object> secretTerms =
        terms(
            "MEMORANDUM_OF_UNDERSTANDING",
            "CONFIDENTIAL",
            parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"));
    secretTerms.put("title", Map.of("en", "Secret " + marker));
    String secret = created(as(qau), PATH, Map.of("code", code, "terms", secretTerms));

    // An outsider creating the same code gets exactly what a free code gets.
    Map<String, Object> mine =
        terms(
            "MEMORANDUM_OF_UNDERSTANDING",
            "PUBLIC",
            parties("cuc.edu.cn", "SIGNATORY", "comsats.edu.pk", "SIGNATORY"));
    mine.put("title", Map.of("en", "Public " + marker));
    String outsiders = created(as(cuc), PATH, Map.of("code", code, "terms", mine));
    as(qau)
        .get(PATH + "/" + secret)
        .then()
        .statusCode(200)
        .body("code", equalTo(code))
        .body("title.en", equalTo("Secret " + marker));
    as(cuc).get(PATH + "/" + outsiders).then().statusCode(200).body("code", equalTo(code));
    // A code the caller can read is taken: the insider's own, a public one, anything for a
    // registrar.
    as(qau)
        .body(Map.of("code", code, "terms", secretTerms))
        .post(PATH)
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    as(cuc).body(Map.of("code", code, "terms", mine)).post(PATH).then().statusCode(409);
    as(TestTokens.registrar())
        .body(Map.of("code", code, "terms", secretTerms))
        .post(PATH)
        .then()
        .statusCode(409);
    // Making the confidential one public now meets the public one.
    Map<String, Object> published = new HashMap<>(secretTerms);
    published.put("visibility", "PUBLIC");
    as(qau)
        .header("If-Match", "\"0\"")
        .body(published)
        .put(PATH + "/" + secret)
        .then()
        .statusCode(409);

    // The registrar sees both, each once, on pages of one, in every order.
    for (String sort : List.of("CODE", "UPDATED", "RELEVANCE")) {
      List<String> visited = new ArrayList<>();
      String cursor = null;
      do {
        RequestSpecification request =
            as(TestTokens.registrar())
                .queryParam("q", marker)
                .queryParam("sort", sort)
                .queryParam("limit", 1);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        Response page = request.get(PATH);
        page.then().statusCode(200);
        visited.addAll(page.jsonPath().getList("items.id", String.class));
        cursor = page.jsonPath().getString("nextCursor");
      } while (cursor != null && visited.size() < 10);
      assertEquals(2, visited.size(), sort + ": " + visited);
      assertTrue(visited.contains(secret) && visited.contains(outsiders), sort + ": " + visited);
    }
    given().queryParam("q", marker).get(PATH).then().body("items.id", equalTo(List.of(outsiders)));
  }

  @Test
  void forgedCursorsAreA400NamingTheCursor() {
    String valid =
        given()
            .queryParam("limit", 1)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    String decoded = new String(Base64.getUrlDecoder().decode(valid), StandardCharsets.UTF_8);
    String[] parts = decoded.split("\u001f", -1);
    assertEquals(4, parts.length, "sort, key, code and id");
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    for (String forged :
        List.of(
            String.join("\u001f", parts[0], parts[1], parts[2]),
            String.join("\u001f", parts[0], parts[1], parts[2], "not-a-uuid"),
            String.join("\u001f", parts[0], parts[1], "' OR 1=1 --", parts[3]))) {
      given()
          .queryParam("cursor", encoder.encodeToString(forged.getBytes(StandardCharsets.UTF_8)))
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("cursor"));
    }
  }

  @Test
  void controlCharactersAreRefusedOutsideTheMultiLineSummary() {
    Map<String, Object> injected =
        terms(
            "MEMORANDUM_OF_UNDERSTANDING",
            "PUBLIC",
            parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"));
    injected.put("title", Map.of("en", "Memorandum\rX-INJECTED:1"));
    as(TestTokens.registrar())
        .body(Map.of("code", uniqueCode(), "terms", injected))
        .post(PATH)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("terms.title.en"));
    Map<String, Object> lines =
        terms(
            "MEMORANDUM_OF_UNDERSTANDING",
            "PUBLIC",
            parties("qau.edu.pk", "SIGNATORY", "bsu.by", "SIGNATORY"));
    lines.put("summary", Map.of("en", "First line\r\nSecond line\n\tindented"));
    String id =
        created(as(TestTokens.registrar()), PATH, Map.of("code", uniqueCode(), "terms", lines));
    given()
        .get(PATH + "/" + id)
        .then()
        .body("summary.en", equalTo("First line\nSecond line\n\tindented"));
    lines.put("summary", Map.of("en", "Lone\rreturn"));
    as(TestTokens.registrar())
        .body(Map.of("code", uniqueCode(), "terms", lines))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("terms.summary.en"));
    as(TestTokens.registrar())
        .header("If-Match", etag(id))
        .body(Map.of("organizationCode", "qau.edu.pk", "date", "2026", "place", "Isla\nmabad"))
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("place"));
  }

  @Test
  void anAnonymousSearchIsCutByTheStatementTimeoutInsteadOfHanging() throws Exception {
    // The table locked by another transaction stands in for a search that would run for minutes.
    try (java.sql.Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (java.sql.Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE agreement IN ACCESS EXCLUSIVE MODE");
      }
      long started = System.nanoTime();
      given()
          .queryParam("q", "science")
          .queryParam("sort", "RELEVANCE")
          .get(PATH)
          .then()
          .statusCode(503)
          .contentType(PROBLEM)
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
      long waited = (System.nanoTime() - started) / 1_000_000;
      assertTrue(
          waited >= 2_500 && waited < 15_000,
          "cancelled by the 3 s statement timeout, after " + waited + " ms");
      lock.rollback();
    }
    given()
        .queryParam("q", "science")
        .queryParam("sort", "RELEVANCE")
        .get(PATH)
        .then()
        .statusCode(200);
  }
}
