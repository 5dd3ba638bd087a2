package org.eurasia.registry.agreements.webhooks;

import static org.eurasia.registry.agreements.webhooks.WebhookDeliveryTest.WEBHOOKS;
import static org.eurasia.registry.agreements.webhooks.WebhookDeliveryTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may subscribe what where: targets inside the network are refused, owners see only theirs. */
@QuarkusTest
@TestProfile(WebhookReceivers.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WebhookSubscriptionTest {

  @Inject EntityManager em;

  private static final String PROBLEM = "application/problem+json";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/hooks",
        "http://192.168.1.10/hooks",
        "http://[fd00::1]/hooks",
        "http://[::ffff:10.0.0.5]/hooks",
        "http://user:secret@127.0.0.1/hooks",
        "file:///etc/passwd"
      })
  void aTargetInsideTheNetworkIsRefusedNamingTheUrl(String url) {
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("url", url, "eventTypes", List.of("*")))
        .post(WEBHOOKS)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("url"));
  }

  @Test
  void aPartnersWebhookIsInvisibleToAnotherOrganisationAndItsSecretShownOnce() {
    var created =
        as(TestTokens.partner("qau.edu.pk"))
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:9/hooks",
                    "eventTypes",
                    List.of("registry.agreement.*")))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
            .body("ownerOrganization", equalTo("qau.edu.pk"))
            .extract();
    String id = created.path("id");
    try {
      // The Location a create answers with names the webhook (every service has the operation;
      // events-service's LocationsTest leaves it to this test).
      as(TestTokens.partner("qau.edu.pk"))
          .get(java.net.URI.create(created.header("Location")).getPath())
          .then()
          .statusCode(200)
          .body("id", equalTo(id));
      for (String path : List.of("", "/deliveries")) {
        as(TestTokens.partner("cuc.edu.cn"))
            .get(WEBHOOKS + "/" + id + path)
            .then()
            .statusCode(404)
            .contentType(PROBLEM);
      }
      as(TestTokens.partner("cuc.edu.cn"))
          .header("If-Match", "*")
          .delete(WEBHOOKS + "/" + id)
          .then()
          .statusCode(404);
      as(TestTokens.partner("cuc.edu.cn"))
          .get(WEBHOOKS + "?limit=100")
          .then()
          .statusCode(200)
          .body("items.id", not(hasItem(id)));
      as(TestTokens.partner("qau.edu.pk"))
          .get(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200)
          .header("ETag", "\"0\"")
          .body("secret", nullValue());
      as(TestTokens.partner("qau.edu.pk"))
          .header("If-Match", "\"0\"")
          .body(Map.of("url", "http://127.0.0.1:9/other", "eventTypes", List.of("*")))
          .put(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200)
          .header("ETag", "\"1\"")
          .body("url", equalTo("http://127.0.0.1:9/other"))
          .body("secret", nullValue());
    } finally {
      as(TestTokens.partner("qau.edu.pk"))
          .header("If-Match", "*")
          .delete(WEBHOOKS + "/" + id)
          .then()
          .statusCode(204);
    }
  }

  @Test
  void aSubscriptionRetriedWithItsKeyIsCreatedOnceAndChangesNeedTheCurrentETag() {
    String key = "hook-" + UUID.randomUUID();
    Map<String, Object> hook =
        Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*"));
    var first =
        as(TestTokens.partner("qau.edu.pk"))
            .header("Idempotency-Key", key)
            .body(hook)
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract();
    String id = first.path("id");
    try {
      // A caller whose answer was lost gets it again, the secret included: it has no other way to
      // learn it.
      as(TestTokens.partner("qau.edu.pk"))
          .header("Idempotency-Key", key)
          .body(hook)
          .post(WEBHOOKS)
          .then()
          .statusCode(201)
          .header("Idempotent-Replayed", "true")
          .header("Location", first.header("Location"))
          .body("id", equalTo(id))
          .body("secret", equalTo(first.path("secret")));

      as(TestTokens.partner("qau.edu.pk"))
          .body(hook)
          .put(WEBHOOKS + "/" + id)
          .then()
          .statusCode(428);
      as(TestTokens.partner("qau.edu.pk")).delete(WEBHOOKS + "/" + id).then().statusCode(428);
      as(TestTokens.partner("qau.edu.pk"))
          .header("If-Match", "\"7\"")
          .delete(WEBHOOKS + "/" + id)
          .then()
          .statusCode(412);
      as(TestTokens.partner("qau.edu.pk"))
          .header("If-Match", "\"0\"")
          .delete(WEBHOOKS + "/" + id)
          .then()
          .statusCode(204);
    } finally {
      as(TestTokens.registrar()).header("If-Match", "*").delete(WEBHOOKS + "/" + id);
    }
  }

  @Test
  void aTargetThatTurnedInternalAfterRegistrationIsNeverCalled() {
    String id =
        as(TestTokens.partner("qau.edu.pk"))
            .body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*")))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      // What a DNS change does to a registered name: the stored target now points inside.
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE webhook_subscription SET url = 'http://10.0.0.5/hooks' WHERE id = ?1")
                      .setParameter(1, UUID.fromString(id))
                      .executeUpdate());
      as(TestTokens.partner("qau.edu.pk"))
          .post(WEBHOOKS + "/" + id + "/ping")
          .then()
          .statusCode(200)
          .body("delivered", equalTo(false))
          .body("statusCode", nullValue())
          .body("error", org.hamcrest.Matchers.containsString("Target refused, not called"));
    } finally {
      as(TestTokens.partner("qau.edu.pk"))
          .header("If-Match", "*")
          .delete(WEBHOOKS + "/" + id)
          .then()
          .statusCode(204);
    }
  }

  @Test
  void everyFieldIsValidated() {
    List<Map<String, Object>> bodies =
        List.of(
            Map.of("url", "http://127.0.0.1:9/" + "x".repeat(2000), "eventTypes", List.of("*")),
            Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of()),
            Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", Collections.nCopies(21, "*")),
            Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("Registry.Agreement")),
            Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("a.*.b")),
            Map.of(
                "url",
                "http://127.0.0.1:9/hooks",
                "eventTypes",
                List.of("*"),
                "description",
                "d".repeat(501)));
    for (Map<String, Object> body : bodies) {
      as(TestTokens.partner("qau.edu.pk"))
          .body(body)
          .post(WEBHOOKS)
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
          .contentType(PROBLEM);
    }
  }

  @Test
  void onlyPartnersAndRegistrarsMaySubscribe() {
    WebhookDeliveryTest.as(TestTokens.roleless("qau.edu.pk"))
        .body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*")))
        .post(WEBHOOKS)
        .then()
        .statusCode(403);
    io.restassured.RestAssured.given().get(WEBHOOKS).then().statusCode(401);
  }
}
