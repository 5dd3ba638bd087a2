package org.eurasia.registry.agreements.api;

import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.sign;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.terms;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.testing.ConfidentialitySweepTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * A confidential agreement between qau.edu.pk and bsu.by — under CPEC (a registrar's override of
 * the framework rule), signed, in force, amended once — leaves no trace on any read operation for
 * callers without a token, an unrelated university, or a ministry of a party's country.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsConfidentialityTest extends ConfidentialitySweepTest {

  @Override
  protected Map<String, String> prepare() {
    return Map.of(
        "limit",
        "100",
        "party",
        "qau.edu.pk",
        "invitedOrganization",
        "qau.edu.pk",
        "country",
        "PK",
        "framework",
        "CPEC",
        "isced",
        "0533",
        "from",
        "0",
        "to",
        "1",
        "number",
        "1");
  }

  @Override
  protected Set<String> secretParameters() {
    return Set.of("id", "q");
  }

  @Override
  protected Secret reveal() {
    String marker = "zqsecret" + UUID.randomUUID().toString().substring(0, 8);
    String code = "PK-BY/MOU/2026/C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> terms = terms("CONFIDENTIAL", "qau.edu.pk", "bsu.by");
    terms.put("title", Map.of("en", "Memorandum " + marker));
    terms.put("frameworks", List.of("CPEC"));
    // Belarus is no member of CPEC: only a registrar files it there, overriding the framework rule.
    terms.put("frameworkOverride", Map.of("reason", "Filed under CPEC by the registry"));
    String id =
        as(TestTokens.registrar())
            .body(Map.of("code", code, "terms", terms))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    terms.put("durationMonths", 48);
    as(TestTokens.registrar())
        .header("If-Match", "\"0\"")
        .body(terms)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200);
    for (String party : Arrays.asList("qau.edu.pk", "bsu.by")) {
      sign(TestTokens.partner(party), id, party, "2026-01-10").then().statusCode(200);
    }
    as(TestTokens.registrar())
        .body(Map.of("date", "2026-02-01"))
        .post(PATH + "/" + id + "/entry-into-force")
        .then()
        .statusCode(200);
    return new Secret(Map.of("id", id, "q", marker), List.of(marker, code));
  }

  @Override
  protected String value(String template, String parameter, Map<String, String> values) {
    // {id} is the agreement only on agreement paths; frameworks and organizations keep the
    // document's examples.
    if ("id".equals(parameter) && !template.startsWith(PATH + "/")) {
      return null;
    }
    // `from`/`to` are version numbers on a diff, days elsewhere (the secret entered into force in
    // 2026).
    if (("from".equals(parameter) || "to".equals(parameter)) && !template.endsWith("/diff")) {
      return "from".equals(parameter) ? "2026-01-01" : "2026-12-31";
    }
    return values.get(parameter);
  }

  @Override
  protected List<String> outsiders() {
    return Arrays.asList(null, TestTokens.partner("cuc.edu.cn"), TestTokens.partner("most.gov.pk"));
  }

  @Override
  protected String insider() {
    return TestTokens.partner("bsu.by");
  }
}
