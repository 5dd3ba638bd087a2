package org.eurasia.registry.agreements.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Implementation plans of agreements and ventures over HTTP: who may plan, the overdue flag and
 * filter, outcomes with evidence, and how much of a plan was delivered.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ImplementationPlanResourceTest {

  /** The PK-BY memorandum on science and technology, in force (seed), with a plan. */
  static final String MOU = "/api/v1/agreements/5eed0000-0000-4000-8000-0000000a0002";

  static Map<String, Object> milestone(String responsible, LocalDate due) {
    return Map.of(
        "title", Map.of("en", "Joint report delivered"),
        "responsibleOrganization", responsible,
        "dueOn", due.toString());
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void onlyAnAcceptedPartnerPlansAndOnlyForAnOrganizationThatAccepted() {
    String id =
        VentureResourceTest.propose(
            TestTokens.partner("qau.edu.pk"), VentureResourceTest.terms("qau.edu.pk", "bsu.by"));
    String plan = VentureResourceTest.PATH + "/" + id + "/milestones";
    // bsu.by is invited, not a partner: it neither plans nor is made responsible.
    VentureResourceTest.as(TestTokens.partner("bsu.by"))
        .body(milestone("bsu.by", today().plusDays(30)))
        .post(plan)
        .then()
        .statusCode(403);
    VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(milestone("bsu.by", today().plusDays(30)))
        .post(plan)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("responsibleOrganization"));
    String late =
        VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
            .body(milestone("qau.edu.pk", today().minusDays(1)))
            .post(plan)
            .then()
            .statusCode(201)
            .body("overdue", equalTo(true))
            .extract()
            .path("id");
    String later =
        VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
            .body(milestone("qau.edu.pk", today().plusDays(60)))
            .post(plan)
            .then()
            .statusCode(201)
            .body("overdue", equalTo(false))
            .extract()
            .path("id");
    RestAssured.given()
        .queryParam("overdue", true)
        .get(plan)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(late)));

    // An outcome needs If-Match, takes http(s) evidence only, and is final.
    VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(Map.of("status", "DONE", "evidence", List.of("ftp://qau.edu.pk/report")))
        .put(plan + "/" + later)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("evidence[0]"));
    VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("status", "DONE"))
        .put(plan + "/" + later)
        .then()
        .statusCode(428);
    VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(Map.of("status", "DONE", "evidence", List.of("https://qau.edu.pk/news/report")))
        .put(plan + "/" + later)
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"))
        .body("evidence", equalTo(List.of("https://qau.edu.pk/news/report")));
    VentureResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "MISSED"))
        .put(plan + "/" + later)
        .then()
        .statusCode(409)
        .body("currentState", equalTo("DONE"));
    RestAssured.given()
        .get(plan + "/delivery")
        .then()
        .statusCode(200)
        .body("byStatus.DONE", equalTo(1))
        .body("byStatus.PLANNED", equalTo(1))
        .body("overdue", equalTo(1))
        .body("total", equalTo(2));
  }

  @Test
  void aDissolvedVenturesPlanTakesNoNewMilestoneButStillRecordsOutcomes() {
    String partner = TestTokens.partner("qau.edu.pk");
    String id = VentureResourceTest.propose(partner, VentureResourceTest.terms("qau.edu.pk"));
    String plan = VentureResourceTest.PATH + "/" + id + "/milestones";
    String planned =
        VentureResourceTest.as(partner)
            .body(milestone("qau.edu.pk", today().plusDays(30)))
            .post(plan)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    VentureResourceTest.as(partner)
        .post(VentureResourceTest.PATH + "/" + id + "/dissolution")
        .then()
        .statusCode(200)
        .body("status", equalTo("DISSOLVED"));
    VentureResourceTest.as(partner)
        .body(milestone("qau.edu.pk", today().plusDays(60)))
        .post(plan)
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("DISSOLVED"));
    // What was promised before is still closed out: dropped, with the dissolution as its end.
    VentureResourceTest.as(partner)
        .header("If-Match", "\"0\"")
        .body(Map.of("status", "DROPPED"))
        .put(plan + "/" + planned)
        .then()
        .statusCode(200)
        .body("status", equalTo("DROPPED"));
    RestAssured.given().get(plan).then().statusCode(200).body("items.size()", equalTo(1));
  }

  @Test
  void theMemorandumsSeededPlanShowsWhatWasDeliveredAndWhatIsOverdue() {
    RestAssured.given()
        .queryParam("overdue", true)
        .get(MOU + "/milestones")
        .then()
        .statusCode(200)
        .body("items.id", hasItem("5eed0000-0000-4000-8000-0000000c0015"))
        .body("items.status", everyItem(equalTo("PLANNED")));
    RestAssured.given()
        .queryParam("status", "DONE")
        .get(MOU + "/milestones")
        .then()
        .statusCode(200)
        .body("items.overdue", everyItem(equalTo(false)))
        .body("items.id", not(hasItem("5eed0000-0000-4000-8000-0000000c0015")));
    RestAssured.given()
        .get(MOU + "/milestones/delivery")
        .then()
        .statusCode(200)
        .body("byStatus.MISSED", equalTo(1))
        .body("byStatus.DROPPED", equalTo(1));
    // A party that signed plans; an outsider may not.
    VentureResourceTest.as(TestTokens.partner("pu.edu.pk"))
        .body(milestone("most.gov.pk", today().plusDays(10)))
        .post(MOU + "/milestones")
        .then()
        .statusCode(403);
  }

  @Test
  void aConfidentialAgreementsPlanIsAsInvisibleAsTheAgreement() {
    String plan =
        "/api/v1/agreements/" + VentureResourceTest.CONFIDENTIAL_AGREEMENT + "/milestones";
    RestAssured.given().get(plan).then().statusCode(404);
    VentureResourceTest.as(TestTokens.partner("cuc.edu.cn")).get(plan).then().statusCode(404);
    VentureResourceTest.as(TestTokens.partner("gknt.gov.by")).get(plan).then().statusCode(200);
  }

  @Test
  void aConfidentialAgreementsMilestonesReachOnlyItsPartiesThroughTheChangeFeed() {
    String types = "registry.milestone.*";
    String from = ChangeFeedTest.end(types);
    String plan =
        "/api/v1/agreements/" + VentureResourceTest.CONFIDENTIAL_AGREEMENT + "/milestones";
    String id =
        VentureResourceTest.as(TestTokens.partner("gknt.gov.by"))
            .body(milestone("gknt.gov.by", today().plusDays(90)))
            .post(plan)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    ChangeFeedTest.awaitEvents(types, from, id, 1);
    org.junit.jupiter.api.Assertions.assertEquals(
        1, ChangeFeedTest.eventsOf(TestTokens.partner("most.gov.pk"), types, from, id).size());
    org.junit.jupiter.api.Assertions.assertTrue(
        ChangeFeedTest.eventsOf(TestTokens.partner("cuc.edu.cn"), types, from, id).isEmpty());
    org.junit.jupiter.api.Assertions.assertTrue(
        ChangeFeedTest.eventsOf(null, types, from, id).isEmpty());
  }
}
