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

/** A body that is not JSON gets a problem that says where parsing stopped (issue 20, item 8). */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MalformedJsonTest {

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
