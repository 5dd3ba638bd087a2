package org.eurasia.registry.agreements.webhooks;

import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.agreements.webhooks.WebhookDeliveryTest.WEBHOOKS;
import static org.eurasia.registry.agreements.webhooks.WebhookDeliveryTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A confidential agreement reaches its parties' webhooks and the registrars', and never the webhook
 * of a partner that is no party to it, although that partner subscribed to every type.
 */
@QuarkusTest
@TestProfile(WebhookReceivers.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WebhookConfidentialityTest {

  @Test
  void aConfidentialAgreementReachesOnlyItsPartiesAndRegistrars() throws Exception {
    List<String> subscriptions = new ArrayList<>();
    try (Receiver outsider = new Receiver();
        Receiver party = new Receiver();
        Receiver registrar = new Receiver()) {
      subscriptions.add(subscribe(TestTokens.partner("cuc.edu.cn"), outsider, "*"));
      subscriptions.add(subscribe(TestTokens.partner("bsu.by"), party, "registry.agreement.*"));
      subscriptions.add(subscribe(TestTokens.registrar(), registrar, "registry.agreement.*"));

      String marker = "zqsecret" + UUID.randomUUID().toString().substring(0, 8);
      String confidential = draft("CONFIDENTIAL", marker);
      String open = draft("PUBLIC", "open " + UUID.randomUUID());

      await().atMost(Duration.ofSeconds(20)).until(() -> !registrar.about(confidential).isEmpty());
      await().atMost(Duration.ofSeconds(20)).until(() -> !party.about(confidential).isEmpty());
      // The public one reaches the outsider: its webhook works, it is only kept from the other.
      await().atMost(Duration.ofSeconds(20)).until(() -> !outsider.about(open).isEmpty());
      Thread.sleep(500);
      assertEquals(0, outsider.about(confidential).size());
      assertTrue(
          outsider.requests().stream().noneMatch(r -> r.body().contains(marker)),
          "the outsider received the confidential agreement's title");
      as(TestTokens.partner("cuc.edu.cn"))
          .get(WEBHOOKS + "/" + subscriptions.get(0) + "/deliveries?limit=100")
          .then()
          .statusCode(200)
          .body(
              "items.recordId",
              org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(confidential)));
    } finally {
      for (String id : subscriptions) {
        as(TestTokens.registrar()).header("If-Match", "*").delete(WEBHOOKS + "/" + id);
      }
    }
  }

  private static String subscribe(String token, Receiver receiver, String type) {
    return as(token)
        .body(Map.of("url", receiver.url(), "eventTypes", List.of(type)))
        .post(WEBHOOKS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String draft(String visibility, String title) {
    Map<String, Object> terms = new HashMap<>();
    terms.put("kind", "MEMORANDUM_OF_UNDERSTANDING");
    terms.put("visibility", visibility);
    terms.put("title", Map.of("en", "Memorandum " + title));
    terms.put(
        "parties",
        List.of(
            Map.of("organizationCode", "qau.edu.pk", "role", "SIGNATORY"),
            Map.of("organizationCode", "bsu.by", "role", "SIGNATORY")));
    terms.put("fields", List.of("SCIENCE_AND_TECHNOLOGY"));
    terms.put("iscedCodes", List.of("0533"));
    terms.put("durationMonths", 60);
    String code = "PK-BY/MOU/2026/W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", terms))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
