package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Scholarships over HTTP: set up by the funder, awarded to eligible accepted mobilities, never over the number. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ScholarshipResourceTest {

  static final Path SCHEMA = EventSchemas.file("exchange-service/contract/events/registry.scholarship.v1.schema.json");
  static final String MOST = TestTokens.partner("most.gov.pk");

  static Map<String, Object> scholarship(int awards, String amount, String currency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", ExchangeApi.uniqueCode("S"));
    body.put("title", Map.of("en", "Graduate study in Belarus"));
    body.put("funder", "most.gov.pk");
    body.put("amount", new java.math.BigDecimal(amount));
    body.put("currency", currency);
    body.put("awards", awards);
    body.put("eligibility", Map.of("eqfLevels", List.of(7, 8), "directions", List.of(Map.of("from", "PK", "to", "BY"))));
    return body;
  }

  static String fund(int awards) {
    return as(MOST).body(scholarship(awards, "450000", "PKR")).post("/api/v1/scholarships").then().statusCode(201).extract().path("id");
  }

  static String acceptedMobility(String program, String direction, int eqf) {
    String id = ExchangeApi.nominate(program, direction, eqf);
    String host = direction.equals("SENDING_TO_RECEIVING") ? "bsu.by" : "qau.edu.pk";
    as(TestTokens.partner(host)).post("/api/v1/mobilities/" + id + "/acceptance").then().statusCode(200);
    return id;
  }

  @Test
  void onlyTheFunderSetsUpAScholarshipInARealCurrency() {
    as(TestTokens.partner("qau.edu.pk")).body(scholarship(3, "100", "PKR")).post("/api/v1/scholarships").then().statusCode(403);
    as(MOST).body(scholarship(3, "100", "XXY")).post("/api/v1/scholarships").then().statusCode(400)
        .body("errors[0].field", equalTo("currency"));
    as(MOST).body(scholarship(3, "100.555", "USD")).post("/api/v1/scholarships").then().statusCode(400)
        .body("errors[0].field", equalTo("amount"));
    as(MOST).body(scholarship(0, "100", "USD")).post("/api/v1/scholarships").then().statusCode(400);
    String id = fund(3);
    RestAssured.given().get("/api/v1/scholarships/" + id).then().statusCode(200)
        .body("currency", equalTo("PKR")).body("remaining", equalTo(3));
  }

  @Test
  void anAwardGoesOnlyToAnEligibleAcceptedMobilityAndOnlyOnce() {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(5);
    String nominated = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(MOST).body(Map.of("mobilityId", nominated)).post("/api/v1/scholarships/" + scholarship + "/awards")
        .then().statusCode(422).body("condition", equalTo("mobility-not-accepted"));
    String bachelor = acceptedMobility(program, "SENDING_TO_RECEIVING", 6);
    as(MOST).body(Map.of("mobilityId", bachelor)).post("/api/v1/scholarships/" + scholarship + "/awards")
        .then().statusCode(422).body("condition", equalTo("level-not-eligible"));
    String returning = acceptedMobility(program, "RECEIVING_TO_SENDING", 7);
    as(MOST).body(Map.of("mobilityId", returning)).post("/api/v1/scholarships/" + scholarship + "/awards")
        .then().statusCode(422).body("condition", equalTo("direction-not-eligible"));
    String master = acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    as(TestTokens.partner("qau.edu.pk")).body(Map.of("mobilityId", master)).post("/api/v1/scholarships/" + scholarship + "/awards")
        .then().statusCode(403);
    String award = as(MOST).body(Map.of("mobilityId", master)).post("/api/v1/scholarships/" + scholarship + "/awards")
        .then().statusCode(201).extract().path("id");
    as(MOST).body(Map.of("mobilityId", master)).post("/api/v1/scholarships/" + scholarship + "/awards").then().statusCode(409);
    as(MOST).get("/api/v1/scholarships/" + scholarship + "/awards").then().statusCode(200).body("items[0].mobilityId", equalTo(master));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect("registry.scholarships", r -> award.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofMillis(300));
    assertEquals(1, events.size());
    EventSchemas.assertValid(SCHEMA, events.get(0).value());
  }

  /** 200 concurrent awards of a scholarship with 20 awards: exactly 20 succeed, the rest get 409. */
  @Test
  void twoHundredConcurrentAwardsOfTwentyAwardExactlyTwenty() throws Exception {
    String program = ExchangeApi.openProgram(null, null);
    String scholarship = fund(20);
    List<String> mobilities = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      mobilities.add(acceptedMobility(program, "SENDING_TO_RECEIVING", 7));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Integer>> awards = mobilities.stream()
          .<Callable<Integer>>map(m -> () -> as(MOST).body(Map.of("mobilityId", m)).post("/api/v1/scholarships/" + scholarship + "/awards").statusCode())
          .toList();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(awards)) {
        statuses.add(f.get());
      }
      assertEquals(Map.of(201, 20L, 409, 180L), statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
    } finally {
      pool.shutdown();
    }
    RestAssured.given().get("/api/v1/scholarships/" + scholarship).then().body("awarded", equalTo(20)).body("remaining", equalTo(0));
    int listed = 0;
    String cursor = null;
    do {
      var page = as(MOST).queryParam("limit", 7).queryParam("cursor", cursor == null ? "" : cursor)
          .get("/api/v1/scholarships/" + scholarship + "/awards").then().statusCode(200).extract().jsonPath();
      listed += page.getList("items").size();
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(20, listed, "every award listed once across pages");
  }
}
