package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PROBLEM;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.SCHEMA;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.etag;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.sign;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.uniqueCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's edges over HTTP, against real PostgreSQL and Kafka: a draft is withdrawn by a
 * signatory's partner (or a registrar) and announced; {@code allowedTransitions} lists, to each
 * caller, only what that caller may do — in the view, in lists, and in a refused transition's
 * problem.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LifecycleEdgesTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");
  static final String OBSERVER = TestTokens.partner("most.gov.pk");
  static final String OUTSIDER = TestTokens.partner("cuc.edu.cn");
  static final String ATTENDEE = TestTokens.attendee("reader@qau.edu.pk", "qau.edu.pk");
  static final String REGISTRAR = TestTokens.registrar();

  /** A public draft: qau.edu.pk and bsu.by sign, most.gov.pk observes. */
  static String observedDraft() {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("kind", "MEMORANDUM_OF_UNDERSTANDING");
    terms.put("title", Map.of("en", "Edges memorandum"));
    terms.put(
        "parties",
        List.of(
            Map.of("organizationCode", "qau.edu.pk", "role", "SIGNATORY"),
            Map.of("organizationCode", "bsu.by", "role", "SIGNATORY"),
            Map.of("organizationCode", "most.gov.pk", "role", "OBSERVER")));
    return as(QAU)
        .body(Map.of("code", uniqueCode(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static RequestSpecification caller(String token) {
    RequestSpecification request = given().contentType(ContentType.JSON);
    return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
  }

  /** The agreement's {@code allowedTransitions} as this caller (null: no token) reads them. */
  static List<String> offered(String token, String id) {
    return caller(token)
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("allowedTransitions");
  }

  static void withdraw(String token, String id, int status) {
    caller(token)
        .body(Map.of("reason", "Superseded by a trilateral memorandum"))
        .post(PATH + "/" + id + "/withdrawal")
        .then()
        .statusCode(status);
  }

  @Test
  void aDraftIsWithdrawnByASignatorysPartnerWithItsReasonAndAnnounced() {
    String id = observedDraft();
    withdraw(null, id, 401);
    withdraw(ATTENDEE, id, 403);
    withdraw(OUTSIDER, id, 403);
    // An observer is named, not a signatory: it may not withdraw the draft for everyone.
    withdraw(OBSERVER, id, 403);
    String key = UUID.randomUUID().toString();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      caller(BSU)
          .header("Idempotency-Key", key)
          .header("If-Match", "\"0\"")
          .body(Map.of("reason", "Superseded by a trilateral memorandum"))
          .post(PATH + "/" + id + "/withdrawal")
          .then()
          .statusCode(200)
          .header("ETag", "\"1\"")
          .body("status", equalTo("WITHDRAWN"))
          .body("endedOn", equalTo(today))
          .body("endReason", equalTo("Superseded by a trilateral memorandum"))
          .body("allowedTransitions", equalTo(List.of("approve")));
    }
    // Withdrawn for good: nothing but approving a version, whoever asks.
    caller(REGISTRAR)
        .body(Map.of("reason", "again"))
        .post(PATH + "/" + id + "/withdrawal")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:eurasia-registry:problem:invalid-state-transition"))
        .body("currentState", equalTo("WITHDRAWN"))
        .body("allowedTransitions", equalTo(List.of("approve")));
    sign(QAU, id, "qau.edu.pk", "2026-03-01").then().statusCode(409);
    given()
        .get(PATH + "/" + id + "/versions")
        .then()
        .statusCode(200)
        .body("items.change", equalTo(List.of("DRAFTED", "WITHDRAWN")));
    given()
        .queryParam("status", "WITHDRAWN")
        .queryParam("limit", 100)
        .queryParam("q", "Edges")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + id + "' }.status", equalTo("WITHDRAWN"));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.agreements",
            r -> id.equals(r.key()),
            2,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of("registry.agreement.drafted.v1", "registry.agreement.withdrawn.v1"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList(),
        "the retried withdrawal acted once");
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    JsonNode withdrawn = json(events.get(1).value());
    assertEquals("WITHDRAWN", withdrawn.path("status").asText());
    assertEquals(today, withdrawn.path("endedOn").asText());
    assertEquals(1, withdrawn.path("version").asInt());
  }

  @Test
  void onlyADraftIsWithdrawnAndAConfidentialOneIsUnknownToOutsiders() {
    String id = observedDraft();
    sign(QAU, id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    sign(BSU, id, "bsu.by", "2026-03-02").then().statusCode(200);
    caller(QAU)
        .body(Map.of("reason", "Changed our mind"))
        .post(PATH + "/" + id + "/withdrawal")
        .then()
        .statusCode(409)
        .body("currentState", equalTo("SIGNED"))
        .body("allowedTransitions", equalTo(offered(QAU, id)));
    String confidential =
        as(QAU)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    AgreementResourceTest.terms("CONFIDENTIAL", "qau.edu.pk", "bsu.by")))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    withdraw(OUTSIDER, confidential, 404);
    withdraw(REGISTRAR, confidential, 200);
  }

  @Test
  void eachCallerIsOfferedOnlyWhatItMayDoInEveryStatus() {
    String id = observedDraft();
    // A draft.
    assertEquals(List.of(), offered(null, id), "anonymous readers may do nothing");
    assertEquals(List.of(), offered(ATTENDEE, id), "an attendee acts for no organization");
    assertEquals(List.of(), offered(OUTSIDER, id));
    assertEquals(List.of("accept", "approve"), offered(OBSERVER, id));
    assertEquals(List.of("revise", "sign", "approve", "withdraw"), offered(QAU, id));
    assertEquals(
        List.of("revise", "sign", "accept", "approve", "withdraw"), offered(REGISTRAR, id));
    // Lists show each item as the view does, for the caller who reads them.
    caller(OBSERVER)
        .queryParam("invitedParty", "most.gov.pk")
        .queryParam("q", "Edges")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body(
            "items.find { it.id == '" + id + "' }.allowedTransitions",
            equalTo(List.of("accept", "approve")));

    sign(QAU, id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    assertEquals(
        List.of("revise", "approve", "withdraw"), offered(QAU, id), "it signed: no second time");
    assertEquals(List.of("revise", "sign", "approve", "withdraw"), offered(BSU, id));

    sign(BSU, id, "bsu.by", "2026-03-02").then().statusCode(200);
    assertEquals(List.of("enter-into-force", "terminate", "approve", "amend"), offered(QAU, id));
    assertEquals(List.of("accept", "approve"), offered(OBSERVER, id));
    assertEquals(
        List.of("enter-into-force", "terminate", "accept", "approve", "amend"),
        offered(REGISTRAR, id));

    as(QAU)
        .body(Map.of("date", "2026-04-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200)
        .body("allowedTransitions", equalTo(List.of("suspend", "terminate", "approve", "amend")));
    assertEquals(
        List.of("suspend", "terminate", "accept", "approve", "amend"),
        offered(REGISTRAR, id),
        "expire is the expiry job's: never offered");
    assertEquals(List.of(), offered(null, id));
    // What is not offered is refused; what is offered is done.
    caller(OBSERVER)
        .body(Map.of("reason", "An observer's wish"))
        .post(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(403);
    caller(OBSERVER)
        .header("If-Match", etag(id))
        .body(Map.of("organizationCode", "most.gov.pk"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .body("allowedTransitions", equalTo(List.of("approve", "amend")));
    // A refused transition names what this caller may do instead, as its view does.
    caller(QAU)
        .delete(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("currentState", equalTo("IN_FORCE"))
        .body("allowedTransitions", equalTo(List.of("suspend", "terminate", "approve", "amend")))
        .body(
            "detail",
            equalTo(
                "Cannot resume an agreement that is IN_FORCE; allowed: [suspend, terminate, approve,"
                    + " amend]"));
    caller(REGISTRAR)
        .delete(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(409)
        .body("allowedTransitions", equalTo(List.of("suspend", "terminate", "approve", "amend")));
  }

  /**
   * The request-body examples Swagger UI offers (whole bodies, so it does not fill in the
   * registrar-only {@code frameworkOverride} for a partner) work against the seeded data for the
   * callers they are meant for; codes are made unique, and the examples that would change a seeded
   * agreement run on a copy of it.
   */
  @Test
  void theRequestBodyExamplesWorkForTheCallersTheyAreMeantFor() throws IOException {
    JsonNode paths =
        new ObjectMapper(new YAMLFactory())
            .readTree(java.nio.file.Path.of("contract", "openapi.yaml").toFile())
            .path("paths");
    java.util.function.BiFunction<String, String, ObjectNode> example =
        (path, name) ->
            (ObjectNode)
                paths
                    .path(path)
                    .path(path.endsWith("{id}") ? "put" : "post")
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("examples")
                    .path(name)
                    .path("value")
                    .deepCopy();
    ObjectNode draft = example.apply("/api/v1/agreements", "draft").put("code", uniqueCode());
    String copy =
        caller(QAU)
            .body(draft.toString())
            .post(PATH)
            .then()
            .statusCode(201)
            .body("frameworkOverride", nullValue())
            .extract()
            .path("id");
    ObjectNode overridden =
        example.apply("/api/v1/agreements", "registrarOverride").put("code", uniqueCode());
    caller(QAU).body(overridden.toString()).post(PATH).then().statusCode(403);
    caller(REGISTRAR)
        .body(overridden.toString())
        .post(PATH)
        .then()
        .statusCode(201)
        .body("frameworkOverride.nonMembers.CPEC", equalTo(List.of("BY")));
    caller(QAU)
        .header("If-Match", "\"0\"")
        .body(example.apply("/api/v1/agreements/{id}", "revision").toString())
        .put(PATH + "/" + copy)
        .then()
        .statusCode(200);
    caller(QAU)
        .header("If-Match", etag(copy))
        .body(example.apply("/api/v1/agreements/{id}/signatures", "signature").toString())
        .post(PATH + "/" + copy + "/signatures")
        .then()
        .statusCode(200)
        .body("parties[0].signature.date", equalTo("2026-03-15"));
    caller(OBSERVER)
        .body(
            example
                .apply("/api/v1/agreements/{id}/amendments", "amendment")
                .put("code", uniqueCode())
                .toString())
        .post(PATH + "/" + AgreementResource.IN_FORCE_ID + "/amendments")
        .then()
        .statusCode(201)
        .body("amendsId", equalTo(AgreementResource.IN_FORCE_ID));
  }

  static JsonNode json(byte[] value) {
    try {
      return new ObjectMapper().readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
