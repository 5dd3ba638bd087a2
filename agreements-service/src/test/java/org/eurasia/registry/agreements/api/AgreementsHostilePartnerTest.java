package org.eurasia.registry.agreements.api;

import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.uniqueCode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eurasia.registry.platform.testing.HostilePartnerSweepTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * A partner of pu.edu.pk — party here only to its own agreements made for the sweep (and to the
 * seeded memoranda …0a0003, terminated, and …0a0009, signed, which are therefore not among the
 * foreign records) — aims every write of agreements-service at the other organizations' agreements,
 * public and confidential, and at organizations it does not act for.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsHostilePartnerTest extends HostilePartnerSweepTest {

  static final String HOSTILE = "pu.edu.pk";
  static final String SEED = "5eed0000-0000-4000-8000-0000000";
  private Map<String, Own> own;

  @Override
  protected String hostile() {
    return TestTokens.partner(HOSTILE);
  }

  static Map<String, Object> terms(String kind, String... codesAndRoles) {
    List<Map<String, Object>> parties = new java.util.ArrayList<>();
    for (int i = 0; i < codesAndRoles.length; i += 2) {
      parties.add(Map.of("organizationCode", codesAndRoles[i], "role", codesAndRoles[i + 1]));
    }
    return new HashMap<>(
        Map.of("kind", kind, "title", Map.of("en", "Sweep memorandum"), "parties", parties));
  }

  @Override
  protected synchronized Map<String, Own> own() {
    if (own != null) {
      return own;
    }
    String registrar = TestTokens.registrar();
    String draft =
        as(registrar)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms(
                        "MEMORANDUM_OF_UNDERSTANDING",
                        HOSTILE,
                        "SIGNATORY",
                        "bsuir.by",
                        "SIGNATORY")))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String observed =
        as(registrar)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms(
                        "MEMORANDUM_OF_UNDERSTANDING",
                        "bsuir.by",
                        "SIGNATORY",
                        "comsats.edu.pk",
                        "SIGNATORY",
                        HOSTILE,
                        "OBSERVER")))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // Withdrawal ends a draft: it gets its own, so the other controls keep theirs.
    String withdrawn =
        as(registrar)
            .body(
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms(
                        "MEMORANDUM_OF_UNDERSTANDING",
                        HOSTILE,
                        "SIGNATORY",
                        "bsuir.by",
                        "SIGNATORY")))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String d = PATH + "/" + draft;
    String org = "/api/v1/organizations/" + SEED + "00007";
    // The registrar's retirement control retires an organization of its own: a seeded one would
    // stay retired for every later test.
    String retiring =
        "/api/v1/organizations/"
            + as(registrar)
                .body(
                    Map.of(
                        "code",
                        "s" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk",
                        "kind",
                        "UNIVERSITY",
                        "names",
                        Map.of("en", "Sweep University to retire"),
                        "country",
                        "PK"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    // The registrar-only controls change frameworks of their own, never the seeded CPEC that other
    // tests' agreements are filed under.
    String framework = "/api/v1/frameworks/" + ownFramework(registrar);
    String removable = "/api/v1/frameworks/" + ownFramework(registrar);
    Map<String, Own> calls = new HashMap<>();
    calls.put(
        "draftAgreement",
        new Own(
            PATH,
            () ->
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms(
                        "MEMORANDUM_OF_UNDERSTANDING",
                        HOSTILE,
                        "SIGNATORY",
                        "bsuir.by",
                        "SIGNATORY"))));
    calls.put(
        "reviseAgreement",
        new Own(
            d,
            () ->
                terms(
                    "MEMORANDUM_OF_UNDERSTANDING", HOSTILE, "SIGNATORY", "bsuir.by", "SIGNATORY")));
    calls.put(
        "draftAmendment",
        new Own(
            d + "/amendments",
            () ->
                Map.of(
                    "code",
                    uniqueCode(),
                    "terms",
                    terms("AMENDMENT", HOSTILE, "SIGNATORY", "bsuir.by", "SIGNATORY"))));
    calls.put(
        "signAgreement",
        new Own(
            d + "/signatures", () -> Map.of("organizationCode", HOSTILE, "date", "2026-11-01")));
    calls.put(
        "ratifyAgreement",
        new Own(
            d + "/ratifications",
            () ->
                Map.of("organizationCode", HOSTILE, "date", "2026-11-02", "kind", "RATIFICATION")));
    calls.put(
        "acceptAgreement",
        new Own(PATH + "/" + observed + "/acceptances", () -> Map.of("organizationCode", HOSTILE)));
    calls.put(
        "approveAgreementVersion",
        new Own(
            d + "/approvals",
            () -> Map.of("organizationCode", HOSTILE, "version", 0, "sha256", "0".repeat(64))));
    calls.put(
        "bringAgreementIntoForce",
        new Own(d + "/entry-into-force", () -> Map.of("date", "2026-11-15")));
    calls.put("suspendAgreement", new Own(d + "/suspension", () -> Map.of("reason", "Sweep")));
    calls.put("resumeAgreement", new Own(d + "/suspension", () -> null));
    calls.put(
        "terminateAgreement",
        new Own(d + "/termination", () -> Map.of("date", "2026-11-28", "reason", "Sweep")));
    calls.put(
        "withdrawAgreement",
        new Own(PATH + "/" + withdrawn + "/withdrawal", () -> Map.of("reason", "Sweep")));
    // Registrar-only: a partner has no record of its own here.
    calls.put(
        "registerOrganization",
        new Own(
            "/api/v1/organizations",
            () ->
                Map.of(
                    "code",
                    "s" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk",
                    "kind",
                    "UNIVERSITY",
                    "names",
                    Map.of("en", "Sweep University"),
                    "country",
                    "PK",
                    "parentId",
                    SEED + "00007")));
    calls.put(
        "updateOrganization",
        new Own(
            org,
            () ->
                Map.of(
                    "kind",
                    "UNIVERSITY",
                    "names",
                    Map.of("en", "Renamed"),
                    "country",
                    "PK",
                    "parentId",
                    SEED + "00001")));
    calls.put("retireOrganization", new Own(retiring + "/retirement", () -> null));
    calls.put(
        "registerFramework",
        new Own(
            "/api/v1/frameworks",
            () ->
                Map.of(
                    "code",
                    "S-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                    "details",
                    Map.of(
                        "names",
                        Map.of("en", "Sweep"),
                        "members",
                        List.of(Map.of("country", "PK"))))));
    calls.put(
        "updateFramework",
        new Own(
            framework,
            () ->
                Map.of(
                    "names",
                    Map.of("en", "Renamed"),
                    "members",
                    List.of(Map.of("country", "PK")))));
    calls.put("removeFramework", new Own(removable, () -> null));
    ventureCalls(calls, registrar);
    own = calls;
    return own;
  }

  /**
   * The hostile partner's own ventures and plans: a venture it proposed (with bsuir.by invited),
   * one a registrar proposed naming it (to accept), and the plan of the seeded memorandum it signed
   * (…0a0009, signed by both, not yet in force: an ended agreement's plan takes no new milestone).
   */
  static void ventureCalls(Map<String, Own> calls, String registrar) {
    String hostile = TestTokens.partner(HOSTILE);
    String venture = "/api/v1/ventures/" + ownVenture(hostile);
    String invited = "/api/v1/ventures/" + ownVenture(registrar);
    String agreement = PATH + "/" + SEED + "a0009";
    Supplier<Object> milestone =
        () ->
            Map.of(
                "title",
                Map.of("en", "Sweep milestone"),
                "responsibleOrganization",
                HOSTILE,
                "dueOn",
                "2027-01-31");
    String ventureMilestone =
        venture + "/milestones/" + created(hostile, venture + "/milestones", milestone.get());
    String agreementMilestone =
        agreement + "/milestones/" + created(hostile, agreement + "/milestones", milestone.get());
    Supplier<Object> keepPlanned = () -> Map.of("status", "PLANNED", "dueOn", "2027-02-28");
    calls.put("proposeVenture", new Own("/api/v1/ventures", () -> ventureProposal()));
    calls.put("reviseVenture", new Own(venture, () -> ventureProposal().get("terms")));
    calls.put(
        "acceptVenture",
        new Own(invited + "/acceptances", () -> Map.of("organizationCode", HOSTILE)));
    calls.put(
        "establishVenture",
        new Own(venture + "/establishment", () -> Map.of("date", "2026-11-20")));
    calls.put("startVentureOperation", new Own(venture + "/operation", () -> null));
    calls.put("suspendVenture", new Own(venture + "/suspension", () -> null));
    calls.put("resumeVenture", new Own(venture + "/suspension", () -> null));
    calls.put("dissolveVenture", new Own(venture + "/dissolution", () -> null));
    calls.put("addVentureMilestone", new Own(venture + "/milestones", milestone));
    calls.put("updateVentureMilestone", new Own(ventureMilestone, keepPlanned));
    calls.put("addAgreementMilestone", new Own(agreement + "/milestones", milestone));
    calls.put("updateAgreementMilestone", new Own(agreementMilestone, keepPlanned));
  }

  static Map<String, Object> ventureProposal() {
    return Map.of(
        "code",
        "PK-BY/JV/S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        "terms",
        Map.of(
            "kind",
            "JOINT_DEGREE",
            "name",
            Map.of("en", "Sweep joint degree"),
            "partners",
            List.of(
                Map.of("organizationCode", HOSTILE, "role", "FOUNDER"),
                Map.of("organizationCode", "bsuir.by", "role", "FOUNDER"))));
  }

  static String ownVenture(String token) {
    return created(token, "/api/v1/ventures", ventureProposal());
  }

  static String created(String token, String path, Object body) {
    return as(token).body(body).post(path).then().statusCode(201).extract().path("id");
  }

  static String ownFramework(String registrar) {
    return as(registrar)
        .body(
            Map.of(
                "code",
                "S-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "details",
                Map.of(
                    "names", Map.of("en", "Sweep"), "members", List.of(Map.of("country", "PK")))))
        .post("/api/v1/frameworks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Override
  protected Map<String, List<Foreign>> foreign() {
    return Map.of(
        "agreements",
            List.of(
                Foreign.open(SEED + "a0001", "qau–bsu draft memorandum"),
                Foreign.open(SEED + "a0002", "PK–BY ministries' memorandum in force"),
                Foreign.open(SEED + "a0004", "comsats–cuc memorandum in force"),
                Foreign.open(SEED + "a0006", "qau–bsu agreement observed by most.gov.pk"),
                Foreign.confidential(
                    SEED + "a0005", "confidential ministries' memorandum in force"),
                Foreign.confidential(SEED + "a0007", "confidential comsats–cuc draft")),
        "organizations",
            List.of(
                Foreign.open(SEED + "00001", "qau.edu.pk"),
                Foreign.open(SEED + "00005", "most.gov.pk")),
        "frameworks", List.of(Foreign.open(FrameworkResource.CPEC_ID, "CPEC")),
        "ventures",
            List.of(
                Foreign.open(SEED + "b0001", "qau–bsu joint laboratory, operating"),
                Foreign.open(SEED + "b0005", "cuc's proposed centre, qau and bsu invited")),
        "milestones",
            List.of(
                Foreign.open(SEED + "c0003", "a milestone of the qau–bsu laboratory"),
                Foreign.open(SEED + "c0013", "a milestone of the ministries' memorandum")),
        "organizations:code",
            List.of(
                Foreign.open("qau.edu.pk", "qau.edu.pk"),
                Foreign.open("most.gov.pk", "most.gov.pk"),
                Foreign.open("bsuir.by", "bsuir.by, the other signatory of its own draft"),
                Foreign.open(
                    "comsats.edu.pk", "comsats.edu.pk, a signatory of the agreement it observes")));
  }

  @Override
  protected Map<String, Map<String, Field>> fields() {
    ActingFor organization = new ActingFor("organizations:code");
    Naming party =
        new Naming(
            "naming a party binds it to nothing until it signs or accepts "
                + "(PartnersActOnlyForThemselvesTest.aNamedObserverIsInvitedUntilItsOwnPartnerAccepts)");
    Naming partner =
        new Naming(
            "naming a venture partner binds it to nothing until it accepts "
                + "(VentureResourceTest.aNamedPartnerShowsAsPartnerOnlyOnceItAccepts)");
    Naming founding =
        new Naming(
            "a venture cites the agreements it was founded under, public ones anyone may read; one the caller "
                + "may not read is refused like an unknown id "
                + "(VentureResourceTest.aProposalIsRefusedForOthersUnreadableAgreementsAndBadMoney)");
    Naming responsible =
        new Naming(
            "only an organization that consented to the agreement or venture may be made responsible "
                + "(ImplementationPlanResourceTest.onlyAnAcceptedPartnerPlansAndOnlyForAnOrganizationThatAccepted)");
    return Map.ofEntries(
        Map.entry("draftAgreement", Map.of("terms.parties[].organizationCode", party)),
        Map.entry("draftAmendment", Map.of("terms.parties[].organizationCode", party)),
        Map.entry("reviseAgreement", Map.of("parties[].organizationCode", party)),
        Map.entry("signAgreement", Map.of("organizationCode", organization)),
        Map.entry("ratifyAgreement", Map.of("organizationCode", organization)),
        Map.entry("acceptAgreement", Map.of("organizationCode", organization)),
        Map.entry("approveAgreementVersion", Map.of("organizationCode", organization)),
        Map.entry(
            "registerOrganization",
            Map.of("code", organization, "parentId", new ActingFor("organizations"))),
        Map.entry("updateOrganization", Map.of("parentId", new ActingFor("organizations"))),
        Map.entry(
            "proposeVenture",
            Map.of("terms.partners[].organizationCode", partner, "terms.agreementIds[]", founding)),
        Map.entry(
            "reviseVenture",
            Map.of("partners[].organizationCode", partner, "agreementIds[]", founding)),
        Map.entry("acceptVenture", Map.of("organizationCode", organization)),
        Map.entry("addVentureMilestone", Map.of("responsibleOrganization", responsible)),
        Map.entry("addAgreementMilestone", Map.of("responsibleOrganization", responsible)));
  }

  @Override
  protected Set<String> registrarOnly() {
    return Set.of(
        "registerOrganization",
        "updateOrganization",
        "retireOrganization",
        "registerFramework",
        "updateFramework",
        "removeFramework");
  }

  @Override
  protected List<String> secrets() {
    return List.of(
        "PK-BY/MOU/2024/CF-005",
        "Confidential memorandum on joint satellite imaging research",
        "PK-CN/MOU/2026/CF-007",
        "Confidential draft memorandum on a joint media laboratory");
  }
}
