package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code GET …/{id}/history} of programmes, mobilities and scholarships: who changed the record,
 * through which operation and request, visible to exactly those who may read the record, in pages.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RecordHistoryTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");
  static final String OUTSIDER = TestTokens.partner("nust.edu.pk");

  @Test
  void aWriteThroughTheApiIsInTheRecordsHistoryWithItsActorOperationAndRequestId() {
    String requestId = "partner-run-" + UUID.randomUUID();
    Map<String, Object> body =
        ExchangeApi.program(
            ExchangeApi.MINISTRIES_MOU, "qau.edu.pk", "bsu.by", ExchangeApi.terms(3, 3));
    String id =
        as(QAU)
            .header("X-Request-Id", requestId)
            .body(body)
            .post("/api/v1/programs")
            .then()
            .statusCode(201)
            .header("X-Request-Id", requestId)
            .extract()
            .path("id");
    // A public programme's history is for everyone, like the programme.
    given()
        .get("/api/v1/programs/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].actor.subject", equalTo("system@qau.edu.pk"))
        .body("items[0].actor.organization", equalTo("qau.edu.pk"))
        .body("items[0].actor.role", equalTo("partner"))
        .body("items[0].operation", equalTo("createProgram"))
        .body("items[0].requestId", equalTo(requestId))
        .body("items[0].recordType", equalTo("program"))
        .body("items[0].recordId", equalTo(id))
        .body("items[0].eventType", equalTo("registry.program.created.v1"))
        .body("items[0].tombstone", equalTo(false))
        .body("items[0].change.code", equalTo(body.get("code")))
        .body("nextCursor", nullValue());
  }

  @Test
  void aPartnerThatMayNotReadTheRecordGetsTheUnknownIdsAnswerForItsHistory() {
    String program = ExchangeApi.openProgram(3, 3);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(BSU).get("/api/v1/mobilities/" + mobility + "/history").then().statusCode(200);
    String unknown = UUID.randomUUID().toString();
    Response hidden = as(OUTSIDER).get("/api/v1/mobilities/" + mobility + "/history");
    Response missing = as(OUTSIDER).get("/api/v1/mobilities/" + unknown + "/history");
    assertEquals(404, hidden.statusCode());
    assertEquals(
        ExchangeApi.withoutIds(missing, unknown), ExchangeApi.withoutIds(hidden, mobility));

    String confidential = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE").programId();
    as(QAU).get("/api/v1/programs/" + confidential + "/history").then().statusCode(200);
    as(TestTokens.partner("most.gov.pk"))
        .get("/api/v1/programs/" + confidential + "/history")
        .then()
        .statusCode(200);
    as(OUTSIDER)
        .get("/api/v1/programs/" + confidential + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/v1/programs/" + confidential + "/history").then().statusCode(404);
  }

  @Test
  void aHistoryIsReadInPagesOldestFirst() {
    // Created by qau.edu.pk, accepted by bsu.by, opened: three changes.
    String program = ExchangeApi.openProgram(3, 3);
    Response first = given().get("/api/v1/programs/" + program + "/history?limit=1");
    first.then().statusCode(200).body("items.operation", contains("createProgram"));
    String cursor = first.path("nextCursor");
    Response rest =
        given().queryParam("cursor", cursor).get("/api/v1/programs/" + program + "/history");
    rest.then()
        .statusCode(200)
        .body("items.operation", contains("acceptProgram", "openProgram"))
        .body("items.actor.organization", contains("bsu.by", "qau.edu.pk"))
        .body("items.version", contains(1, 2))
        .body("nextCursor", nullValue());
  }

  @Test
  void anErasureOfPersonalDataIsInTheMobilitysHistory() {
    String program = ExchangeApi.openProgram(3, 3);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    String participant =
        as(QAU).get("/api/v1/mobilities/" + mobility).then().extract().path("participantId");
    as(BSU)
        .header("X-Request-Id", "erasure-" + participant)
        .delete("/api/v1/participants/" + participant + "/personal-data")
        .then()
        .statusCode(204);
    as(QAU)
        .get("/api/v1/mobilities/" + mobility + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", contains("nominateParticipant", "eraseParticipantData"))
        .body("items[1].actor.organization", equalTo("bsu.by"))
        .body("items[1].requestId", equalTo("erasure-" + participant))
        .body("items[1].eventType", nullValue())
        .body(
            "items[1].change",
            equalTo(Map.of("participantId", participant, "personalData", "erased")));
  }

  @Test
  void aScholarshipsHistoryIsOpenLikeTheScholarship() {
    String scholarship = ScholarshipResourceTest.fund(2);
    as(TestTokens.partner("most.gov.pk"))
        .header("If-Match", ExchangeApi.etag("/api/v1/scholarships/" + scholarship))
        .post("/api/v1/scholarships/" + scholarship + "/closure")
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/scholarships/" + scholarship + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", contains("createScholarship", "closeScholarship"))
        .body("items.actor.organization", contains("most.gov.pk", "most.gov.pk"));
    given().get("/api/v1/scholarships/" + UUID.randomUUID() + "/history").then().statusCode(404);
  }
}
