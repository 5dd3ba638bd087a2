package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.messaging.AgreementFixtures;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * Requests the exchange API tests repeat: a programme open for nominations, a nomination, a token.
 */
public final class ExchangeApi {

  /**
   * The seeded memorandum of the two ministries, in force; it covers Pakistani and Belarusian
   * institutions.
   */
  static final String MINISTRIES_MOU = "5eed0000-0000-4000-8000-0000000a0002";

  static final String DRAFT_MOU = "5eed0000-0000-4000-8000-0000000a0001";
  static final String YEAR = "2026/2027";

  private ExchangeApi() {}

  static RequestSpecification as(String token) {
    return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
  }

  static String uniqueCode(String prefix) {
    return prefix + "/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> terms(Integer placesOut, Integer placesBack) {
    List<Map<String, Object>> quotas = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("academicYear", YEAR);
    out.put("direction", "SENDING_TO_RECEIVING");
    out.put("places", placesOut);
    quotas.add(out);
    Map<String, Object> back = new LinkedHashMap<>();
    back.put("academicYear", YEAR);
    back.put("direction", "RECEIVING_TO_SENDING");
    back.put("places", placesBack);
    quotas.add(back);
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("title", Map.of("en", "Software development exchange"));
    terms.put("academicYears", List.of(YEAR));
    terms.put("quotas", quotas);
    terms.put("duration", Map.of("amount", 5, "unit", "MONTHS"));
    terms.put("iscedCodes", List.of("0613"));
    terms.put("eqfLevels", List.of(6, 7));
    terms.put("language", "en");
    terms.put("minimumCefr", "B2");
    return terms;
  }

  static Map<String, Object> program(
      String agreementId, String sending, String receiving, Map<String, Object> terms) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", uniqueCode("T"));
    body.put("kind", "STUDENT_EXCHANGE");
    body.put("agreementId", agreementId);
    body.put("sendingInstitution", sending);
    body.put("receivingInstitution", receiving);
    body.put("terms", terms);
    return body;
  }

  static Response create(String token, Map<String, Object> body) {
    return as(token).body(body).post("/api/v1/programs");
  }

  /**
   * A programme between qau.edu.pk and bsu.by under the ministries' memorandum: created by
   * qau.edu.pk's partner, accepted by bsu.by's (naming it did not bind it), and opened.
   */
  static String openProgram(Integer placesOut, Integer placesBack) {
    String id =
        create(
                TestTokens.partner("qau.edu.pk"),
                program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(placesOut, placesBack)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    accept(id, "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/programs/" + id + "/opening")
        .then()
        .statusCode(200);
    return id;
  }

  /** A programme under a confidential agreement, and what an outsider must never learn about it. */
  record Confidential(
      String agreementId, String agreementCode, String programId, String programCode) {}

  /**
   * A confidential memorandum of the two ministries (known here from its event) and an open
   * programme qau.edu.pk ↔ bsu.by under it. A registrar creates it: the universities are not
   * parties, so they may not read the agreement, yet the memorandum covers them and the registrar's
   * creation binds both.
   */
  static Confidential confidentialOpenProgram(String kind) {
    KafkaProbe.createTopic("registry.agreements", 3);
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publishConfidential(
        agreement, "entered-into-force", "IN_FORCE", 3, "most.gov.pk", "gknt.gov.by");
    Map<String, Object> body = program(agreement.toString(), "qau.edu.pk", "bsu.by", terms(5, 5));
    body.put("kind", kind);
    Response created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> create(TestTokens.registrar(), body), r -> r.statusCode() == 201);
    String id = created.path("id");
    as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/programs/" + id + "/opening")
        .then()
        .statusCode(200);
    return new Confidential(
        agreement.toString(),
        "C/" + agreement.toString().substring(0, 8).toUpperCase(),
        id,
        (String) body.get("code"));
  }

  /**
   * The partner of {@code institution} accepts the programme that names it, in the version it reads
   * now.
   */
  static void accept(String programId, String institution) {
    as(TestTokens.partner(institution))
        .header("If-Match", etag("/api/v1/programs/" + programId))
        .body(Map.of("organizationCode", institution))
        .post("/api/v1/programs/" + programId + "/acceptances")
        .then()
        .statusCode(200);
  }

  /**
   * The ETag of what a path names, as a registrar reads it ("0" when there is nothing there): for
   * If-Match.
   */
  public static String etag(String path) {
    String etag = as(TestTokens.registrar()).get(path).header("ETag");
    return etag == null ? "\"0\"" : etag;
  }

  /**
   * An answer with the ids it names replaced, to compare a refusal about a real record with one
   * about an unknown id.
   */
  static String withoutIds(Response response, String... ids) {
    String body = response.asString();
    for (String id : ids) {
      body = body.replace(id, "<id>");
    }
    return response.statusCode() + " " + response.contentType() + " " + body;
  }

  static Map<String, Object> nomination(String programId, String direction, Integer eqfLevel) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("academicYear", YEAR);
    body.put("direction", direction);
    body.put(
        "participant",
        Map.of("givenName", "Ayesha", "familyName", "Khan", "email", "ayesha.khan@example.org"));
    body.put("eqfLevel", eqfLevel);
    body.put("iscedCode", "0613");
    body.put("plannedStart", "2027-02-01");
    body.put("plannedEnd", "2027-06-30");
    return body;
  }

  static String nominate(String programId, String direction, Integer eqfLevel) {
    return as(TestTokens.partner("qau.edu.pk"))
        .body(nomination(programId, direction, eqfLevel))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
