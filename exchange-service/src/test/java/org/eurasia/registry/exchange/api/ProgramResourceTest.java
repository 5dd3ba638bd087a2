package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.DRAFT_MOU;
import static org.eurasia.registry.exchange.api.ExchangeApi.MINISTRIES_MOU;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.eurasia.registry.exchange.api.ExchangeApi.create;
import static org.eurasia.registry.exchange.api.ExchangeApi.program;
import static org.eurasia.registry.exchange.api.ExchangeApi.terms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Programmes over HTTP against real PostgreSQL and Kafka: the rules for creating and opening, auth, search, events. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProgramResourceTest {

  static final Path SCHEMA = EventSchemas.file("exchange-service/contract/events/registry.program.v1.schema.json");
  static final String QAU = TestTokens.partner("qau.edu.pk");

  @Test
  void aPartnerCreatesAProgrammeUnderAnAgreementInForceCoveringItsInstitution() {
    var created = create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, null)))
        .then().statusCode(201)
        .header("ETag", "\"0\"")
        .body("status", equalTo("PLANNED"))
        .body("sendingCountry", equalTo("PK"))
        .body("receivingCountry", equalTo("BY"))
        .body("quotas.find { it.direction == 'SENDING_TO_RECEIVING' }.places", equalTo(3))
        .body("quotas.find { it.direction == 'RECEIVING_TO_SENDING' }.places", nullValue())
        .extract();
    String id = created.path("id");
    RestAssured.given().get("/api/v1/programs/" + id).then().statusCode(200).body("code", equalTo(created.path("code")));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect("registry.programs", r -> id.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofMillis(500));
    assertEquals(1, events.size());
    assertEquals("registry.program.created.v1", KafkaProbe.header(events.get(0), "ce_type"));
    EventSchemas.assertValid(SCHEMA, events.get(0).value());
  }

  @Test
  void anAgreementNotHeardOfIsAnUnknownReference() {
    create(QAU, program(UUID.randomUUID().toString(), "qau.edu.pk", "bsu.by", terms(3, 3)))
        .then().statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("agreementId"));
  }

  @Test
  void anAgreementNotInForceIsRefusedNamingTheCondition() {
    create(QAU, program(DRAFT_MOU, "qau.edu.pk", "bsu.by", terms(3, 3)))
        .then().statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo("agreement-not-in-force"));
  }

  @Test
  void anInstitutionOutsideThePartyStatesIsRefused() {
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "cuc.edu.cn", terms(3, 3)))
        .then().statusCode(422)
        .body("condition", equalTo("institution-not-covered"))
        .body("detail", org.hamcrest.Matchers.containsString("cuc.edu.cn"));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "nust.edu.pk", terms(3, 3)))
        .then().statusCode(422)
        .body("condition", equalTo("institution-unknown"));
  }

  @Test
  void onlyTheInstitutionsPartnersOrARegistrarManageAProgramme() {
    Map<String, Object> body = program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms(3, 3));
    create(TestTokens.partner("pu.edu.pk"), body).then().statusCode(403).contentType("application/problem+json");
    RestAssured.given().contentType("application/json").body(body).post("/api/v1/programs").then().statusCode(401);
    String id = create(TestTokens.registrar(), body).then().statusCode(201).extract().path("id");
    as(TestTokens.partner("pu.edu.pk")).post("/api/v1/programs/" + id + "/opening").then().statusCode(403);
    as(TestTokens.partner("bsu.by")).post("/api/v1/programs/" + id + "/opening").then().statusCode(200).body("status", equalTo("OPEN"));
  }

  @Test
  void invalidTermsNameTheField() {
    Map<String, Object> terms = terms(3, 3);
    terms.put("academicYears", List.of("2026-2027"));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", terms))
        .then().statusCode(400).body("errors.field", hasItem("terms.academicYears[0]"));
    Map<String, Object> badLevel = terms(3, 3);
    badLevel.put("eqfLevels", List.of(4));
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", badLevel)).then().statusCode(400);
    Map<String, Object> cefrAlone = terms(3, 3);
    cefrAlone.remove("language");
    create(QAU, program(MINISTRIES_MOU, "qau.edu.pk", "bsu.by", cefrAlone))
        .then().statusCode(400).body("errors[0].field", equalTo("minimumCefr"));
  }

  @Test
  void updatesNeedTheCurrentETagAndQuotasCannotDropBelowAcceptedMobilities() {
    String id = ExchangeApi.openProgram(2, 2);
    String mobility = ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 7);
    as(TestTokens.partner("bsu.by")).post("/api/v1/mobilities/" + mobility + "/acceptance").then().statusCode(200);
    String etag = RestAssured.given().get("/api/v1/programs/" + id).then().extract().header("ETag");

    as(QAU).body(terms(1, 2)).put("/api/v1/programs/" + id).then().statusCode(428);
    as(QAU).header("If-Match", "\"999\"").body(terms(1, 2)).put("/api/v1/programs/" + id).then().statusCode(412);
    as(QAU).header("If-Match", etag).body(terms(0, 2)).put("/api/v1/programs/" + id)
        .then().statusCode(422).body("condition", equalTo("quota-below-accepted"));
    as(QAU).header("If-Match", etag).body(terms(1, 4)).put("/api/v1/programs/" + id)
        .then().statusCode(200)
        .body("quotas.find { it.direction == 'SENDING_TO_RECEIVING' }.remaining", equalTo(0))
        .body("quotas.find { it.direction == 'RECEIVING_TO_SENDING' }.places", equalTo(4));
  }

  @Test
  void theLifecycleRefusesWhatTheStatusDoesNotAllow() {
    String id = ExchangeApi.openProgram(2, 2);
    as(QAU).post("/api/v1/programs/" + id + "/completion")
        .then().statusCode(409)
        .body("currentState", equalTo("OPEN"))
        .body("allowedTransitions", contains("close", "suspend", "update"));
    as(QAU).post("/api/v1/programs/" + id + "/closing").then().statusCode(200).body("status", equalTo("CLOSED"));
    as(QAU).body(Map.of("reason", "Laboratory renovation")).post("/api/v1/programs/" + id + "/suspension")
        .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("suspendedByAgreement", equalTo(false));
    as(QAU).delete("/api/v1/programs/" + id + "/suspension").then().statusCode(200).body("status", equalTo("CLOSED"));
    as(QAU).post("/api/v1/programs/" + id + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"));
  }

  @Test
  void searchFiltersByCountryPairInstitutionYearFieldAndStatusAndPages() {
    String open = ExchangeApi.openProgram(1, 1);
    RestAssured.given().queryParam("countryPair", "BY-PK").queryParam("status", "OPEN").queryParam("limit", 100)
        .get("/api/v1/programs").then().statusCode(200)
        .body("items.id", hasItem(open))
        .body("items.status", everyItem(equalTo("OPEN")));
    RestAssured.given().queryParam("countryPair", "PK-CN").get("/api/v1/programs").then().statusCode(200)
        .body("items.id", not(hasItem(open)))
        .body("items.code", hasItem("COMSATS-CUC/PHD/2026"));
    RestAssured.given().queryParam("institution", "bsu.by").queryParam("academicYear", "2026/2027").queryParam("iscedCode", "0613")
        .queryParam("limit", 100).get("/api/v1/programs").then().statusCode(200).body("items.id", hasItem(open));
    RestAssured.given().queryParam("countryPair", "PAK-BY").get("/api/v1/programs").then().statusCode(400)
        .body("errors[0].field", equalTo("countryPair"));

    String first = RestAssured.given().queryParam("limit", 1).get("/api/v1/programs").then().statusCode(200).extract().path("nextCursor");
    String secondCode = RestAssured.given().queryParam("limit", 1).queryParam("cursor", first).get("/api/v1/programs")
        .then().statusCode(200).extract().path("items[0].code");
    String firstCode = RestAssured.given().queryParam("limit", 1).get("/api/v1/programs").then().extract().path("items[0].code");
    org.junit.jupiter.api.Assertions.assertTrue(secondCode.compareTo(firstCode) > 0, "pages continue in code order");
  }

  @Test
  void quotaUseComparesPlacesWithNominatedAcceptedAndCompleted() {
    String id = ExchangeApi.openProgram(5, null);
    String a = ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 7);
    ExchangeApi.nominate(id, "SENDING_TO_RECEIVING", 6);
    ExchangeApi.nominate(id, "RECEIVING_TO_SENDING", 6);
    as(TestTokens.partner("bsu.by")).post("/api/v1/mobilities/" + a + "/acceptance").then().statusCode(200);
    as(QAU).body(Map.of("startedOn", "2027-02-01")).post("/api/v1/mobilities/" + a + "/start").then().statusCode(200);
    as(QAU).body(Map.of("endedOn", "2027-06-30", "recognized", true, "ectsCredits", 30)).post("/api/v1/mobilities/" + a + "/completion")
        .then().statusCode(200).body("status", equalTo("COMPLETED"));

    RestAssured.given().get("/api/v1/programs/" + id + "/quota-use").then().statusCode(200)
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.places", equalTo(5))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.nominated", equalTo(2))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.accepted", equalTo(1))
        .body("find { it.direction == 'SENDING_TO_RECEIVING' }.completed", equalTo(1))
        .body("find { it.direction == 'RECEIVING_TO_SENDING' }.places", nullValue())
        .body("find { it.direction == 'RECEIVING_TO_SENDING' }.nominated", equalTo(1));
  }
}
