package org.eurasia.registry.exchange.api;

import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.eurasia.registry.exchange.api.ExchangeApi.create;
import static org.eurasia.registry.exchange.api.ExchangeApi.nomination;
import static org.eurasia.registry.exchange.api.ExchangeApi.program;
import static org.eurasia.registry.exchange.api.ExchangeApi.terms;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.exchange.messaging.AgreementFixtures;
import org.eurasia.registry.platform.testing.ConfidentialitySweepTest;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;

/**
 * A programme between qau.edu.pk and bsu.by under the two ministries' confidential memorandum,
 * opened, with an accepted mobility, leaves no trace on any read operation for callers without a
 * token, an unrelated Chinese university, or another Pakistani university that the memorandum would
 * cover but that is neither a party nor in the programme.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeConfidentialityTest extends ConfidentialitySweepTest {

  @BeforeAll
  static void theAgreementsTopicExists() {
    KafkaProbe.createTopic("registry.agreements", 3);
  }

  @Override
  protected Map<String, String> prepare() {
    return Map.of(
        "limit",
        "100",
        "academicYear",
        ExchangeApi.YEAR,
        "institution",
        "qau.edu.pk",
        "countryPair",
        "PK-BY",
        "iscedCode",
        "0613");
  }

  @Override
  protected Set<String> secretParameters() {
    return Set.of("agreementId", "programId", "mobilityId");
  }

  /**
   * The universities are no parties to the confidential memorandum, so they may not name it: a
   * registrar creates the programme (binding both). qau.edu.pk then applies for the seeded
   * scholarship for the accepted mobility, so the scholarship's application list reaches the secret
   * too (its funder is a party; outsiders must see nothing).
   */
  @Override
  protected Secret reveal() {
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publishConfidential(
        agreement, "entered-into-force", "IN_FORCE", 3, "most.gov.pk", "gknt.gov.by");
    Map<String, Object> body = program(agreement.toString(), "qau.edu.pk", "bsu.by", terms(5, 5));
    Response created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> create(TestTokens.registrar(), body), r -> r.statusCode() == 201);
    String programId = created.path("id");
    as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/programs/" + programId + "/opening")
        .then()
        .statusCode(200);
    String mobilityId =
        as(TestTokens.partner("qau.edu.pk"))
            .body(nomination(programId, "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(TestTokens.partner("bsu.by"))
        .post("/api/v1/mobilities/" + mobilityId + "/acceptance")
        .then()
        .statusCode(200);
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("mobilityId", mobilityId))
        .post("/api/v1/scholarships/" + ScholarshipResource.EXAMPLE_ID + "/applications")
        .then()
        .statusCode(201);
    return new Secret(
        Map.of(
            "agreementId", agreement.toString(), "programId", programId, "mobilityId", mobilityId),
        List.of(
            (String) body.get("code"), "C/" + agreement.toString().substring(0, 8).toUpperCase()));
  }

  @Override
  protected String value(String template, String parameter, Map<String, String> values) {
    if ("id".equals(parameter)) {
      return template.startsWith("/api/v1/programs/")
          ? values.get("programId")
          : template.startsWith("/api/v1/mobilities/") ? values.get("mobilityId") : null;
    }
    return values.get(parameter);
  }

  @Override
  protected List<String> outsiders() {
    return Arrays.asList(
        null, TestTokens.partner("cuc.edu.cn"), TestTokens.partner("comsats.edu.pk"));
  }

  @Override
  protected String insider() {
    return TestTokens.partner("qau.edu.pk");
  }
}
