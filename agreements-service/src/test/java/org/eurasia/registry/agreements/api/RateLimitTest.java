package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The per-token write limit, with a small bucket: writes beyond it get 429 and Retry-After; reads and others go on. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBucket.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

  /** Three writes at once, then one every ten seconds. */
  public static class SmallBucket implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("registry.rate-limit.burst", "3", "registry.rate-limit.per-second", "0.1");
    }
  }

  static io.restassured.response.Response write(String token) {
    // An invalid body: the limit applies before validation, so nothing needs to be created to use a write.
    return given().header("Authorization", TestTokens.bearer(token)).contentType("application/json").body("{}").post("/api/v1/organizations");
  }

  @Test
  void writesBeyondTheBurstGet429WithRetryAfterPerToken() {
    String token = TestTokens.registrar();
    for (int i = 0; i < 3; i++) {
      write(token).then().statusCode(400);
    }
    write(token).then().statusCode(429).contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("type", equalTo("urn:eurasia-registry:problem:too-many-requests"));
    given().get("/api/v1/organizations").then().statusCode(200);
    write(TestTokens.partner("qau.edu.pk")).then().statusCode(403);
  }
}
