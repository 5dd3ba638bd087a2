package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eurasia.registry.platform.testing.AuthorizationMatrixTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/** Who may call each write operation of agreements-service, generated from its OpenAPI document. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsAuthorizationMatrixTest extends AuthorizationMatrixTest {

  static final String PARTY = "qau.edu.pk";

  /** Named on the matrix's draft as an observer: it may accept, but not start or end force. */
  static final String OBSERVER = "most.gov.pk";

  static final String OUTSIDER = "pu.edu.pk";
  static Map<String, Rule> rules;

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> agreement(String kind) {
    return Map.of(
        "code",
        "PK-BY/MOU/2026/M-" + unique(),
        "terms",
        Map.of(
            "kind", kind,
            "title", Map.of("en", "Matrix memorandum"),
            "parties",
                List.of(
                    Map.of("organizationCode", PARTY, "role", "SIGNATORY"),
                    Map.of("organizationCode", "bsu.by", "role", "SIGNATORY"),
                    Map.of("organizationCode", OBSERVER, "role", "OBSERVER"))));
  }

  static Map<String, Object> organization() {
    return Map.of(
        "code",
        "m" + unique().toLowerCase() + ".edu.pk",
        "kind",
        "UNIVERSITY",
        "names",
        Map.of("en", "Matrix University"),
        "country",
        "PK");
  }

  static Map<String, Object> framework() {
    return Map.of(
        "code",
        "M-" + unique(),
        "details",
        Map.of(
            "names",
            Map.of("en", "Matrix framework"),
            "members",
            List.of(Map.of("country", "PK"))));
  }

  static String create(String path, Object body) {
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

  @Override
  protected synchronized Map<String, Rule> rules() {
    if (rules != null) {
      return rules;
    }
    String draft =
        "/api/v1/agreements/"
            + create("/api/v1/agreements", agreement("MEMORANDUM_OF_UNDERSTANDING"));
    // Withdrawal ends a draft: it gets its own, so the other operations keep theirs.
    String withdrawn =
        "/api/v1/agreements/"
            + create("/api/v1/agreements", agreement("MEMORANDUM_OF_UNDERSTANDING"));
    String organization =
        "/api/v1/organizations/" + create("/api/v1/organizations", organization());
    // Retirement is for good: it gets an organization of its own, so the update keeps an active
    // one.
    String retiring = "/api/v1/organizations/" + create("/api/v1/organizations", organization());
    String framework = "/api/v1/frameworks/" + create("/api/v1/frameworks", framework());
    Supplier<Object> signature = () -> Map.of("organizationCode", PARTY, "date", "2026-11-01");
    Map<String, Rule> r = new HashMap<>();
    r.put(
        "registerOrganization",
        Rule.registrarOnly(
            "/api/v1/organizations", AgreementsAuthorizationMatrixTest::organization));
    r.put(
        "updateOrganization",
        Rule.registrarOnly(
                organization,
                () ->
                    Map.of("kind", "UNIVERSITY", "names", Map.of("en", "Renamed"), "country", "PK"))
            .withIfMatch());
    r.put("retireOrganization", Rule.registrarOnly(retiring + "/retirement", () -> null));
    r.put(
        "registerFramework",
        Rule.registrarOnly("/api/v1/frameworks", AgreementsAuthorizationMatrixTest::framework));
    r.put(
        "updateFramework",
        Rule.registrarOnly(
                framework,
                () ->
                    Map.of(
                        "names",
                        Map.of("en", "Renamed"),
                        "members",
                        List.of(Map.of("country", "PK"))))
            .withIfMatch());
    r.put("removeFramework", Rule.registrarOnly(framework, () -> null).withIfMatch());
    r.put(
        "draftAgreement",
        Rule.partnerOf(
            PARTY, OUTSIDER, "/api/v1/agreements", () -> agreement("MEMORANDUM_OF_UNDERSTANDING")));
    r.put(
        "reviseAgreement",
        Rule.partnerOf(
                PARTY, OUTSIDER, draft, () -> agreement("MEMORANDUM_OF_UNDERSTANDING").get("terms"))
            .withIfMatch());
    r.put(
        "draftAmendment",
        Rule.partnerOf(PARTY, OUTSIDER, draft + "/amendments", () -> agreement("AMENDMENT")));
    // A signature names the version it binds: If-Match is required.
    r.put(
        "signAgreement",
        Rule.partnerOf(PARTY, OUTSIDER, draft + "/signatures", signature).withIfMatch());
    r.put(
        "acceptAgreement",
        Rule.partnerOf(
                OBSERVER,
                OUTSIDER,
                draft + "/acceptances",
                () -> Map.of("organizationCode", OBSERVER))
            .withIfMatch());
    r.put(
        "ratifyAgreement",
        Rule.partnerOf(
            PARTY,
            OUTSIDER,
            draft + "/ratifications",
            () -> Map.of("organizationCode", PARTY, "date", "2026-11-02", "kind", "RATIFICATION")));
    r.put(
        "approveAgreementVersion",
        Rule.partnerOf(
            PARTY,
            OUTSIDER,
            draft + "/approvals",
            () -> Map.of("organizationCode", PARTY, "version", 0, "sha256", "0".repeat(64))));
    r.put(
        "bringAgreementIntoForce",
        Rule.partnerOf(
            PARTY, OUTSIDER, draft + "/entry-into-force", () -> Map.of("date", "2026-11-15")));
    r.put(
        "suspendAgreement",
        Rule.partnerOf(PARTY, OUTSIDER, draft + "/suspension", () -> Map.of("reason", "Matrix")));
    r.put("resumeAgreement", Rule.partnerOf(PARTY, OUTSIDER, draft + "/suspension", () -> null));
    r.put(
        "terminateAgreement",
        Rule.partnerOf(
            PARTY,
            OUTSIDER,
            draft + "/termination",
            () -> Map.of("date", "2026-11-28", "reason", "Matrix")));
    // An observer is named, not a signatory: it may not withdraw the draft (AgreementService).
    r.put(
        "withdrawAgreement",
        Rule.partnerOf(
            PARTY, OBSERVER, withdrawn + "/withdrawal", () -> Map.of("reason", "Matrix")));
    ventureRules(r);
    rules = r;
    return r;
  }

  static Map<String, Object> venture() {
    return Map.of(
        "code",
        "PK-BY/JV/M-" + unique(),
        "terms",
        Map.of(
            "kind",
            "JOINT_LABORATORY",
            "name",
            Map.of("en", "Matrix laboratory"),
            "partners",
            List.of(
                Map.of("organizationCode", PARTY, "role", "FOUNDER"),
                Map.of("organizationCode", "bsu.by", "role", "FOUNDER"))));
  }

  /**
   * Ventures and implementation plans: proposed by PARTY's partner (its consent), bsu.by invited;
   * only an accepting partner's partner (PARTY) changes it, only bsu.by's accepts for bsu.by. An
   * agreement's plan: the seeded memorandum most.gov.pk and gknt.gov.by signed.
   */
  private static void ventureRules(Map<String, Rule> r) {
    String venture =
        "/api/v1/ventures/"
            + given()
                .header("Authorization", TestTokens.bearer(TestTokens.partner(PARTY)))
                .contentType("application/json")
                .body(venture())
                .post("/api/v1/ventures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    String mou = "/api/v1/agreements/5eed0000-0000-4000-8000-0000000a0002";
    Supplier<Object> milestone =
        () ->
            Map.of(
                "title",
                Map.of("en", "Matrix milestone"),
                "responsibleOrganization",
                "most.gov.pk",
                "dueOn",
                "2027-01-31");
    String agreementMilestone = mou + "/milestones/" + create(mou + "/milestones", milestone.get());
    Supplier<Object> ventureMilestoneBody =
        () ->
            Map.of(
                "title",
                Map.of("en", "Matrix milestone"),
                "responsibleOrganization",
                PARTY,
                "dueOn",
                "2027-01-31");
    String ventureMilestone =
        venture + "/milestones/" + create(venture + "/milestones", ventureMilestoneBody.get());
    Supplier<Object> keepPlanned = () -> Map.of("status", "PLANNED", "dueOn", "2027-02-28");
    r.put(
        "proposeVenture",
        Rule.partnerOf(
            PARTY, OUTSIDER, "/api/v1/ventures", AgreementsAuthorizationMatrixTest::venture));
    r.put(
        "reviseVenture",
        Rule.partnerOf(PARTY, OUTSIDER, venture, () -> venture().get("terms")).withIfMatch());
    r.put(
        "acceptVenture",
        Rule.partnerOf(
                "bsu.by",
                OUTSIDER,
                venture + "/acceptances",
                () -> Map.of("organizationCode", "bsu.by"))
            .withIfMatch());
    r.put(
        "establishVenture",
        Rule.partnerOf(
            PARTY, OUTSIDER, venture + "/establishment", () -> Map.of("date", "2026-11-20")));
    r.put(
        "startVentureOperation",
        Rule.partnerOf(PARTY, OUTSIDER, venture + "/operation", () -> null));
    r.put("suspendVenture", Rule.partnerOf(PARTY, OUTSIDER, venture + "/suspension", () -> null));
    r.put(
        "resumeVenture",
        Rule.partnerOf(PARTY, OUTSIDER, venture + "/suspension", () -> null).withIfMatch());
    r.put("dissolveVenture", Rule.partnerOf(PARTY, OUTSIDER, venture + "/dissolution", () -> null));
    r.put(
        "addVentureMilestone",
        Rule.partnerOf(PARTY, OUTSIDER, venture + "/milestones", ventureMilestoneBody));
    r.put(
        "updateVentureMilestone",
        Rule.partnerOf(PARTY, OUTSIDER, ventureMilestone, keepPlanned).withIfMatch());
    r.put(
        "addAgreementMilestone",
        Rule.partnerOf("most.gov.pk", OUTSIDER, mou + "/milestones", milestone));
    r.put(
        "updateAgreementMilestone",
        Rule.partnerOf("most.gov.pk", OUTSIDER, agreementMilestone, keepPlanned).withIfMatch());
  }
}
