package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.security.VerifiedTokens;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The organizations resource is where the platform's HTTP rules are proven on a real resource:
 * problem+json for every failure, cursor pagination, idempotent POST, ETag preconditions and token
 * rules.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationResourceTest {

  @Inject JWTParser parser;

  static final String PATH = "/api/v1/organizations";
  static final String PROBLEM = "application/problem+json";

  static RequestSpecification asRegistrar() {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON);
  }

  static String uniqueCode() {
    return "u" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
  }

  static Map<String, Object> organization(String code) {
    return Map.of(
        "code",
        code,
        "kind",
        "UNIVERSITY",
        "names",
        Map.of("en", "Test University " + code),
        "country",
        "PK");
  }

  static Response register(String code) {
    return asRegistrar().body(organization(code)).post(PATH);
  }

  @Test
  void aRegistrarRegistersAnOrganizationAndGetsItsLocationAndEtag() {
    String code = uniqueCode();
    Response created = register(code);
    created
        .then()
        .statusCode(201)
        .header("Location", containsString(PATH + "/"))
        .header("ETag", "\"0\"")
        .body("code", equalTo(code))
        .body("country", equalTo("PK"))
        .body("names.en", startsWith("Test University"));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("code", equalTo(code));
  }

  @Test
  void theSeededOrganizationUsedByTheOpenApiExamplesExists() {
    given()
        .get(PATH + "/5eed0000-0000-4000-8000-000000000001")
        .then()
        .statusCode(200)
        .body("code", equalTo("qau.edu.pk"));
  }

  @Test
  void registeringTheSameCodeTwiceIsAConflict() {
    String code = uniqueCode();
    register(code).then().statusCode(201);
    register(code)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", containsString("conflict"));
  }

  @Nested
  class Validation {

    @Test
    void everyInvalidFieldIsNamedInTheProblem() {
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  "Not A Domain",
                  "kind",
                  "UNIVERSITY",
                  "names",
                  Map.of("xx", "Name"),
                  "country",
                  "XX"))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("type", equalTo("urn:eurasia-registry:problem:validation-failed"))
          .body("errors.field", hasItem("code"))
          .body("errors.field", hasItem("country"))
          .body("errors.field", hasItem("names"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  uniqueCode(),
                  "kind",
                  "CASTLE",
                  "names",
                  Map.of("en", "X"),
                  "country",
                  "PK"))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("kind"))
          .body("errors[0].message", containsString("UNIVERSITY"));
    }

    @Test
    void aNulCharacterInTheBodyIsBadInputNotAServerError() {
      // PostgreSQL cannot store U+0000 in text; the statement fails and the caller gets a 400
      // problem, not a 500.
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  uniqueCode(),
                  "kind",
                  "UNIVERSITY",
                  "names",
                  Map.of("en", "Nul\u0000University"),
                  "country",
                  "PK"))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  uniqueCode(),
                  "kind",
                  "UNIVERSITY",
                  "names",
                  "just a string",
                  "country",
                  "PK"))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("names"));
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  uniqueCode(),
                  "kind",
                  "UNIVERSITY",
                  "names",
                  Map.of("en", "X"),
                  "country",
                  "PK",
                  "colour",
                  "red"))
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
      asRegistrar()
          .body("{\"code\": \"x.pk\", ")
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("type", equalTo("urn:eurasia-registry:problem:malformed-request"))
          .body(not(containsString("at org.")));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
      asRegistrar().post(PATH).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnconvertibleQueryParameterIsA400NamingIt() {
      given()
          .queryParam("kind", "CASTLE")
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("kind"));
      given()
          .queryParam("limit", "many")
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("limit"));
      given()
          .queryParam("modifiedSince", "yesterday")
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("modifiedSince"));
      given()
          .get(PATH + "/not-a-uuid")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("id"));
    }
  }

  @Nested
  class HttpErrors {

    @Test
    void anUnknownIdIsA404Problem() {
      given()
          .get(PATH + "/" + UUID.randomUUID())
          .then()
          .statusCode(404)
          .contentType(PROBLEM)
          .body("type", equalTo("urn:eurasia-registry:problem:not-found"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
      given().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
      asRegistrar().body("{}").patch(PATH).then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void aBodyAboveTheLimitIsA413ProblemBeforeItIsRead() throws Exception {
      // Declares 5 MB and sends one byte: the answer must come from the declared length alone,
      // without reading the body.
      URI base =
          URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                ("POST "
                        + PATH
                        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: "
                        + TestTokens.bearer(TestTokens.registrar())
                        + "\r\nContent-Length: 5000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String response = readResponse(socket.getInputStream());
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("urn:eurasia-registry:problem:payload-too-large"), response);
      }
    }

    /** Status line, headers and the body of the declared length. */
    private String readResponse(java.io.InputStream in) throws java.io.IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      int length = 0;
      for (String line : head.toString().split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void deeplyNestedJsonIsRefusedAsMalformed() throws Exception {
      // Sent without RestAssured: on a failure it would pretty-print this body, which takes
      // gigabytes.
      String nested = "{\"names\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(
                              io.restassured.RestAssured.baseURI
                                  + ":"
                                  + io.restassured.RestAssured.port
                                  + PATH))
                      .header("Content-Type", "application/json")
                      .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString(nested))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, response.statusCode(), response.body());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
          response.headers().toString());
    }

    @Test
    void anUnsupportedMediaTypeIsA415Problem() {
      given()
          .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
          .contentType("text/plain")
          .body("hello")
          .post(PATH)
          .then()
          .statusCode(415)
          .contentType(PROBLEM);
    }
  }

  @Nested
  class Pagination {

    @Test
    void listsAreCappedAtTheRequestedLimitAndDefaultTo20() {
      for (int i = 0; i < 22; i++) {
        register(uniqueCode()).then().statusCode(201);
      }
      given()
          .get(PATH)
          .then()
          .statusCode(200)
          .body("items.size()", equalTo(20))
          .body("nextCursor", notNullValue())
          .body("next", containsString("cursor="));
      given()
          .queryParam("limit", 3)
          .get(PATH)
          .then()
          .statusCode(200)
          .body("items.size()", equalTo(3));
    }

    @Test
    void aLimitOutsideOneToOneHundredIsRefused() {
      given()
          .queryParam("limit", 101)
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("limit"));
      given().queryParam("limit", 0).get(PATH).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void followingCursorsVisitsEveryOrganizationOnceInCodeOrder() {
      for (int i = 0; i < 7; i++) {
        register(uniqueCode()).then().statusCode(201);
      }
      List<String> codes = new ArrayList<>();
      String cursor = null;
      do {
        RequestSpecification request = given().queryParam("limit", 4);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        Response page = request.get(PATH);
        page.then().statusCode(200);
        codes.addAll(page.jsonPath().getList("items.code", String.class));
        cursor = page.jsonPath().getString("nextCursor");
      } while (cursor != null);
      Set<String> unique = new HashSet<>(codes);
      assertEquals(unique.size(), codes.size(), "no organization twice");
      List<String> sorted = new ArrayList<>(codes);
      sorted.sort(String::compareTo);
      assertEquals(sorted, codes, "code order");
      long total = given().queryParam("limit", 100).get(PATH).jsonPath().getList("items").size();
      assertTrue(codes.size() >= 7 && codes.size() >= Math.min(total, 100));
    }

    @Test
    void aForgedCursorIsA400() {
      given()
          .queryParam("cursor", "not-a-cursor!!")
          .get(PATH)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void filtersNarrowTheList() {
      String code = uniqueCode();
      asRegistrar()
          .body(
              Map.of(
                  "code",
                  code,
                  "kind",
                  "RESEARCH_CENTRE",
                  "names",
                  Map.of("en", "Lab"),
                  "country",
                  "KZ"))
          .post(PATH)
          .then()
          .statusCode(201);
      List<String> kinds =
          given()
              .queryParam("country", "KZ")
              .queryParam("limit", 100)
              .get(PATH)
              .jsonPath()
              .getList("items.country", String.class);
      assertTrue(kinds.stream().allMatch("KZ"::equals) && !kinds.isEmpty());
    }
  }

  @Nested
  class Idempotency {

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstResponseAndCreatesNothingMore() {
      String key = UUID.randomUUID().toString();
      String code = uniqueCode();
      Response first =
          asRegistrar().header("Idempotency-Key", key).body(organization(code)).post(PATH);
      first.then().statusCode(201);
      Response retry =
          asRegistrar().header("Idempotency-Key", key).body(organization(code)).post(PATH);
      retry
          .then()
          .statusCode(201)
          .header("Idempotent-Replayed", "true")
          .header("Location", equalTo(first.header("Location")))
          .body("id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void aKeyReusedWithADifferentBodyIsA422() {
      String key = UUID.randomUUID().toString();
      asRegistrar()
          .header("Idempotency-Key", key)
          .body(organization(uniqueCode()))
          .post(PATH)
          .then()
          .statusCode(201);
      asRegistrar()
          .header("Idempotency-Key", key)
          .body(organization(uniqueCode()))
          .post(PATH)
          .then()
          .statusCode(422)
          .contentType(PROBLEM)
          .body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void aFailedRequestDoesNotBurnItsKey() {
      String key = UUID.randomUUID().toString();
      String code = uniqueCode();
      register(code).then().statusCode(201);
      asRegistrar()
          .header("Idempotency-Key", key)
          .body(organization(code))
          .post(PATH)
          .then()
          .statusCode(409);
      String other = uniqueCode();
      asRegistrar()
          .header("Idempotency-Key", key)
          .body(organization(other))
          .post(PATH)
          .then()
          .statusCode(201);
    }
  }

  @Nested
  class Preconditions {

    @Test
    void anUpdateWithoutIfMatchIsA428() {
      String location = register(uniqueCode()).header("Location");
      asRegistrar()
          .body(changes("Renamed"))
          .put(location)
          .then()
          .statusCode(428)
          .contentType(PROBLEM);
    }

    @Test
    void anUpdateWithTheCurrentEtagSucceedsAndBumpsIt() {
      String location = register(uniqueCode()).header("Location");
      asRegistrar()
          .header("If-Match", "\"0\"")
          .body(changes("Renamed"))
          .put(location)
          .then()
          .statusCode(200)
          .header("ETag", "\"1\"")
          .body("names.en", equalTo("Renamed"));
    }

    @Test
    void anUpdateWithAStaleEtagIsA412AndChangesNothing() {
      String location = register(uniqueCode()).header("Location");
      asRegistrar()
          .header("If-Match", "\"0\"")
          .body(changes("First"))
          .put(location)
          .then()
          .statusCode(200);
      asRegistrar()
          .header("If-Match", "\"0\"")
          .body(changes("Second"))
          .put(location)
          .then()
          .statusCode(412)
          .contentType(PROBLEM);
      given().get(location).then().body("names.en", equalTo("First"));
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWinAndTheOthersGet412() throws Exception {
      String location = register(uniqueCode()).header("Location");
      var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String name = "Concurrent " + i;
          answers.add(
              pool.submit(
                  () ->
                      asRegistrar()
                          .header("If-Match", "\"0\"")
                          .body(changes(name))
                          .put(location)
                          .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
          statuses.add(answer.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(
            7,
            statuses.stream().filter(s -> s == 412).count(),
            "the others are told to re-read: " + statuses);
      } finally {
        pool.shutdown();
      }
      given().get(location).then().header("ETag", "\"1\"");
    }

    @Test
    void anOrganizationCannotBecomeItsOwnAncestor() {
      Response parent = register(uniqueCode());
      String parentId = parent.jsonPath().getString("id");
      Map<String, Object> child = new java.util.HashMap<>(organization(uniqueCode()));
      child.put("parentId", parentId);
      String childId =
          asRegistrar().body(child).post(PATH).then().statusCode(201).extract().path("id");
      Map<String, Object> loop = new java.util.HashMap<>(changes("Loop"));
      loop.put("parentId", childId);
      asRegistrar()
          .header("If-Match", "\"0\"")
          .body(loop)
          .put(parent.header("Location"))
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("parentId"));
    }

    Map<String, Object> changes(String name) {
      return Map.of("kind", "UNIVERSITY", "names", Map.of("en", name), "country", "PK");
    }
  }

  @Nested
  class Authorization {

    @Test
    void withoutATokenAWriteIsA401WithABearerChallenge() {
      given()
          .contentType(ContentType.JSON)
          .body(organization(uniqueCode()))
          .post(PATH)
          .then()
          .statusCode(401)
          .contentType(PROBLEM)
          .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aPartnerMayNotChangeTheDirectory() {
      given()
          .header("Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
          .contentType(ContentType.JSON)
          .body(organization(uniqueCode()))
          .post(PATH)
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }

    @Test
    void expiredForeignOrMisissuedTokensAreRefused() {
      for (String token :
          List.of(
              TestTokens.expired("qau.edu.pk"),
              TestTokens.signedByUnknownKey("qau.edu.pk"),
              TestTokens.withIssuer("https://elsewhere.example/issuer", "qau.edu.pk"),
              "not.a.jwt")) {
        given()
            .header("Authorization", "Bearer " + token)
            .contentType(ContentType.JSON)
            .body(organization(uniqueCode()))
            .post(PATH)
            .then()
            .statusCode(401)
            .contentType(PROBLEM);
      }
    }

    @Test
    void aRememberedTokenStillProvesItselfAndATamperedCopyIsRefused() {
      // The service verifies a token once and remembers it (VerifiedTokens): the alternative must
      // be the parser in use,
      // and a copy differing in one signature character must still go through verification and
      // fail.
      assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
      String token = TestTokens.partner("qau.edu.pk");
      for (int i = 0; i < 2; i++) {
        given()
            .header("Authorization", "Bearer " + token)
            .contentType(ContentType.JSON)
            .body(organization(uniqueCode()))
            .post(PATH)
            .then()
            .statusCode(403);
      }
      // Not the last character: its low bits are padding in base64url and may decode to the same
      // signature.
      int at = token.length() - 10;
      String tampered =
          token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
      given()
          .header("Authorization", "Bearer " + tampered)
          .contentType(ContentType.JSON)
          .body(organization(uniqueCode()))
          .post(PATH)
          .then()
          .statusCode(401)
          .contentType(PROBLEM);
    }

    @Test
    void readsAreOpen() {
      given().get(PATH).then().statusCode(200).body("items", notNullValue());
    }
  }
}
