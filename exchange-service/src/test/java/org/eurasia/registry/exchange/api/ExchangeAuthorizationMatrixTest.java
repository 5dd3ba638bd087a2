package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.AuthorizationMatrixTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/** Who may call each write operation of exchange-service, generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeAuthorizationMatrixTest extends AuthorizationMatrixTest {

  static final String SENDING = "qau.edu.pk";
  static final String HOST = "bsu.by";
  static final String OUTSIDER = "pu.edu.pk";
  static Map<String, Rule> rules;

  static String asRegistrar(String path, Object body) {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType("application/json")
        .body(body)
        .post(path)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Map<String, Object> scholarship() {
    return Map.of(
        "code",
        "M/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        "title",
        Map.of("en", "Matrix"),
        "funder",
        "most.gov.pk",
        "amount",
        1000,
        "currency",
        "PKR",
        "awards",
        5);
  }

  @Override
  protected synchronized Map<String, Rule> rules() {
    if (rules != null) {
      return rules;
    }
    String program = ExchangeApi.openProgram(null, null);
    String mobility =
        asRegistrar(
            "/api/v1/mobilities", ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7));
    String participant =
        given()
            .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
            .get("/api/v1/mobilities/" + mobility)
            .then()
            .extract()
            .path("participantId");
    String scholarship = asRegistrar("/api/v1/scholarships", scholarship());
    // Changed and closed by the rules below: the one applied for and awarded stays open.
    String changed = asRegistrar("/api/v1/scholarships", scholarship());
    // Created by qau.edu.pk's partner: bsu.by is invited, and only bsu.by's partner (or a
    // registrar) accepts for it.
    String invited =
        ExchangeApi.create(
                TestTokens.partner(SENDING),
                ExchangeApi.program(
                    ExchangeApi.MINISTRIES_MOU, SENDING, HOST, ExchangeApi.terms(2, 2)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String p = "/api/v1/programs/" + program;
    String m = "/api/v1/mobilities/" + mobility;
    Map<String, Rule> r = new HashMap<>();
    r.put(
        "createProgram",
        Rule.partnerOf(
            SENDING,
            OUTSIDER,
            "/api/v1/programs",
            () ->
                ExchangeApi.program(
                    ExchangeApi.MINISTRIES_MOU, SENDING, HOST, ExchangeApi.terms(2, 2))));
    r.put(
        "updateProgram",
        Rule.partnerOf(SENDING, OUTSIDER, p, () -> ExchangeApi.terms(3, 3)).withIfMatch());
    r.put("openProgram", Rule.partnerOf(SENDING, OUTSIDER, p + "/opening", () -> null));
    r.put("closeProgram", Rule.partnerOf(SENDING, OUTSIDER, p + "/closing", () -> null));
    r.put("completeProgram", Rule.partnerOf(SENDING, OUTSIDER, p + "/completion", () -> null));
    r.put(
        "suspendProgram",
        Rule.partnerOf(SENDING, OUTSIDER, p + "/suspension", () -> Map.of("reason", "Matrix")));
    r.put("resumeProgram", Rule.partnerOf(SENDING, OUTSIDER, p + "/suspension", () -> null));
    r.put(
        "nominateParticipant",
        Rule.partnerOf(
            SENDING,
            OUTSIDER,
            "/api/v1/mobilities",
            () -> ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7)));
    r.put("acceptMobility", Rule.partnerOf(HOST, OUTSIDER, m + "/acceptance", () -> null));
    r.put(
        "rejectMobility",
        Rule.partnerOf(HOST, OUTSIDER, m + "/rejection", () -> Map.of("reason", "Matrix")));
    r.put(
        "startMobility",
        Rule.partnerOf(SENDING, OUTSIDER, m + "/start", () -> Map.of("startedOn", "2027-02-01")));
    r.put(
        "completeMobility",
        Rule.partnerOf(
            SENDING,
            OUTSIDER,
            m + "/completion",
            () -> Map.of("endedOn", "2027-06-30", "recognized", true)));
    r.put(
        "cancelMobility",
        Rule.partnerOf(SENDING, OUTSIDER, m + "/cancellation", () -> Map.of("reason", "Matrix")));
    r.put(
        "eraseParticipantData",
        Rule.partnerOf(
            SENDING,
            OUTSIDER,
            "/api/v1/participants/" + participant + "/personal-data",
            () -> null));
    r.put(
        "createScholarship",
        Rule.partnerOf(
            "most.gov.pk",
            "gknt.gov.by",
            "/api/v1/scholarships",
            ExchangeAuthorizationMatrixTest::scholarship));
    r.put(
        "updateScholarship",
        Rule.partnerOf(
                "most.gov.pk",
                "gknt.gov.by",
                "/api/v1/scholarships/" + changed,
                () -> ScholarshipEventsTest.terms(6, "Matrix"))
            .withIfMatch());
    r.put(
        "closeScholarship",
        Rule.partnerOf(
            "most.gov.pk",
            "gknt.gov.by",
            "/api/v1/scholarships/" + changed + "/closure",
            () -> null));
    r.put(
        "acceptProgram",
        Rule.partnerOf(
                HOST,
                OUTSIDER,
                "/api/v1/programs/" + invited + "/acceptances",
                () -> Map.of("organizationCode", HOST))
            .withIfMatch());
    // An unrelated partner cannot see the mobility, so it gets the unknown-reference problem an
    // unknown mobilityId gets
    // (the id is in the body). ScholarshipResourceTest proves that answer is identical to an
    // unknown id's.
    r.put(
        "applyForScholarship",
        Rule.partnerOf(
            SENDING,
            OUTSIDER,
            "/api/v1/scholarships/" + scholarship + "/applications",
            () -> Map.of("mobilityId", mobility)));
    r.put(
        "awardScholarship",
        Rule.partnerOf(
            "most.gov.pk",
            "gknt.gov.by",
            "/api/v1/scholarships/" + scholarship + "/awards",
            () -> Map.of("mobilityId", mobility)));
    rules = r;
    return r;
  }
}
