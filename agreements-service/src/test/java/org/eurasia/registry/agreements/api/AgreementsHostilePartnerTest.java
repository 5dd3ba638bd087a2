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
import org.eurasia.registry.platform.testing.HostilePartnerSweepTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * A partner of pu.edu.pk — party here only to its own agreements made for the sweep (and to the
 * seeded terminated memorandum …0a0003, which is therefore not among the foreign records) — aims
 * every write of agreements-service at the other organizations' agreements, public and
 * confidential, and at organizations it does not act for.
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
    own = calls;
    return own;
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
    return Map.of(
        "draftAgreement", Map.of("terms.parties[].organizationCode", party),
        "draftAmendment", Map.of("terms.parties[].organizationCode", party),
        "reviseAgreement", Map.of("parties[].organizationCode", party),
        "signAgreement", Map.of("organizationCode", organization),
        "ratifyAgreement", Map.of("organizationCode", organization),
        "acceptAgreement", Map.of("organizationCode", organization),
        "approveAgreementVersion", Map.of("organizationCode", organization),
        "registerOrganization",
            Map.of("code", organization, "parentId", new ActingFor("organizations")),
        "updateOrganization", Map.of("parentId", new ActingFor("organizations")));
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
