package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Scholarships over HTTP: set up by the funder, applied for by an institution of the mobility (its
 * consent), awarded to eligible accepted mobilities the funder may see, never over the number.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ScholarshipResourceTest {

  static final Path SCHEMA =
      EventSchemas.file("exchange-service/contract/events/registry.scholarship.v1.schema.json");
  static final String MOST = TestTokens.partner("most.gov.pk");
  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");

  static Map<String, Object> scholarship(int awards, String amount, String currency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", ExchangeApi.uniqueCode("S"));
    body.put("title", Map.of("en", "Graduate study in Belarus"));
    body.put("funder", "most.gov.pk");
    body.put("amount", new java.math.BigDecimal(amount));
    body.put("currency", currency);
    body.put("awards", awards);
    body.put(
        "eligibility",
        Map.of(
            "eqfLevels", List.of(7, 8), "directions", List.of(Map.of("from", "PK", "to", "BY"))));
    return body;
  }

  static String fund(int awards) {
    return as(MOST)
        .body(scholarship(awards, "450000", "PKR"))
        .post("/api/v1/scholarships")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String acceptedMobility(String program, String direction, int eqf) {
    String id = ExchangeApi.nominate(program, direction, eqf);
    String host = direction.equals("SENDING_TO_RECEIVING") ? "bsu.by" : "qau.edu.pk";
    as(TestTokens.partner(host))
        .post("/api/v1/mobilities/" + id + "/acceptance")
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  void onlyTheFunderSetsUpAScholarshipInARealCurrency() {
    as(TestTokens.partner("qau.edu.pk"))
        .body(scholarship(3, "100", "PKR"))
        .post("/api/v1/scholarships")
        .then()
        .statusCode(403);
    as(MOST)
        .body(scholarship(3, "100", "XXY"))
        .post("/api/v1/scholarships")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("currency"));
    as(MOST)
        .body(scholarship(3, "100.555", "USD"))
        .post("/api/v1/scholarships")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amount"));
    as(MOST).body(scholarship(0, "100", "USD")).post("/api/v1/scholarships").then().statusCode(400);
    String id = fund(3);
    RestAssured.given()
        .get("/api/v1/scholarships/" + id)
        .then()
        .statusCode(200)
        .body("currency", equalTo("PKR"))
        .body("remaining", equalTo(3));
  }

  static Response apply(String token, String scholarship, String mobility) {
    return as(token)
        .body(Map.of("mobilityId", mobility))
        .post("/api/v1/scholarships/" + scholarship + "/applications");
  }

  static Response award(String token, String scholarship, String mobility) {
    return as(token)
        .body(Map.of("mobilityId", mobility))
        .post("/api/v1/scholarships/" + scholarship + "/awards");
  }

  @Test
  void anApplicationGoesOnlyForAnEligibleAcceptedMobilityOfTheCallersInstitutionAndOnlyOnce() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String nominated = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    apply(QAU, scholarship, nominated)
        .then()
        .statusCode(422)
        .body("condition", equalTo("mobility-not-accepted"));
    String bachelor = acceptedMobility(program, "SENDING_TO_RECEIVING", 6);
    apply(QAU, scholarship, bachelor)
        .then()
        .statusCode(422)
        .body("condition", equalTo("level-not-eligible"));
    String returning = acceptedMobility(program, "RECEIVING_TO_SENDING", 7);
    apply(BSU, scholarship, returning)
        .then()
        .statusCode(422)
        .body("condition", equalTo("direction-not-eligible"));
    String master = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);

    // Neither the funder nor an unrelated university is an institution of the mobility: for them it
    // does not exist.
    String unknown = UUID.randomUUID().toString();
    for (String stranger : List.of(MOST, TestTokens.partner("pu.edu.pk"))) {
      Response onReal = apply(stranger, scholarship, master);
      Response onUnknown = apply(stranger, scholarship, unknown);
      onReal
          .then()
          .statusCode(422)
          .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
          .body("errors[0].field", equalTo("mobilityId"));
      assertEquals(
          ExchangeApi.withoutIds(onUnknown, unknown), ExchangeApi.withoutIds(onReal, master));
    }
    apply(QAU, scholarship, master)
        .then()
        .statusCode(201)
        .body("appliedBy", equalTo("qau.edu.pk"))
        .body("mobility.id", equalTo(master));
    apply(QAU, scholarship, master).then().statusCode(409);
    apply(BSU, scholarship, master).then().statusCode(409);
  }

  @Test
  void aFunderCannotAwardAMobilityNoInstitutionAppliedForAndTheAnswerIsThatOfAnUnknownId() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String foreign = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    String unknown = UUID.randomUUID().toString();
    Response onForeign = award(MOST, scholarship, foreign);
    Response onUnknown = award(MOST, scholarship, unknown);
    onForeign
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("mobilityId"));
    assertEquals(
        ExchangeApi.withoutIds(onUnknown, unknown), ExchangeApi.withoutIds(onForeign, foreign));
    // Nor does an ineligible one it may not see say anything about its status or programme.
    String nominated = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    assertEquals(
        ExchangeApi.withoutIds(onUnknown, unknown),
        ExchangeApi.withoutIds(award(MOST, scholarship, nominated), nominated));
    RestAssured.given()
        .get("/api/v1/scholarships/" + scholarship)
        .then()
        .body("awarded", equalTo(0));
  }

  @Test
  void afterAnInstitutionAppliedTheFunderSeesTheMobilityWithoutPersonalDataAndAwardsIt() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String master = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    String other = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    apply(QAU, scholarship, master).then().statusCode(201);
    apply(BSU, scholarship, other).then().statusCode(201);

    Response seen = as(MOST).get("/api/v1/scholarships/" + scholarship + "/applications");
    seen.then()
        .statusCode(200)
        .body("items.mobility.id", contains(master, other))
        .body("items[0].mobility.programId", equalTo(program))
        .body("items[0].mobility.programCode", org.hamcrest.Matchers.notNullValue())
        .body("items[0].mobility.status", equalTo("ACCEPTED"))
        .body("items[0].mobility.homeCountry", equalTo("PK"))
        .body("items[1].appliedBy", equalTo("bsu.by"));
    String body = seen.asString();
    assertFalse(
        body.contains("Ayesha")
            || body.contains("Khan")
            || body.contains("example.org")
            || body.contains("participant"),
        body);
    as(TestTokens.partner("pu.edu.pk"))
        .get("/api/v1/scholarships/" + scholarship + "/applications")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());
    as(BSU)
        .get("/api/v1/scholarships/" + scholarship + "/applications")
        .then()
        .statusCode(200)
        .body("items.mobility.id", contains(master, other));
    RestAssured.given()
        .get("/api/v1/scholarships/" + scholarship + "/applications")
        .then()
        .statusCode(401);

    award(QAU, scholarship, master).then().statusCode(403);
    String awarded = award(MOST, scholarship, master).then().statusCode(201).extract().path("id");
    award(MOST, scholarship, master).then().statusCode(409);
    as(MOST)
        .get("/api/v1/scholarships/" + scholarship + "/awards")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(awarded));
  }

  @Test
  void aRegistrarAppliesForTheHomeInstitutionAndAwardsAnyMobility() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String withoutApplication = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    award(TestTokens.registrar(), scholarship, withoutApplication).then().statusCode(201);
    String applied = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    apply(TestTokens.registrar(), scholarship, applied)
        .then()
        .statusCode(201)
        .body("appliedBy", equalTo("qau.edu.pk"));
    award(MOST, scholarship, applied).then().statusCode(201);
    String unknown = UUID.randomUUID().toString();
    award(TestTokens.registrar(), scholarship, unknown)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("mobilityId"));
  }

  @Test
  void aFunderThatIsAnInstitutionOfTheMobilityConsentsByAwarding() {
    String program = ExchangeApi.openProgram(null, null);
    Map<String, Object> own = scholarship(3, "1000", "PKR");
    own.put("funder", "qau.edu.pk");
    own.remove("eligibility");
    String scholarship =
        as(QAU).body(own).post("/api/v1/scholarships").then().statusCode(201).extract().path("id");
    String mobility = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    award(QAU, scholarship, mobility).then().statusCode(201);
  }

  @Test
  void aFunderSeesAnApplicantsProgrammeCodeOnlyWhenItMayReadTheProgramme() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE");
    String mobility =
        as(QAU)
            .body(ExchangeApi.nomination(hidden.programId(), "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(BSU).post("/api/v1/mobilities/" + mobility + "/acceptance").then().statusCode(200);
    // A Chinese university funds a scholarship; it is no party to the ministries' confidential
    // memorandum.
    Map<String, Object> cuc = scholarship(3, "1000", "CNY");
    cuc.put("funder", "cuc.edu.cn");
    cuc.remove("eligibility");
    String scholarship =
        as(TestTokens.partner("cuc.edu.cn"))
            .body(cuc)
            .post("/api/v1/scholarships")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    apply(QAU, scholarship, mobility)
        .then()
        .statusCode(201)
        .body("mobility.programCode", equalTo(hidden.programCode()));
    Response seen =
        as(TestTokens.partner("cuc.edu.cn"))
            .get("/api/v1/scholarships/" + scholarship + "/applications");
    seen.then()
        .statusCode(200)
        .body("items[0].mobility.id", equalTo(mobility))
        .body("items[0].mobility.programId", equalTo(hidden.programId()))
        .body("items[0].mobility.programCode", org.hamcrest.Matchers.nullValue());
    assertFalse(
        seen.asString().contains(hidden.programCode())
            || seen.asString().contains(hidden.agreementCode()),
        seen.asString());
    award(TestTokens.partner("cuc.edu.cn"), scholarship, mobility).then().statusCode(201);
  }

  @Test
  void anAwardGoesOnlyToAnEligibleAcceptedMobilityAndOnlyOnce() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String master = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    apply(QAU, scholarship, master).then().statusCode(201);
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("mobilityId", master))
        .post("/api/v1/scholarships/" + scholarship + "/awards")
        .then()
        .statusCode(403);
    String award =
        as(MOST)
            .body(Map.of("mobilityId", master))
            .post("/api/v1/scholarships/" + scholarship + "/awards")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(MOST)
        .body(Map.of("mobilityId", master))
        .post("/api/v1/scholarships/" + scholarship + "/awards")
        .then()
        .statusCode(409);
    as(MOST)
        .get("/api/v1/scholarships/" + scholarship + "/awards")
        .then()
        .statusCode(200)
        .body("items[0].mobilityId", equalTo(master));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.scholarships",
            r -> award.equals(r.key()),
            1,
            Duration.ofSeconds(20),
            Duration.ofMillis(300));
    assertEquals(1, events.size());
    EventSchemas.assertValid(SCHEMA, events.get(0).value());
  }

  /**
   * 200 concurrent awards of a scholarship with 20 awards: exactly 20 succeed, the rest get 409.
   */
  @Test
  void twoHundredConcurrentAwardsOfTwentyAwardExactlyTwenty() throws Exception {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(20);
    List<String> mobilities = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String mobility = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
      apply(QAU, scholarship, mobility).then().statusCode(201);
      mobilities.add(mobility);
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Integer>> awards =
          mobilities.stream()
              .<Callable<Integer>>map(
                  m ->
                      () ->
                          as(MOST)
                              .body(Map.of("mobilityId", m))
                              .post("/api/v1/scholarships/" + scholarship + "/awards")
                              .statusCode())
              .toList();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(awards)) {
        statuses.add(f.get());
      }
      assertEquals(
          Map.of(201, 20L, 409, 180L),
          statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
    } finally {
      pool.shutdown();
    }
    RestAssured.given()
        .get("/api/v1/scholarships/" + scholarship)
        .then()
        .body("awarded", equalTo(20))
        .body("remaining", equalTo(0));
    int listed = 0;
    String cursor = null;
    do {
      var page =
          as(MOST)
              .queryParam("limit", 7)
              .queryParam("cursor", cursor == null ? "" : cursor)
              .get("/api/v1/scholarships/" + scholarship + "/awards")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      listed += page.getList("items").size();
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(20, listed, "every award listed once across pages");
  }
}
