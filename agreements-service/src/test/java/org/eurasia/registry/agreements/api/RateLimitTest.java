package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The rate limits with small buckets: writes per verified caller (whatever token it sends), reads
 * without a token per client address; beyond either, 429 with Retry-After, and other callers go on.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBucket.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

  /**
   * Three writes at once, then one every ten seconds; five anonymous reads, then one every ten
   * seconds.
   */
  public static class SmallBucket implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "registry.rate-limit.burst",
          "3",
          "registry.rate-limit.per-second",
          "0.1",
          "registry.rate-limit.anonymous-reads.burst",
          "5",
          "registry.rate-limit.anonymous-reads.per-second",
          "0.1");
    }
  }

  static Response write(String token) {
    // An invalid body: the limit applies before validation, so nothing needs to be created to use a
    // write.
    return given()
        .header("Authorization", TestTokens.bearer(token))
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/organizations");
  }

  @Test
  void writesBeyondTheBurstGet429WithRetryAfterPerToken() {
    String token = TestTokens.registrar();
    for (int i = 0; i < 3; i++) {
      write(token).then().statusCode(400);
    }
    write(token)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("type", equalTo("urn:eurasia-registry:problem:too-many-requests"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("bsu.by")))
        .get("/api/v1/organizations")
        .then()
        .statusCode(200);
    write(TestTokens.partner("qau.edu.pk")).then().statusCode(403);
  }

  @Test
  void aNewTokenForTheSameCallerSharesItsBucket() {
    // Two tokens of one caller (subject and organisation), as a system gets by asking its identity
    // provider again.
    // (Registrar tokens: a partner's write to the directory is refused by role before any limit is
    // charged.)
    String first = TestTokens.token("clerk@registry.test", "registry.test", Set.of("registrar"));
    String second = TestTokens.token("clerk@registry.test", "registry.test", Set.of("registrar"));
    assertNotEquals(first, second, "the identity provider issues distinct tokens");
    for (int i = 0; i < 3; i++) {
      write(i % 2 == 0 ? first : second).then().statusCode(400);
    }
    write(second).then().statusCode(429).header("Retry-After", notNullValue());
    write(TestTokens.token("another-clerk@registry.test", "registry.test", Set.of("registrar")))
        .then()
        .statusCode(400);
  }

  @Test
  void readsWithoutATokenHaveTheirOwnBudgetPerClient() {
    int served = 0;
    Response refused = null;
    for (int i = 0; i < 10 && refused == null; i++) {
      Response r = given().get("/api/v1/frameworks");
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertEquals(200, r.statusCode());
        served++;
      }
    }
    assertTrue(
        refused != null && served <= 5,
        "anonymous reads beyond the burst of 5 are refused (served " + served + ")");
    refused.then().contentType("application/problem+json").header("Retry-After", notNullValue());
    // A partner's reads are accountable to its organisation: not charged to the public budget.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("bsu.by")))
        .get("/api/v1/frameworks")
        .then()
        .statusCode(200);
    // Nothing else escapes it: a made-up bearer token is refused as a token, a header of another
    // scheme proves nobody,
    // and a person's token (attendee) reads as the public does.
    given()
        .header("Authorization", "Bearer made.up.token")
        .get("/api/v1/frameworks")
        .then()
        .statusCode(401);
    given().header("Authorization", "Basic eA==").get("/api/v1/frameworks").then().statusCode(429);
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.attendee("someone@bsu.by", "bsu.by")))
        .get("/api/v1/frameworks")
        .then()
        .statusCode(429);
  }
}
