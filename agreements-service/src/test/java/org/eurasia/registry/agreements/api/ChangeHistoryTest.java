package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PROBLEM;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.sign;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.terms;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.uniqueCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who did what to a record, readable as its history by whoever may read the record, and an
 * agreement's approvals: against real PostgreSQL, through the API.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ChangeHistoryTest {

  /** A partner system with a subject of its own, as a partner's integration would have. */
  static final String INTEGRATION =
      TestTokens.token("qau-integration", "qau.edu.pk", Set.of("partner"));

  static String draftConfidential(String requestId) {
    return as(INTEGRATION)
        .header("X-Request-Id", requestId)
        .body(Map.of("code", uniqueCode(), "terms", terms("CONFIDENTIAL", "qau.edu.pk", "bsu.by")))
        .post(PATH)
        .then()
        .statusCode(201)
        .header("X-Request-Id", requestId)
        .extract()
        .path("id");
  }

  @Test
  void aWriteShowsInTheHistoryWithItsActorOperationAndRequestId() {
    String requestId = "qau-" + UUID.randomUUID();
    String id = draftConfidential(requestId);
    sign(TestTokens.registrar(), id, "qau.edu.pk", "2026-01-10").then().statusCode(200);

    JsonPath history =
        as(TestTokens.partner("bsu.by"))
            .get(PATH + "/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, history.getList("items").size(), history.prettify());
    assertEquals("qau-integration", history.getString("items[0].actor.subject"));
    assertEquals("qau.edu.pk", history.getString("items[0].actor.organization"));
    assertEquals("partner", history.getString("items[0].actor.role"));
    assertEquals("draftAgreement", history.getString("items[0].operation"));
    assertEquals(requestId, history.getString("items[0].requestId"));
    assertEquals("agreement", history.getString("items[0].recordType"));
    assertEquals(id, history.getString("items[0].recordId"));
    assertEquals(0, history.getLong("items[0].version"));
    assertEquals("registry.agreement.drafted.v1", history.getString("items[0].eventType"));
    assertEquals("DRAFT", history.getString("items[0].change.status"));
    assertEquals("registrar", history.getString("items[1].actor.role"));
    assertEquals("signAgreement", history.getString("items[1].operation"));
    assertEquals("registry.agreement.party-signed.v1", history.getString("items[1].eventType"));
  }

  @Test
  void aConfidentialAgreementsHistoryIsA404ForWhoeverMayNotReadIt() {
    String id = draftConfidential("qau-" + UUID.randomUUID());
    String missing =
        given()
            .get(PATH + "/" + UUID.randomUUID() + "/history")
            .then()
            .statusCode(404)
            .contentType(PROBLEM)
            .extract()
            .path("title");
    for (String outsider :
        new String[] {TestTokens.partner("cuc.edu.cn"), TestTokens.partner("most.gov.pk")}) {
      as(outsider)
          .get(PATH + "/" + id + "/history")
          .then()
          .statusCode(404)
          .contentType(PROBLEM)
          .body("title", equalTo(missing));
      as(outsider).get(PATH + "/" + id + "/approvals").then().statusCode(404).contentType(PROBLEM);
    }
    given().get(PATH + "/" + id + "/history").then().statusCode(404).contentType(PROBLEM);
    as(TestTokens.registrar()).get(PATH + "/" + id + "/history").then().statusCode(200);
  }

  @Test
  void historyPagesOldestFirstFromACursor() {
    String id = draftConfidential("qau-" + UUID.randomUUID());
    sign(TestTokens.registrar(), id, "qau.edu.pk", "2026-01-10").then().statusCode(200);
    sign(TestTokens.registrar(), id, "bsu.by", "2026-01-11").then().statusCode(200);

    JsonPath first =
        as(TestTokens.partner("qau.edu.pk"))
            .queryParam("limit", 1)
            .get(PATH + "/" + id + "/history")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("nextCursor", notNullValue())
            .extract()
            .jsonPath();
    assertEquals(0, first.getLong("items[0].version"));
    JsonPath rest =
        as(TestTokens.partner("qau.edu.pk"))
            .queryParam("limit", 5)
            .queryParam("cursor", first.getString("nextCursor"))
            .get(PATH + "/" + id + "/history")
            .then()
            .statusCode(200)
            .body("nextCursor", nullValue())
            .extract()
            .jsonPath();
    assertEquals(List.of(1, 2), rest.getList("items.version"));
    assertEquals("registry.agreement.signed.v1", rest.getString("items[1].eventType"));
  }

  @Test
  void organizationsAndFrameworksHaveAHistoryAnyoneMayRead() {
    String organization =
        OrganizationResourceTest.register(OrganizationResourceTest.uniqueCode())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    OrganizationResourceTest.asRegistrar()
        .post(OrganizationResourceTest.PATH + "/" + organization + "/retirement")
        .then()
        .statusCode(200);
    given()
        .get(OrganizationResourceTest.PATH + "/" + organization + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", equalTo(List.of("registerOrganization", "retireOrganization")))
        .body("items.tombstone", equalTo(List.of(false, true)))
        .body("items[1].actor.role", equalTo("registrar"));

    String framework =
        as(TestTokens.registrar())
            .body(
                FrameworkResourceTest.framework(
                    FrameworkResourceTest.code(), List.of(Map.of("country", "PK"))))
            .post("/api/v1/frameworks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .get("/api/v1/frameworks/" + framework + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", equalTo(List.of("registerFramework")));
    as(TestTokens.registrar())
        .header("If-Match", "\"0\"")
        .delete("/api/v1/frameworks/" + framework)
        .then()
        .statusCode(204);
    // Like the framework itself, once removed.
    given()
        .get("/api/v1/frameworks/" + framework + "/history")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  void approvalsNameWhoApprovedWhichVersionHashAndWhen() {
    String id = draftConfidential("qau-" + UUID.randomUUID());
    String sha =
        given()
            .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
            .get(PATH + "/" + id + "/versions/0")
            .then()
            .statusCode(200)
            .extract()
            .path("sha256");
    for (String party : List.of("qau.edu.pk", "bsu.by")) {
      as(TestTokens.partner(party))
          .body(Map.of("organizationCode", party, "version", 0, "sha256", sha))
          .post(PATH + "/" + id + "/approvals")
          .then()
          .statusCode(200);
    }

    JsonPath first =
        as(TestTokens.partner("qau.edu.pk"))
            .queryParam("limit", 1)
            .get(PATH + "/" + id + "/approvals")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .extract()
            .jsonPath();
    assertEquals("bsu.by", first.getString("items[0].organizationCode"));
    assertEquals(0, first.getLong("items[0].version"));
    assertEquals(sha, first.getString("items[0].sha256"));
    assertEquals("system@bsu.by@bsu.by", first.getString("items[0].approvedBy"));
    assertEquals(
        "qau.edu.pk",
        as(TestTokens.partner("qau.edu.pk"))
            .queryParam("cursor", first.getString("nextCursor"))
            .get(PATH + "/" + id + "/approvals")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].approvedAt", notNullValue())
            .body("nextCursor", nullValue())
            .extract()
            .path("items[0].organizationCode"));
  }
}
