package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Frameworks over HTTP against real PostgreSQL: membership rules, registrar-only writes, use by
 * agreements.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FrameworkResourceTest {

  static final String PATH = "/api/v1/frameworks";

  static String code() {
    return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> framework(String code, List<Map<String, String>> members) {
    return Map.of(
        "code",
        code,
        "details",
        Map.of("names", Map.of("en", "Test framework"), "members", members));
  }

  @Test
  void theSeededFrameworksAreListedByMemberCountry() {
    given()
        .get(PATH + "/" + FrameworkResource.CPEC_ID)
        .then()
        .statusCode(200)
        .body("code", equalTo("CPEC"));
    given()
        .queryParam("memberCountry", "PK")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.code", hasItems("CPEC", "CAREC", "APTTA"))
        .body("items.code", not(hasItem("EAEU")));
  }

  @Test
  void onlyARegistrarRegistersAndMembershipsMayNotOverlapOrRunBackwards() {
    String code = code();
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
        .contentType(ContentType.JSON)
        .body(framework(code, List.of(Map.of("country", "PK"))))
        .post(PATH)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            framework(
                code,
                List.of(
                    Map.of("country", "PK", "since", "2001"),
                    Map.of("country", "PK", "since", "2010"))))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("members[1]"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(framework(code, List.of(Map.of("country", "PK", "since", "2010", "until", "2001"))))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("members[0].until"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            framework(
                code,
                List.of(
                    Map.of("country", "PK", "since", "2001", "until", "2005"),
                    Map.of("country", "PK", "since", "2010"))))
        .post(PATH)
        .then()
        .statusCode(201)
        .body("members[1].since", equalTo("2010"));
  }

  @Test
  void agreementsNameOnlyKnownFrameworksAndAUsedFrameworkStays() {
    Map<String, Object> terms = AgreementResourceTest.terms("PUBLIC", "qau.edu.pk", "bsu.by");
    terms.put("frameworks", List.of("NOSUCH"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(Map.of("code", AgreementResourceTest.uniqueCode(), "terms", terms))
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("frameworks"));
    // CPEC is named by a seeded agreement.
    String etag = given().get(PATH + "/" + FrameworkResource.CPEC_ID).header("ETag");
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .header("If-Match", etag)
        .delete(PATH + "/" + FrameworkResource.CPEC_ID)
        .then()
        .statusCode(409);
  }

  @Test
  void aDescriptionMayHoldLineFeedsButANameNoControlCharacter() {
    String registrar = TestTokens.bearer(TestTokens.registrar());
    Map<String, Object> details =
        Map.of(
            "names",
            Map.of("en", "Line test framework"),
            "description",
            Map.of("en", "Members:\r\n\tPK\n\tCN"),
            "members",
            List.of(Map.of("country", "PK")));
    String id =
        given()
            .header("Authorization", registrar)
            .contentType(ContentType.JSON)
            .body(Map.of("code", code(), "details", details))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().get(PATH + "/" + id).then().body("description.en", equalTo("Members:\n\tPK\n\tCN"));
    Map<String, Object> injected =
        Map.of("names", Map.of("en", "Line\ntest"), "members", List.of(Map.of("country", "PK")));
    given()
        .header("Authorization", registrar)
        .contentType(ContentType.JSON)
        .body(Map.of("code", code(), "details", injected))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("details.names.en"));
  }
}
