package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.Framework;
import org.eurasia.registry.agreements.domain.PartialDate;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Frameworks over HTTP against real PostgreSQL: membership rules, registrar-only writes, use by
 * agreements.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FrameworkResourceTest {

  static final String PATH = "/api/v1/frameworks";

  static String code() {
    return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> framework(String code, List<Map<String, String>> members) {
    return Map.of(
        "code",
        code,
        "details",
        Map.of("names", Map.of("en", "Test framework"), "members", members));
  }

  @Test
  void theSeededFrameworksAreListedByMemberCountry() {
    given()
        .get(PATH + "/" + FrameworkResource.CPEC_ID)
        .then()
        .statusCode(200)
        .body("code", equalTo("CPEC"));
    given()
        .queryParam("memberCountry", "PK")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.code", hasItems("CPEC", "CAREC", "APTTA"))
        .body("items.code", not(hasItem("EAEU")));
  }

  @Test
  void onlyARegistrarRegistersAndMembershipsMayNotOverlapOrRunBackwards() {
    String code = code();
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
        .contentType(ContentType.JSON)
        .body(framework(code, List.of(Map.of("country", "PK"))))
        .post(PATH)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            framework(
                code,
                List.of(
                    Map.of("country", "PK", "since", "2001"),
                    Map.of("country", "PK", "since", "2010"))))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("members[1]"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(framework(code, List.of(Map.of("country", "PK", "since", "2010", "until", "2001"))))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("members[0].until"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            framework(
                code,
                List.of(
                    Map.of("country", "PK", "since", "2001", "until", "2005"),
                    Map.of("country", "PK", "since", "2010"))))
        .post(PATH)
        .then()
        .statusCode(201)
        .body("members[1].since", equalTo("2010"));
  }

  @Test
  void agreementsNameOnlyKnownFrameworksAndAUsedFrameworkStays() {
    Map<String, Object> terms = AgreementResourceTest.terms("PUBLIC", "qau.edu.pk", "bsu.by");
    terms.put("frameworks", List.of("NOSUCH"));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(Map.of("code", AgreementResourceTest.uniqueCode(), "terms", terms))
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("frameworks"));
    // CPEC is named by a seeded agreement.
    String etag = given().get(PATH + "/" + FrameworkResource.CPEC_ID).header("ETag");
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .header("If-Match", etag)
        .delete(PATH + "/" + FrameworkResource.CPEC_ID)
        .then()
        .statusCode(409);
  }

  @Test
  void aDescriptionMayHoldLineFeedsButANameNoControlCharacter() {
    String registrar = TestTokens.bearer(TestTokens.registrar());
    Map<String, Object> details =
        Map.of(
            "names",
            Map.of("en", "Line test framework"),
            "description",
            Map.of("en", "Members:\r\n\tPK\n\tCN"),
            "members",
            List.of(Map.of("country", "PK")));
    String id =
        given()
            .header("Authorization", registrar)
            .contentType(ContentType.JSON)
            .body(Map.of("code", code(), "details", details))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().get(PATH + "/" + id).then().body("description.en", equalTo("Members:\n\tPK\n\tCN"));
    Map<String, Object> injected =
        Map.of("names", Map.of("en", "Line\ntest"), "members", List.of(Map.of("country", "PK")));
    given()
        .header("Authorization", registrar)
        .contentType(ContentType.JSON)
        .body(Map.of("code", code(), "details", injected))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("details.names.en"));
  }

  static final String AGREEMENTS = "/api/v1/agreements";

  /** A registered framework with these members (country, since[, until]), by its new code. */
  static String registered(List<Map<String, String>> members) {
    String code = code();
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(framework(code, members))
        .post(PATH)
        .then()
        .statusCode(201);
    return code;
  }

  static Map<String, Object> underFramework(String framework, String... parties) {
    Map<String, Object> terms = AgreementResourceTest.terms("PUBLIC", parties);
    terms.put("frameworks", List.of(framework));
    return terms;
  }

  /** The frameworkOverride member of a version's canonical content. */
  static String overrideOf(String content) {
    int start = content.indexOf("\"frameworkOverride\":");
    return content.substring(start, content.indexOf('}', content.indexOf("\"reason\"", start)) + 1);
  }

  static Map<String, String> override(String reason) {
    return Map.of("reason", reason);
  }

  @Test
  void aPartnerCannotFileAPakistanBelarusMemorandumUnderCpecNorOverrideTheRule() {
    String code = AgreementResourceTest.uniqueCode();
    Map<String, Object> terms = underFramework("CPEC", "qau.edu.pk", "bsu.by");
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", terms))
        .post(AGREEMENTS)
        .then()
        .statusCode(422)
        .contentType(AgreementResourceTest.PROBLEM)
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo("framework-membership"))
        .body("nonMembers.CPEC", equalTo(List.of("BY")))
        .body("date", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
        .body("detail", containsString("BY of CPEC"));
    // A partner may not override the rule, whether or not it would refuse.
    Map<String, Object> overridden = new HashMap<>(terms);
    overridden.put("frameworkOverride", override("We say so"));
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", overridden))
        .post(AGREEMENTS)
        .then()
        .statusCode(403)
        .contentType(AgreementResourceTest.PROBLEM);
    Map<String, Object> admitted = underFramework("CPEC", "qau.edu.pk", "cuc.edu.cn");
    admitted.put("frameworkOverride", override("Not needed"));
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", admitted))
        .post(AGREEMENTS)
        .then()
        .statusCode(403);
    // Nothing was written: the code is still free, and a Pakistani-Chinese memorandum under CPEC
    // is filed without any override.
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", underFramework("CPEC", "qau.edu.pk", "cuc.edu.cn")))
        .post(AGREEMENTS)
        .then()
        .statusCode(201)
        .body("frameworks", equalTo(List.of("CPEC")))
        .body("frameworkOverride", nullValue());
    // An amendment is a draft like any other: the seeded comsats–cuc memorandum under CPEC cannot
    // gain a Belarusian party.
    Map<String, Object> amendment =
        underFramework("CPEC", "comsats.edu.pk", "cuc.edu.cn", "bsuir.by");
    amendment.put("kind", "AMENDMENT");
    AgreementResourceTest.as(TestTokens.registrar())
        .body(Map.of("code", AgreementResourceTest.uniqueCode(), "terms", amendment))
        .post(AGREEMENTS + "/5eed0000-0000-4000-8000-0000000a0004/amendments")
        .then()
        .statusCode(422)
        .body("condition", equalTo("framework-membership"))
        .body("nonMembers.CPEC", equalTo(List.of("BY")));
  }

  @Test
  void aRegistrarsOverrideIsRecordedOnTheAgreementInItsVersionsAndReplacedByTheNextRevision() {
    Map<String, Object> terms = underFramework("CPEC", "qau.edu.pk", "bsu.by");
    terms.put("frameworkOverride", override("Belarus takes part as a partner country"));
    String id =
        AgreementResourceTest.as(TestTokens.registrar())
            .body(Map.of("code", AgreementResourceTest.uniqueCode(), "terms", terms))
            .post(AGREEMENTS)
            .then()
            .statusCode(201)
            .body("frameworkOverride.by", equalTo("registrar@registry.test"))
            .body("frameworkOverride.reason", equalTo("Belarus takes part as a partner country"))
            .body("frameworkOverride.nonMembers.CPEC", equalTo(List.of("BY")))
            .body("frameworkOverride.at", notNullValue())
            .extract()
            .path("id");
    // Read back from the database, by anyone: the override is public like the agreement.
    given()
        .get(AGREEMENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("frameworkOverride.nonMembers.CPEC", equalTo(List.of("BY")));
    String drafted =
        given()
            .get(AGREEMENTS + "/" + id + "/versions/0")
            .then()
            .statusCode(200)
            .body("content", containsString("\"frameworkOverride\":{\"at\":"))
            .body("content", containsString("\"nonMembers\":{\"CPEC\":[\"BY\"]}"))
            .extract()
            .path("content");
    // The next version, written from the agreement as read back from the database, carries the
    // same override byte for byte (its instant survives the JSON column).
    AgreementResourceTest.sign(TestTokens.partner("qau.edu.pk"), id, "qau.edu.pk", "2026-01-10")
        .then()
        .statusCode(200);
    String signed =
        given()
            .get(AGREEMENTS + "/" + id + "/versions/1")
            .then()
            .statusCode(200)
            .extract()
            .path("content");
    assertEquals(overrideOf(drafted), overrideOf(signed));
    // A signatory's partner revising the same terms gets the rule again: the override covered the
    // old terms only.
    Map<String, Object> revised = underFramework("CPEC", "qau.edu.pk", "bsu.by");
    revised.put("durationMonths", 24);
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"1\"")
        .body(revised)
        .put(AGREEMENTS + "/" + id)
        .then()
        .statusCode(422)
        .body("condition", equalTo("framework-membership"));
    revised.put("frameworkOverride", override("Still a partner country"));
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"1\"")
        .body(revised)
        .put(AGREEMENTS + "/" + id)
        .then()
        .statusCode(403);
    AgreementResourceTest.as(TestTokens.registrar())
        .header("If-Match", "\"1\"")
        .body(revised)
        .put(AGREEMENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("frameworkOverride.reason", equalTo("Still a partner country"));
    // Terms the rule admits drop the override.
    AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"2\"")
        .body(AgreementResourceTest.terms("PUBLIC", "qau.edu.pk", "bsu.by"))
        .put(AGREEMENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("frameworkOverride", nullValue());
    given()
        .get(AGREEMENTS + "/" + id + "/versions/3")
        .then()
        .statusCode(200)
        .body("content", not(containsString("frameworkOverride")));
  }

  @Test
  void theLastSignatureChecksMembershipOnTheSigningDate() {
    // Belarus joined in mid-2025; Pakistan has been a member since 2020.
    String joint =
        registered(
            List.of(
                Map.of("country", "PK", "since", "2020"),
                Map.of("country", "BY", "since", "2025-06-15")));
    String id =
        AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
            .body(
                Map.of(
                    "code",
                    AgreementResourceTest.uniqueCode(),
                    "terms",
                    underFramework(joint, "qau.edu.pk", "bsu.by")))
            .post(AGREEMENTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    AgreementResourceTest.sign(TestTokens.partner("qau.edu.pk"), id, "qau.edu.pk", "2025-05-20")
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
    // The last signature is dated before Belarus joined.
    AgreementResourceTest.sign(TestTokens.partner("bsu.by"), id, "bsu.by", "2025-06-01")
        .then()
        .statusCode(422)
        .body("condition", equalTo("framework-membership"))
        .body("date", equalTo("2025-06-01"))
        .body("nonMembers." + joint, equalTo(List.of("BY")));
    given()
        .get(AGREEMENTS + "/" + id)
        .then()
        .body("status", equalTo("DRAFT"))
        .body("parties[1].signature", nullValue());
    // A partner may not override at signature either; a registrar recording the signature may.
    AgreementResourceTest.as(TestTokens.partner("bsu.by"))
        .header("If-Match", AgreementResourceTest.etag(id))
        .body(
            Map.of(
                "organizationCode",
                "bsu.by",
                "date",
                "2025-06-01",
                "frameworkOverride",
                override("We joined soon after")))
        .post(AGREEMENTS + "/" + id + "/signatures")
        .then()
        .statusCode(403);
    AgreementResourceTest.as(TestTokens.registrar())
        .header("If-Match", AgreementResourceTest.etag(id))
        .body(
            Map.of(
                "organizationCode",
                "bsu.by",
                "date",
                "2025-06-01",
                "frameworkOverride",
                override("Signed in the accession month")))
        .post(AGREEMENTS + "/" + id + "/signatures")
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"))
        .body("frameworkOverride.nonMembers." + joint, equalTo(List.of("BY")));
    // Signed after the accession, the same agreement needs no override.
    String later =
        AgreementResourceTest.as(TestTokens.partner("qau.edu.pk"))
            .body(
                Map.of(
                    "code",
                    AgreementResourceTest.uniqueCode(),
                    "terms",
                    underFramework(joint, "qau.edu.pk", "bsu.by")))
            .post(AGREEMENTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    AgreementResourceTest.sign(TestTokens.partner("qau.edu.pk"), later, "qau.edu.pk", "2025-05-20")
        .then()
        .statusCode(200);
    AgreementResourceTest.sign(TestTokens.partner("bsu.by"), later, "bsu.by", "2025-07")
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"))
        .body("frameworkOverride", nullValue());
  }

  @Test
  void draftsAreCheckedAgainstTodaysMembers() {
    // Belarus left in 2020: a draft naming it today is refused, whatever it was before.
    String former =
        registered(
            List.of(
                Map.of("country", "PK"),
                Map.of("country", "BY", "since", "2010", "until", "2020")));
    AgreementResourceTest.as(TestTokens.partner("bsu.by"))
        .body(
            Map.of(
                "code",
                AgreementResourceTest.uniqueCode(),
                "terms",
                underFramework(former, "qau.edu.pk", "bsu.by")))
        .post(AGREEMENTS)
        .then()
        .statusCode(422)
        .body("nonMembers." + former, equalTo(List.of("BY")));
  }

  @Inject EntityManager em;

  /**
   * The demo data keeps the rule: every seeded agreement that names a framework names one each of
   * its parties' countries was a member of on its signing date (today for a draft). Read from the
   * seed scripts themselves (loaded into temporary tables and rolled back), so no other test's
   * change to the seeded rows can hide a fault in them.
   */
  @Test
  void theSeededAgreementsKeepTheFrameworkRule() throws IOException {
    List<Agreement> seeded;
    Map<String, Framework> frameworks = new HashMap<>();
    QuarkusTransaction.begin();
    try {
      for (String table : List.of("framework", "agreement")) {
        em.createNativeQuery(
                "CREATE TEMP TABLE seeded_"
                    + table
                    + " (LIKE "
                    + table
                    + " INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP")
            .executeUpdate();
        String seed =
            AgreementResourceTest.resource("/db/seed/" + table + "s.sql")
                .replace("INSERT INTO " + table + " ", "INSERT INTO seeded_" + table + " ");
        em.unwrap(Session.class)
            .doWork(
                connection -> {
                  try (Statement statement = connection.createStatement()) {
                    statement.execute(seed);
                  }
                });
      }
      @SuppressWarnings("unchecked")
      List<Framework> rows =
          em.createNativeQuery("SELECT * FROM seeded_framework", Framework.class).getResultList();
      rows.forEach(f -> frameworks.put(f.code(), f));
      @SuppressWarnings("unchecked")
      List<Agreement> agreements =
          em.createNativeQuery("SELECT * FROM seeded_agreement ORDER BY id", Agreement.class)
              .getResultList();
      seeded = agreements;
      assertEquals(12, seeded.size());
      assertEquals(9, frameworks.size());
      int named = 0;
      for (Agreement agreement : seeded) {
        if (agreement.terms().frameworks().isEmpty()) {
          continue;
        }
        named++;
        PartialDate on =
            agreement.status() == AgreementStatus.DRAFT
                ? PartialDate.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                : agreement.signingDate();
        assertEquals(
            Map.of(), agreement.nonMembers(frameworks, on), agreement.code() + " on " + on);
        assertNull(agreement.frameworkOverride(), agreement.code());
      }
      assertEquals(
          4,
          named,
          "the comsats–cuc memoranda and the amendment under CPEC, the treaty within the SCO");
    } finally {
      QuarkusTransaction.rollback();
    }
  }
}
