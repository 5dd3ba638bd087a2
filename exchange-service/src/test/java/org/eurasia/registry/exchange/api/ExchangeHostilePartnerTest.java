package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.HostilePartnerSweepTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * A partner of cuc.edu.cn — party only to the comsats.edu.pk memorandum (…0a0004) and its own
 * programme, mobility and scholarship made here — aims every write of exchange-service at the
 * qau.edu.pk ↔ bsu.by programmes, mobilities and participants, the ministries' and universities'
 * agreements it is not covered by, the ministry's scholarship, a programme under a confidential
 * memorandum, and at organizations it does not act for.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeHostilePartnerTest extends HostilePartnerSweepTest {

  static final String HOSTILE = "cuc.edu.cn";
  static final String PARTNER_AGREEMENT = "5eed0000-0000-4000-8000-0000000a0004";
  static final String SEED = "5eed0000-0000-4000-8000-0000000";

  private Map<String, Own> own;
  private ExchangeApi.Confidential secret;

  @Override
  protected String hostile() {
    return TestTokens.partner(HOSTILE);
  }

  static Map<String, Object> ownProgramme() {
    return ExchangeApi.program(
        PARTNER_AGREEMENT, "comsats.edu.pk", HOSTILE, ExchangeApi.terms(3, 3));
  }

  @Override
  protected synchronized Map<String, Own> own() {
    if (own != null) {
      return own;
    }
    // A programme of the hostile partner's own (a registrar's creation binds both institutions),
    // open, with a
    // nomination and a scholarship of its own: every right on them is the hostile partner's.
    String program =
        ExchangeApi.create(TestTokens.registrar(), ownProgramme())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(hostile()).post("/api/v1/programs/" + program + "/opening").then().statusCode(200);
    String mobility =
        as(hostile())
            .body(ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String participant =
        as(hostile())
            .get("/api/v1/mobilities/" + mobility)
            .then()
            .statusCode(200)
            .extract()
            .path("participantId");
    String scholarship =
        as(hostile())
            .body(scholarship())
            .post("/api/v1/scholarships")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String p = "/api/v1/programs/" + program;
    String m = "/api/v1/mobilities/" + mobility;
    String s = "/api/v1/scholarships/" + scholarship;
    Map<String, Own> calls = new HashMap<>();
    calls.put(
        "createProgram", new Own("/api/v1/programs", ExchangeHostilePartnerTest::ownProgramme));
    calls.put("updateProgram", new Own(p, () -> ExchangeApi.terms(4, 4)));
    calls.put(
        "acceptProgram", new Own(p + "/acceptances", () -> Map.of("organizationCode", HOSTILE)));
    calls.put("openProgram", new Own(p + "/opening", () -> null));
    calls.put("closeProgram", new Own(p + "/closing", () -> null));
    calls.put("completeProgram", new Own(p + "/completion", () -> null));
    calls.put("suspendProgram", new Own(p + "/suspension", () -> Map.of("reason", "Sweep")));
    calls.put("resumeProgram", new Own(p + "/suspension", () -> null));
    calls.put(
        "nominateParticipant",
        new Own(
            "/api/v1/mobilities",
            () -> ExchangeApi.nomination(program, "SENDING_TO_RECEIVING", 7)));
    calls.put("acceptMobility", new Own(m + "/acceptance", () -> null));
    calls.put("rejectMobility", new Own(m + "/rejection", () -> Map.of("reason", "Sweep")));
    calls.put("startMobility", new Own(m + "/start", () -> Map.of("startedOn", "2027-02-01")));
    calls.put(
        "completeMobility",
        new Own(m + "/completion", () -> Map.of("endedOn", "2027-06-30", "recognized", true)));
    calls.put("cancelMobility", new Own(m + "/cancellation", () -> Map.of("reason", "Sweep")));
    calls.put(
        "eraseParticipantData",
        new Own("/api/v1/participants/" + participant + "/personal-data", () -> null));
    calls.put(
        "createScholarship",
        new Own("/api/v1/scholarships", ExchangeHostilePartnerTest::scholarship));
    calls.put(
        "applyForScholarship", new Own(s + "/applications", () -> Map.of("mobilityId", mobility)));
    calls.put("awardScholarship", new Own(s + "/awards", () -> Map.of("mobilityId", mobility)));
    calls.put("updateScholarship", new Own(s, () -> ScholarshipEventsTest.terms(4, "Sweep")));
    calls.put("closeScholarship", new Own(s + "/closure", () -> null));
    own = calls;
    return own;
  }

  static Map<String, Object> scholarship() {
    return Map.of(
        "code",
        "CUC/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        "title",
        Map.of("en", "Media studies grant"),
        "funder",
        HOSTILE,
        "amount",
        1000,
        "currency",
        "CNY",
        "awards",
        3);
  }

  @Override
  protected synchronized Map<String, List<Foreign>> foreign() {
    if (secret == null) {
      secret = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE");
    }
    return Map.of(
        "programs",
            List.of(
                Foreign.open(SEED + "b0001", "qau→bsu programme (open)"),
                Foreign.open(SEED + "b0003", "pu→bsuir programme (planned)"),
                Foreign.confidential(
                    secret.programId(), "programme under a confidential memorandum")),
        "agreements",
            List.of(
                Foreign.open(SEED + "a0001", "qau–bsu draft memorandum"),
                Foreign.open(
                    SEED + "a0002", "PK–BY ministries' memorandum (covers no Chinese university)"),
                Foreign.open(SEED + "a0003", "pu–bsuir terminated memorandum"),
                Foreign.confidential(secret.agreementId(), "confidential ministries' memorandum")),
        "mobilities",
            List.of(
                Foreign.confidential(SEED + "c0001", "qau→bsu nomination"),
                Foreign.confidential(SEED + "c0002", "qau→bsu accepted mobility")),
        "participants", List.of(Foreign.confidential(SEED + "e0001", "a qau.edu.pk participant")),
        "scholarships", List.of(Foreign.open(SEED + "d0001", "most.gov.pk's scholarship")),
        "organizations:code",
            List.of(
                Foreign.open("qau.edu.pk", "qau.edu.pk"),
                Foreign.open("most.gov.pk", "most.gov.pk"),
                Foreign.open(
                    "comsats.edu.pk",
                    "comsats.edu.pk, the other institution of its own programme")));
  }

  @Override
  protected Map<String, Map<String, Field>> fields() {
    ActingFor organization = new ActingFor("organizations:code");
    return Map.of(
        "createProgram",
            Map.of(
                "agreementId", new ActingFor("agreements"),
                "receivingInstitution", organization,
                "sendingInstitution",
                    new Naming(
                        "the other institution is invited until its partner accepts "
                            + "(ProgramResourceTest.namingAnInstitutionDoesNotBindItUntilItsOwnPartnerAccepts)")),
        "acceptProgram", Map.of("organizationCode", organization),
        "nominateParticipant", Map.of("programId", new ActingFor("programs")),
        "createScholarship", Map.of("funder", organization),
        "applyForScholarship",
            Map.of(
                "mobilityId", new ActingFor("mobilities"),
                "{id}",
                    new Naming(
                        "scholarships are public: any institution may apply for one for its own mobility")),
        "awardScholarship", Map.of("mobilityId", new ActingFor("mobilities")));
  }

  @Override
  protected List<String> secrets() {
    return List.of(secret.agreementCode(), secret.programCode());
  }
}
