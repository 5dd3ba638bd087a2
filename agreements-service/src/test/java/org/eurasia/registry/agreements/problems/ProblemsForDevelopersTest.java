package org.eurasia.registry.agreements.problems;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Problems a developer can act on (issue 20): a body that is not JSON gets a problem that says
 * where parsing stopped, and every problem type is explained in the catalogue.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProblemsForDevelopersTest {

  @Test
  void aBrokenBodyIsRefusedNamingItsLineAndColumn() {
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body("{\n  \"code\": \"x.edu.pk\",\n  \"kind\": UNIVERSITY\n}")
        .post("/api/v1/organizations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eurasia-registry:problem:malformed-request"))
        .body("detail", containsString("line 3, column"))
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void everyProblemTypeIsInTheCatalogueWithItsStatusAndMeaning() {
    given()
        .get("/api/v1/problem-types")
        .then()
        .statusCode(200)
        .body("items.find { it.slug == 'malformed-request' }.status", equalTo(400))
        .body(
            "items.find { it.slug == 'rule-violated' }.type",
            equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body(
            "items.size()",
            equalTo(org.eurasia.registry.platform.problem.ProblemType.values().length));
    given()
        .get("/api/v1/problem-types/too-many-requests")
        .then()
        .statusCode(200)
        .body("status", equalTo(429));
    given()
        .get("/api/v1/problem-types/no-such-type")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aTruncatedBodyIsRefusedSayingSo() {
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body("{\"code\": \"x.edu.pk\", \"names\": {\"en\": \"X")
        .post("/api/v1/organizations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("line 1, column"));
  }
}
