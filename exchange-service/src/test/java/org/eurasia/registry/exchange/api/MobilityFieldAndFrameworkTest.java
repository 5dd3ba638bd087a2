package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.messaging.AgreementFixtures;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A mobility has the field and framework of its programme's agreement, as the agreement's events
 * state them: the list filters by them and the statistics count by them, with the same visibility
 * as the rows (a confidential agreement's mobilities count only for those who may read them).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MobilityFieldAndFrameworkTest {

  /** Seeded qau.edu.pk → bsu.by under the ministries' memorandum (SCIENCE_AND_TECHNOLOGY). */
  private static final String SEEDED = "5eed0000-0000-4000-8000-0000000c0001";

  private static RequestSpecification registrar() {
    return given().header("Authorization", TestTokens.bearer(TestTokens.registrar()));
  }

  private static List<String> listed(String param, String value) {
    return registrar()
        .queryParam(param, value)
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  private static long counted(RequestSpecification as, String groupBy, String key, String kind) {
    JsonPath counts =
        as.queryParam("groupBy", groupBy)
            .queryParam("academicYear", ExchangeApi.YEAR)
            .queryParam("kind", kind)
            .get("/api/v1/statistics/mobilities/counts")
            .then()
            .statusCode(200)
            .body("groupBy", equalTo(groupBy))
            .extract()
            .jsonPath();
    Object count = counts.get("counts.find { it.key == '" + key + "' }.count");
    return count == null ? 0 : ((Number) count).longValue();
  }

  @Test
  void theListAndTheStatisticsReadTheFieldsAndFrameworksTheAgreementsEventsState() {
    KafkaProbe.createTopic("registry.agreements", 3);
    UUID agreement = UUID.randomUUID();
    String framework = "T-" + agreement.toString().substring(0, 8).toUpperCase();
    AgreementFixtures.publishInScope(agreement, List.of("AGRICULTURE"), List.of(framework));
    Map<String, Object> body =
        ExchangeApi.program(agreement.toString(), "qau.edu.pk", "bsu.by", ExchangeApi.terms(5, 5));
    body.put("kind", "TEACHER_EXCHANGE");
    Response created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> ExchangeApi.create(TestTokens.registrar(), body), r -> r.statusCode() == 201);
    String program = created.path("id");
    ExchangeApi.as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/programs/" + program + "/opening")
        .then()
        .statusCode(200);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);

    assertEquals(List.of(mobility), listed("framework", framework));
    List<String> agriculture = listed("field", "AGRICULTURE");
    assertEquals(true, agriculture.contains(mobility) && !agriculture.contains(SEEDED));
    List<String> science = listed("field", "SCIENCE_AND_TECHNOLOGY");
    assertEquals(true, science.contains(SEEDED) && !science.contains(mobility));

    assertEquals(1, counted(registrar(), "FRAMEWORK", framework, "TEACHER_EXCHANGE"));
    assertEquals(1, counted(registrar(), "FIELD", "AGRICULTURE", "TEACHER_EXCHANGE"));
    registrar()
        .queryParam("framework", framework)
        .queryParam("groupBy", "STATUS")
        .get("/api/v1/statistics/mobilities/counts")
        .then()
        .statusCode(200)
        .body(
            "counts",
            equalTo(List.of(Map.of("key", "NOMINATED", "count", 1, "suppressed", false))));
    // One person is identifiable: everyone but a registrar gets the count withheld (issue 24).
    Map<String, Object> withheld = new java.util.HashMap<>();
    withheld.put("key", "NOMINATED");
    withheld.put("count", null);
    withheld.put("suppressed", true);
    given()
        .queryParam("framework", framework)
        .queryParam("groupBy", "STATUS")
        .get("/api/v1/statistics/mobilities/counts")
        .then()
        .statusCode(200)
        .body("counts", equalTo(List.of(withheld)));
  }

  @Test
  void countriesCountBothEndsAndPairsEitherWay() {
    long byBefore = counted(registrar(), "COUNTRY", "BY", "STUDENT_EXCHANGE");
    long pairBefore = counted(registrar(), "COUNTRY_PAIR", "BY-PK", "STUDENT_EXCHANGE");
    String program = ExchangeApi.openProgram(5, 5);
    ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    ExchangeApi.nominate(program, "RECEIVING_TO_SENDING", 7);
    assertEquals(byBefore + 2, counted(registrar(), "COUNTRY", "BY", "STUDENT_EXCHANGE"));
    assertEquals(pairBefore + 2, counted(registrar(), "COUNTRY_PAIR", "BY-PK", "STUDENT_EXCHANGE"));
  }

  @Test
  void aConfidentialAgreementsMobilitiesCountOnlyForThoseWhoMayReadThem() {
    String kind = "STUDENT_EXCHANGE";
    // Enough public mobilities of the pair that callers who may not read them all see the count
    // (smaller ones are withheld), so a leak would show as one more.
    String open = ExchangeApi.openProgram(5, 5);
    for (int i = 0; i < 5; i++) {
      ExchangeApi.nominate(open, "SENDING_TO_RECEIVING", 7);
    }
    long anonymous = counted(given(), "COUNTRY_PAIR", "BY-PK", kind);
    long outsider =
        counted(
            given().header("Authorization", TestTokens.bearer(TestTokens.partner("cuc.edu.cn"))),
            "COUNTRY_PAIR",
            "BY-PK",
            kind);
    long registrar = counted(registrar(), "COUNTRY_PAIR", "BY-PK", kind);
    assertTrue(anonymous >= 5 && outsider >= 5, "shown, not withheld: " + anonymous);
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram(kind);
    ExchangeApi.nominate(hidden.programId(), "SENDING_TO_RECEIVING", 7);

    assertEquals(anonymous, counted(given(), "COUNTRY_PAIR", "BY-PK", kind));
    assertEquals(
        outsider,
        counted(
            given().header("Authorization", TestTokens.bearer(TestTokens.partner("cuc.edu.cn"))),
            "COUNTRY_PAIR",
            "BY-PK",
            kind));
    assertEquals(registrar + 1, counted(registrar(), "COUNTRY_PAIR", "BY-PK", kind));
  }

  @Test
  void anUnknownFieldOrAMalformedFrameworkIsRefusedNamingTheParameter() {
    for (String path :
        List.of(
            "/api/v1/mobilities",
            "/api/v1/statistics/mobilities",
            "/api/v1/statistics/mobilities/counts?groupBy=KIND")) {
      registrar()
          .queryParam("field", "FISHING")
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("field"));
      registrar()
          .queryParam("framework", "cpec")
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("framework"));
    }
    registrar()
        .queryParam("groupBy", "PLANET")
        .get("/api/v1/statistics/mobilities/counts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("groupBy"));
    registrar()
        .queryParam("framework", "CPEC")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(SEEDED)));
  }

  @Test
  void countsAnswerInCsvOneRowPerCount() {
    int counts =
        registrar()
            .queryParam("groupBy", "STATUS")
            .get("/api/v1/statistics/mobilities/counts")
            .jsonPath()
            .getList("counts")
            .size();
    String csv =
        registrar()
            .accept("text/csv")
            .queryParam("groupBy", "STATUS")
            .get("/api/v1/statistics/mobilities/counts")
            .asString();
    String[] lines = csv.split("\r\n");
    assertEquals("\uFEFFkey,count,suppressed", lines[0]);
    assertEquals(counts + 1, lines.length, csv);
  }
}
