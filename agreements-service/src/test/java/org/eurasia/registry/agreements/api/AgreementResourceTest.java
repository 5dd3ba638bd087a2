package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementSnapshot;
import org.eurasia.registry.agreements.domain.AgreementSnapshotTest;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Agreements over HTTP against real PostgreSQL and Kafka: authorization, lifecycle, visibility,
 * search, events.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementResourceTest {

  static final String PATH = "/api/v1/agreements";
  static final String PROBLEM = "application/problem+json";
  static final Path SCHEMA =
      EventSchemas.file("agreements-service/contract/events/registry.agreement.v1.schema.json");

  static RequestSpecification as(String token) {
    return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
  }

  static String uniqueCode() {
    return "PK-BY/MOU/2026/T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> terms(String visibility, String... partyCodes) {
    Map<String, Object> terms = new HashMap<>();
    terms.put("kind", "MEMORANDUM_OF_UNDERSTANDING");
    terms.put("visibility", visibility);
    terms.put("title", Map.of("en", "Test memorandum", "ru", "Тестовый меморандум"));
    terms.put(
        "parties",
        java.util.Arrays.stream(partyCodes)
            .map(c -> Map.of("organizationCode", c, "role", "SIGNATORY"))
            .toList());
    terms.put("fields", List.of("SCIENCE_AND_TECHNOLOGY"));
    terms.put("iscedCodes", List.of("0533"));
    terms.put("durationMonths", 60);
    return terms;
  }

  static Response draft(String token, String visibility, String... partyCodes) {
    return as(token)
        .body(Map.of("code", uniqueCode(), "terms", terms(visibility, partyCodes)))
        .post(PATH);
  }

  static String draftedId(String visibility, String... partyCodes) {
    return draft(TestTokens.partner(partyCodes[0]), visibility, partyCodes)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The agreement's current ETag, read as a registrar (who may read every agreement). */
  static String etag(String id) {
    return as(TestTokens.registrar())
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** Signs the current version: a signature names the version it binds in If-Match. */
  static Response sign(String token, String id, String organization, String date) {
    return as(token)
        .header("If-Match", etag(id))
        .body(Map.of("organizationCode", organization, "date", date, "place", "Islamabad"))
        .post(PATH + "/" + id + "/signatures");
  }

  @Test
  void aPartnerDraftsOnlyAgreementsItsOrganizationIsPartyTo() {
    draft(TestTokens.partner("qau.edu.pk"), "PUBLIC", "qau.edu.pk", "bsu.by")
        .then()
        .statusCode(201)
        .body("status", equalTo("DRAFT"))
        .body("allowedTransitions", hasItem("sign"))
        .body("parties[1].country", equalTo("BY"));
    draft(TestTokens.partner("cuc.edu.cn"), "PUBLIC", "qau.edu.pk", "bsu.by")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    draft(TestTokens.registrar(), "PUBLIC", "qau.edu.pk", "bsu.by").then().statusCode(201);
  }

  @Test
  void partiesMustBeInTheDirectory() {
    draft(TestTokens.registrar(), "PUBLIC", "qau.edu.pk", "nowhere.example.org")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("terms.parties[1].organizationCode"))
        .body("detail", equalTo("No organization 'nowhere.example.org' in the directory"));
  }

  @Test
  void theWholeLifecycleOverHttpEmitsOneEventPerChangeInOrder() {
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    sign(TestTokens.partner("bsu.by"), id, "qau.edu.pk", "2026-03-01")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    sign(TestTokens.partner("qau.edu.pk"), id, "qau.edu.pk", "2026-03")
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("parties[0].signature.date", equalTo("2026-03"));
    sign(TestTokens.partner("bsu.by"), id, "bsu.by", "2026-03-15")
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"));
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("date", "2026-04-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_FORCE"))
        .body("expiresOn", equalTo("2031-04-01"));
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("reason", "review"))
        .post(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));
    as(TestTokens.partner("bsu.by"))
        .delete(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_FORCE"));
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("date", "2026-12-31", "reason", "Denunciation by bsu.by"))
        .post(PATH + "/" + id + "/termination")
        .then()
        .statusCode(200)
        .body("status", equalTo("TERMINATED"))
        .header("ETag", "\"6\"");

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.agreements",
            r -> id.equals(r.key()),
            7,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of(
            "drafted",
            "party-signed",
            "signed",
            "entered-into-force",
            "suspended",
            "resumed",
            "terminated"),
        events.stream()
            .map(
                r ->
                    KafkaProbe.header(r, "ce_type")
                        .replace("registry.agreement.", "")
                        .replace(".v1", ""))
            .toList());
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5", "6"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_aggregateversion")).toList());
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
  }

  /** A public agreement between QAU and BSU, signed by both and in force (version 3). */
  static String inForce() {
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    sign(TestTokens.partner("qau.edu.pk"), id, "qau.edu.pk", "2026-03-01").then().statusCode(200);
    sign(TestTokens.partner("bsu.by"), id, "bsu.by", "2026-03-02").then().statusCode(200);
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("date", "2026-04-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200);
    return id;
  }

  static List<String> changes(String id) {
    return as(TestTokens.registrar())
        .queryParam("limit", 100)
        .get(PATH + "/" + id + "/versions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.change", String.class);
  }

  @Test
  void aRetriedLifecycleCommandIsAnsweredAsTheFirstAndActsOnceAndItsKeyActsAgainOnAnother() {
    String first = inForce();
    String second = inForce();
    String key = UUID.randomUUID().toString();
    Map<String, String> reason = Map.of("reason", "Programme under review");
    Response suspended =
        as(TestTokens.partner("bsu.by"))
            .header("Idempotency-Key", key)
            .body(reason)
            .post(PATH + "/" + first + "/suspension");
    suspended
        .then()
        .statusCode(200)
        .header("ETag", "\"4\"")
        .header("Idempotent-Replayed", nullValue())
        .body("status", equalTo("SUSPENDED"));

    // The retry is answered with the first answer: a second suspension would be a 409.
    Response retried =
        as(TestTokens.partner("bsu.by"))
            .header("Idempotency-Key", key)
            .body(reason)
            .post(PATH + "/" + first + "/suspension");
    retried
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .header("ETag", suspended.header("ETag"));
    assertEquals(suspended.jsonPath().getMap("$"), retried.jsonPath().getMap("$"));
    as(TestTokens.registrar()).get(PATH + "/" + first).then().header("ETag", "\"4\"");
    assertEquals(
        List.of("DRAFTED", "PARTY_SIGNED", "SIGNED", "ENTERED_INTO_FORCE", "SUSPENDED"),
        changes(first));

    // The same key on another agreement of the same caller is another operation: it runs.
    as(TestTokens.partner("bsu.by"))
        .header("Idempotency-Key", key)
        .body(reason)
        .post(PATH + "/" + second + "/suspension")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue())
        .body("id", equalTo(second))
        .body("status", equalTo("SUSPENDED"));
    assertEquals(
        List.of("DRAFTED", "PARTY_SIGNED", "SIGNED", "ENTERED_INTO_FORCE", "SUSPENDED"),
        changes(second));
  }

  @Test
  void anInvalidTransitionIsA409NamingTheStateAndTheAllowedTransitions() {
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("reason", "too early"))
        .post(PATH + "/" + id + "/suspension")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:eurasia-registry:problem:invalid-state-transition"))
        .body("currentState", equalTo("DRAFT"))
        .body("allowedTransitions", equalTo(List.of("revise", "sign", "approve", "withdraw")));
    // The view advertises what the guards allow this caller: one table gives both, and the problem
    // names what the view names.
    as(TestTokens.partner("qau.edu.pk"))
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("allowedTransitions", equalTo(List.of("revise", "sign", "approve", "withdraw")));
  }

  @Test
  void aDraftIsRevisedWithIfMatchAndASignedOneIsNot() {
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .body(terms("PUBLIC", "qau.edu.pk", "bsu.by", "most.gov.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(428);
    as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(terms("PUBLIC", "qau.edu.pk", "bsu.by", "most.gov.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("parties.size()", equalTo(3))
        .header("ETag", "\"1\"");
    // A partner may not write its own organization out of the agreement.
    as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"1\"")
        .body(terms("PUBLIC", "bsu.by", "most.gov.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(403);
  }

  @Test
  void aConfidentialAgreementDoesNotExistForNonParties() {
    String id = draftedId("CONFIDENTIAL", "qau.edu.pk", "bsu.by");
    given().get(PATH + "/" + id).then().statusCode(404).contentType(PROBLEM);
    as(TestTokens.partner("cuc.edu.cn")).get(PATH + "/" + id).then().statusCode(404);
    as(TestTokens.partner("cuc.edu.cn"))
        .header("If-Match", "\"0\"")
        .body(Map.of("organizationCode", "cuc.edu.cn", "date", "2026"))
        .post(PATH + "/" + id + "/signatures")
        .then()
        .statusCode(404);
    as(TestTokens.partner("bsu.by")).get(PATH + "/" + id).then().statusCode(200);
    as(TestTokens.registrar()).get(PATH + "/" + id).then().statusCode(200);
    ConsumerRecord<String, byte[]> drafted =
        KafkaProbe.collect(
                "registry.agreements",
                r -> id.equals(r.key()),
                1,
                Duration.ofSeconds(20),
                Duration.ZERO)
            .get(0);
    String payload = new String(drafted.value(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        !payload.contains("Test memorandum")
            && !payload.contains("SCIENCE_AND_TECHNOLOGY")
            && !payload.contains("0533"),
        "a confidential agreement's event carries no title, fields or ISCED codes: " + payload);
    EventSchemas.assertValid(SCHEMA, drafted.value());
    // A draft nobody signed yet is found by the parties it invites (party= lists only what they
    // consented to).
    given()
        .queryParam("invitedParty", "qau.edu.pk")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    as(TestTokens.partner("qau.edu.pk"))
        .queryParam("invitedParty", "qau.edu.pk")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
  }

  @Test
  void theCountryPairViewListsOnlyAgreementsBetweenBothCountries() {
    String pkBy = inForce("qau.edu.pk", "bsu.by");
    String pkCn = inForce("comsats.edu.pk", "cuc.edu.cn");
    Response page =
        given()
            .queryParam("country", "PK")
            .queryParam("country", "BY")
            .queryParam("limit", 100)
            .queryParam("sort", "UPDATED")
            .get(PATH);
    page.then().statusCode(200);
    List<String> ids = page.jsonPath().getList("items.id", String.class);
    assertTrue(ids.contains(pkBy) && !ids.contains(pkCn));
    given()
        .queryParam("country", "XX")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", containsString("country"));
  }

  @Test
  void namingAPartyDoesNotListOrCountTheAgreementAsItsOwnUntilItConsents() {
    // pu.edu.pk names the PK and BY ministries as signatories of its own public drafts: a proposal,
    // binding no one.
    String marker = "zqnamed" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> terms = terms("PUBLIC", "pu.edu.pk", "gknt.gov.by");
    terms.put("title", Map.of("en", "Proposal " + marker));
    String proposal =
        as(TestTokens.partner("pu.edu.pk"))
            .body(Map.of("code", uniqueCode(), "terms", terms))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .queryParam("party", "gknt.gov.by")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(proposal)));
    given()
        .queryParam("country", "BY")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(proposal)));
    given()
        .queryParam("groupBy", "COUNTRY")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts", equalTo(List.of()));
    given()
        .queryParam("invitedParty", "gknt.gov.by")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(proposal));
    // pu.edu.pk signs: it counts for PK, while the Belarusian committee is still only invited.
    sign(TestTokens.partner("pu.edu.pk"), proposal, "pu.edu.pk", "2026-06-01")
        .then()
        .statusCode(200);
    given()
        .queryParam("groupBy", "COUNTRY")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts.key", equalTo(List.of("PK")));
    given()
        .queryParam("party", "pu.edu.pk")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(proposal));
    given()
        .queryParam("groupBy", "COUNTRY_PAIR")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts", equalTo(List.of()));
    // Its own partner signs: now it is the committee's agreement too, and a PK–BY one.
    sign(TestTokens.partner("gknt.gov.by"), proposal, "gknt.gov.by", "2026-06-02")
        .then()
        .statusCode(200);
    given()
        .queryParam("party", "gknt.gov.by")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(proposal));
    given()
        .queryParam("invitedParty", "gknt.gov.by")
        .queryParam("q", marker)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(proposal)));
    given()
        .queryParam("groupBy", "COUNTRY_PAIR")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts[0].key", equalTo("BY-PK"))
        .body("counts[0].count", equalTo(1));
  }

  @Test
  void fullTextSearchFindsWordsInAnyLanguageAndPagesByRelevance() {
    String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> terms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
      // More mentions of the marker rank higher.
      terms.put(
          "title",
          Map.of(
              "en",
              "Agreement " + (marker + " ").repeat(i + 1),
              "ru",
              "Соглашение о сотрудничестве"));
      ids.add(
          as(TestTokens.registrar())
              .body(Map.of("code", uniqueCode(), "terms", terms))
              .post(PATH)
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    given()
        .queryParam("q", "сотрудничестве " + marker)
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(5));
    given()
        .queryParam("q", marker + "nothing")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    List<String> visited = new java.util.ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request =
          given().queryParam("q", marker).queryParam("sort", "RELEVANCE").queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(PATH);
      page.then().statusCode(200);
      visited.addAll(page.jsonPath().getList("items.id", String.class));
      cursor = page.jsonPath().getString("nextCursor");
    } while (cursor != null);
    List<String> expected = new java.util.ArrayList<>(ids);
    java.util.Collections.reverse(expected);
    assertEquals(expected, visited, "most relevant first, each once");
  }

  @Test
  void relevanceNeedsAQueryAndACursorKeepsItsOrder() {
    given()
        .queryParam("sort", "RELEVANCE")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
    String cursor =
        given()
            .queryParam("limit", 1)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    given()
        .queryParam("sort", "UPDATED")
        .queryParam("cursor", cursor)
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    given()
        .queryParam("sort", "UPDATED")
        .queryParam("limit", 3)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(3));
  }

  @Test
  void statisticsCountWhatTheReaderMaySeeByTheRequestedDimension() {
    String marker = "st" + UUID.randomUUID().toString().substring(0, 6);
    for (String visibility : List.of("PUBLIC", "PUBLIC", "CONFIDENTIAL")) {
      Map<String, Object> terms = terms(visibility, "qau.edu.pk", "bsu.by");
      terms.put("title", Map.of("en", "Statistics " + marker));
      terms.put("fields", List.of("TRADE", "ENERGY"));
      as(TestTokens.registrar())
          .body(Map.of("code", uniqueCode(), "terms", terms))
          .post(PATH)
          .then()
          .statusCode(201);
    }
    given()
        .queryParam("groupBy", "FIELD")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts.find { it.key == 'TRADE' }.count", equalTo(2))
        .body("counts.find { it.key == 'ENERGY' }.count", equalTo(2));
    as(TestTokens.partner("bsu.by"))
        .queryParam("groupBy", "FIELD")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts.find { it.key == 'TRADE' }.count", equalTo(3));
    // Drafts nobody signed count under no country: naming a party does not count the agreement as
    // its own.
    given()
        .queryParam("groupBy", "COUNTRY_PAIR")
        .queryParam("q", marker)
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts", equalTo(List.of()));
    given()
        .queryParam("groupBy", "STATUS")
        .queryParam("country", "PK")
        .queryParam("country", "BY")
        .get(PATH + "/statistics")
        .then()
        .statusCode(200)
        .body("counts.key", hasItem("IN_FORCE"));
    given()
        .get(PATH + "/statistics")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("groupBy"));
  }

  @Test
  void everyChangeIsAnImmutableVersionThatPartiesApproveByItsHash() throws Exception {
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(terms("PUBLIC", "qau.edu.pk", "bsu.by", "most.gov.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(200);
    given()
        .get(PATH + "/" + id + "/versions")
        .then()
        .statusCode(200)
        .body("items.number", equalTo(List.of(0, 1)))
        .body("items.change", equalTo(List.of("DRAFTED", "UPDATED")));

    Response v1 = given().get(PATH + "/" + id + "/versions/1");
    v1.then().statusCode(200);
    String content = v1.jsonPath().getString("content");
    String sha =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(
        sha, v1.jsonPath().getString("sha256"), "the hash is the SHA-256 of the content served");

    given()
        .queryParam("from", 0)
        .queryParam("to", 1)
        .get(PATH + "/" + id + "/diff")
        .then()
        .statusCode(200)
        .body("differences.path", hasItem("parties"));

    String wrong = "0".repeat(64);
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("organizationCode", "bsu.by", "version", 1, "sha256", wrong))
        .post(PATH + "/" + id + "/approvals")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sha256"));
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("organizationCode", "qau.edu.pk", "version", 1, "sha256", sha))
        .post(PATH + "/" + id + "/approvals")
        .then()
        .statusCode(403);
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("organizationCode", "bsu.by", "version", 1, "sha256", sha))
        .post(PATH + "/" + id + "/approvals")
        .then()
        .statusCode(200);
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("organizationCode", "bsu.by", "version", 1, "sha256", sha))
        .post(PATH + "/" + id + "/approvals")
        .then()
        .statusCode(409);
    given()
        .get(PATH + "/" + id + "/versions")
        .then()
        .body("items[2].change", equalTo("APPROVED"))
        .body("items[2].sha256", equalTo(sha));
    given().get(PATH + "/" + id + "/versions/9").then().statusCode(404).contentType(PROBLEM);
  }

  static String inForce(String... parties) {
    String id = draftedId("PUBLIC", parties);
    for (String party : parties) {
      sign(TestTokens.registrar(), id, party, "2026-01-10").then().statusCode(200);
    }
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-02-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  void anAmendmentInForceAmendsTheAgreementAndAnnouncesIt() {
    String original = inForce("qau.edu.pk", "bsu.by");
    Map<String, Object> wrongKind = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", uniqueCode(), "terms", wrongKind))
        .post(PATH + "/" + original + "/amendments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("terms.kind"));
    Map<String, Object> amendmentTerms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    amendmentTerms.put("kind", "AMENDMENT");
    String amendment =
        as(TestTokens.partner("qau.edu.pk"))
            .body(Map.of("code", uniqueCode(), "terms", amendmentTerms))
            .post(PATH + "/" + original + "/amendments")
            .then()
            .statusCode(201)
            .body("amendsId", equalTo(original))
            .extract()
            .path("id");
    sign(TestTokens.partner("qau.edu.pk"), amendment, "qau.edu.pk", "2026-05-01")
        .then()
        .statusCode(200);
    sign(TestTokens.partner("bsu.by"), amendment, "bsu.by", "2026-05-01").then().statusCode(200);
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("date", "2026-06-01"))
        .post(PATH + "/" + amendment + "/entry-into-force")
        .then()
        .statusCode(200);
    given().get(PATH + "/" + original).then().body("amendedBy", equalTo(List.of(amendment)));
    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.agreements",
            r -> original.equals(r.key()),
            5,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        "registry.agreement.amended.v1",
        KafkaProbe.header(events.get(events.size() - 1), "ce_type"));
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
  }

  @Test
  void anAmendmentCannotTakeEffectOnATerminatedAgreement() {
    String original = inForce("qau.edu.pk", "bsu.by");
    Map<String, Object> amendmentTerms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    amendmentTerms.put("kind", "AMENDMENT");
    String amendment =
        as(TestTokens.registrar())
            .body(Map.of("code", uniqueCode(), "terms", amendmentTerms))
            .post(PATH + "/" + original + "/amendments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    sign(TestTokens.registrar(), amendment, "qau.edu.pk", "2026-05-01").then().statusCode(200);
    sign(TestTokens.registrar(), amendment, "bsu.by", "2026-05-01").then().statusCode(200);
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-03-01", "reason", "Denunciation"))
        .post(PATH + "/" + original + "/termination")
        .then()
        .statusCode(200);
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-06-01"))
        .post(PATH + "/" + amendment + "/entry-into-force")
        .then()
        .statusCode(409)
        .body("currentState", equalTo("TERMINATED"));
    given().get(PATH + "/" + amendment).then().body("status", equalTo("SIGNED"));
  }

  @Test
  void authenticTextsAreDocumentedInTheirLanguagesAndDatesNarrowTheSearch() {
    Map<String, Object> terms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    terms.put("languages", List.of("en", "ru"));
    terms.put(
        "documents",
        List.of(
            Map.of(
                "url",
                "https://docs.example.org/mou-ru.pdf",
                "language",
                "ur",
                "sha256",
                "a".repeat(64))));
    as(TestTokens.registrar())
        .body(Map.of("code", uniqueCode(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("documents"));
    terms.put(
        "documents",
        List.of(
            Map.of(
                "url",
                "https://docs.example.org/mou-ru.pdf",
                "language",
                "ru",
                "sha256",
                "a".repeat(64))));
    as(TestTokens.registrar())
        .body(Map.of("code", uniqueCode(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201)
        .body("languages", equalTo(List.of("en", "ru")))
        .body("documents[0].language", equalTo("ru"));
    terms.put("languages", List.of("xx"));
    as(TestTokens.registrar())
        .body(Map.of("code", uniqueCode(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(400);

    given()
        .queryParam("entryIntoForceFrom", "2021-01-01")
        .queryParam("entryIntoForceTo", "2021-12-31")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(AgreementResource.IN_FORCE_ID))
        .body("items.entryIntoForce.every { it.startsWith('2021') }", equalTo(true));
    given()
        .queryParam("entryIntoForceFrom", "yesterday")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("entryIntoForceFrom"));
  }

  @Test
  void aPartyThatMustRatifyHoldsEntryIntoForceUntilItHas() {
    Map<String, Object> terms = terms("PUBLIC", "most.gov.pk", "gknt.gov.by");
    terms.put(
        "parties",
        List.of(
            Map.of(
                "organizationCode",
                "most.gov.pk",
                "role",
                "SIGNATORY",
                "ratificationRequired",
                true),
            Map.of("organizationCode", "gknt.gov.by", "role", "SIGNATORY")));
    String id =
        as(TestTokens.registrar())
            .body(Map.of("code", uniqueCode(), "terms", terms))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    sign(TestTokens.registrar(), id, "most.gov.pk", "2026-03-01").then().statusCode(200);
    sign(TestTokens.registrar(), id, "gknt.gov.by", "2026-03-01").then().statusCode(200);
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-04-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", containsString("most.gov.pk"));
    // A signatory that need not ratify: the rule broken, named (it used to be a plain unprocessable
    // without a name).
    as(TestTokens.partner("gknt.gov.by"))
        .body(Map.of("organizationCode", "gknt.gov.by", "date", "2026-03-20", "kind", "APPROVAL"))
        .post(PATH + "/" + id + "/ratifications")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo("ratification-not-required"))
        .body("detail", equalTo("'gknt.gov.by' does not need to ratify this agreement"));
    as(TestTokens.partner("gknt.gov.by"))
        .body(
            Map.of("organizationCode", "most.gov.pk", "date", "2026-03-20", "kind", "RATIFICATION"))
        .post(PATH + "/" + id + "/ratifications")
        .then()
        .statusCode(403);
    as(TestTokens.partner("most.gov.pk"))
        .body(
            Map.of("organizationCode", "most.gov.pk", "date", "2026-03-20", "kind", "RATIFICATION"))
        .post(PATH + "/" + id + "/ratifications")
        .then()
        .statusCode(200)
        .body("parties[0].ratification.kind", equalTo("RATIFICATION"));
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-04-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_FORCE"));
  }

  @Test
  void theSeededAgreementsBehindTheOpenApiExamplesExist() {
    given()
        .get(PATH + "/" + AgreementResource.IN_FORCE_ID)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_FORCE"))
        .body("parties[0].signature.date", equalTo("2021-05"));
    given()
        .get(PATH + "/" + AgreementResource.DRAFT_ID)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("endedOn", nullValue());
    given()
        .get(PATH + "/" + AgreementResource.AWAITING_RATIFICATION_ID)
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"))
        .body("parties.find { it.organizationCode == 'most.gov.pk' }.ratification", nullValue());
    given()
        .get(PATH + "/" + AgreementResource.SIGNED_ID + "/versions/2")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(AgreementResource.SIGNED_SHA256));
    given()
        .get(PATH + "/" + AgreementResource.SUSPENDED_ID)
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));
  }

  @Inject EntityManager em;

  /**
   * The signed text of the seeded agreements, computed from the seed script's rows (loaded into a
   * temporary table, so no other test's change can interfere): each version hash a party may have
   * approved, signed or accepted stays what it was before the terms became one record ({@code
   * snapshots/seeded-agreements.txt}).
   */
  @Test
  void theSeededAgreementsHaveTheSignedTextTheyHadBefore() throws IOException {
    Map<String, String> versions = new LinkedHashMap<>();
    // Nothing of it stays: the transaction, with the temporary table and the entities read from
    // it, is rolled back.
    QuarkusTransaction.begin();
    try {
      em.createNativeQuery(
              "CREATE TEMP TABLE seeded_agreement"
                  + " (LIKE agreement INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP")
          .executeUpdate();
      String seed =
          resource("/db/seed/agreements.sql")
              .replace("INSERT INTO agreement ", "INSERT INTO seeded_agreement ");
      em.unwrap(Session.class)
          .doWork(
              connection -> {
                try (Statement statement = connection.createStatement()) {
                  statement.execute(seed);
                }
              });
      @SuppressWarnings("unchecked")
      List<Agreement> seeded =
          em.createNativeQuery("SELECT * FROM seeded_agreement ORDER BY id", Agreement.class)
              .getResultList();
      seeded.forEach(a -> versions.put(a.id().toString(), AgreementSnapshot.of(a).canonicalJson()));
    } finally {
      QuarkusTransaction.rollback();
    }
    assertEquals(12, versions.size());
    AgreementSnapshotTest.assertRecorded("seeded-agreements.txt", versions);
  }

  /**
   * The seeded versions are what the service itself would have written: each one's SHA-256 is the
   * hash of its text, each signature bound to a version quotes that version's hash, and the newest
   * seeded version of an agreement is its current text (computed from the seed script's rows, in
   * temporary tables, like the test above).
   */
  @Test
  void theSeededVersionsAreTheServicesOwnAndEndAtTheCurrentText() throws IOException {
    Map<String, String> current = new LinkedHashMap<>();
    List<Object[]> versions;
    QuarkusTransaction.begin();
    try {
      em.createNativeQuery(
              "CREATE TEMP TABLE seeded_agreement"
                  + " (LIKE agreement INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP")
          .executeUpdate();
      em.createNativeQuery(
              "CREATE TEMP TABLE seeded_version"
                  + " (LIKE agreement_version INCLUDING DEFAULTS) ON COMMIT DROP")
          .executeUpdate();
      String seed =
          resource("/db/seed/agreements.sql")
              .replace("INSERT INTO agreement ", "INSERT INTO seeded_agreement ")
              .replace("INSERT INTO agreement_version ", "INSERT INTO seeded_version ");
      em.unwrap(Session.class)
          .doWork(
              connection -> {
                try (Statement statement = connection.createStatement()) {
                  statement.execute(seed);
                }
              });
      @SuppressWarnings("unchecked")
      List<Agreement> seeded =
          em.createNativeQuery("SELECT * FROM seeded_agreement ORDER BY id", Agreement.class)
              .getResultList();
      seeded.forEach(a -> current.put(a.id().toString(), AgreementSnapshot.of(a).canonicalJson()));
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT CAST(agreement_id AS text), number, snapshot, sha256 FROM seeded_version"
                      + " ORDER BY agreement_id, number")
              .getResultList();
      versions = rows;
    } finally {
      QuarkusTransaction.rollback();
    }
    Map<String, String> newest = new LinkedHashMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (Object[] v : versions) {
      String text = (String) v[2];
      assertEquals(AgreementSnapshot.sha256(text), v[3], v[0] + " version " + v[1]);
      hashes.put(v[0] + "/" + ((Number) v[1]).longValue(), (String) v[3]);
      newest.put((String) v[0], text);
    }
    assertEquals(
        List.of(
            "5eed0000-0000-4000-8000-0000000a0004",
            "5eed0000-0000-4000-8000-0000000a0009",
            "5eed0000-0000-4000-8000-0000000a0012"),
        List.copyOf(newest.keySet()));
    newest.forEach((id, text) -> assertEquals(current.get(id), text, id));
    // Every signature bound to a version quotes the hash the seed records for that version.
    Pattern signature = Pattern.compile("\"sha256\":\"([0-9a-f]{64})\",[^}]*\"version\":(\\d+)");
    int bound = 0;
    for (Map.Entry<String, String> agreement : current.entrySet()) {
      Matcher m = signature.matcher(agreement.getValue());
      while (m.find()) {
        assertEquals(
            hashes.get(agreement.getKey() + "/" + m.group(2)), m.group(1), agreement.getKey());
        bound++;
      }
    }
    assertEquals(4, bound);
    assertTrue(
        current
            .get("5eed0000-0000-4000-8000-0000000a0004")
            .contains("\"amendedBy\":[\"5eed0000-0000-4000-8000-0000000a0012\"]"));
  }

  /** The seeded amendment reads as any amendment the service recorded itself would. */
  @Test
  void theSeededAmendmentHasItsHistoryAndShowsInTheAmendedAgreementsVersions() {
    String memorandum = "5eed0000-0000-4000-8000-0000000a0004";
    String amendment = "5eed0000-0000-4000-8000-0000000a0012";
    given()
        .get(PATH + "/" + amendment + "/versions")
        .then()
        .statusCode(200)
        .body(
            "items.change",
            equalTo(List.of("DRAFTED", "PARTY_SIGNED", "SIGNED", "ENTERED_INTO_FORCE")));
    given()
        .get(PATH + "/" + amendment)
        .then()
        .statusCode(200)
        .body("amendsId", equalTo(memorandum))
        .body("parties[1].signature.version", equalTo(1));
    given()
        .get(PATH + "/" + memorandum)
        .then()
        .statusCode(200)
        .body("amendedBy", equalTo(List.of(amendment)));
    given()
        .queryParam("from", 3)
        .queryParam("to", 4)
        .get(PATH + "/" + memorandum + "/diff")
        .then()
        .statusCode(200)
        .body("differences.path", equalTo(List.of("amendedBy")))
        .body("differences[0].to", equalTo(List.of(amendment)));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = AgreementResourceTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
