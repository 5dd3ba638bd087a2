package org.eurasia.registry.agreements.webhooks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.eurasia.registry.platform.webhooks.WebhookDeliveries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, with real receivers on loopback: signed deliveries, order per record, no
 * loss while a receiver is away or a dispatcher dies, 410 and exhaustion, and a slow receiver that
 * delays nobody else.
 */
@QuarkusTest
@TestProfile(WebhookReceivers.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

  static final String WEBHOOKS = "/api/v1/webhooks";
  static final String ORGANIZATIONS = "/api/v1/organizations";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Inject EntityManager em;

  @Inject WebhookDeliveries webhookDeliveries;

  private final List<Receiver> receivers = new ArrayList<>();
  private final List<String> subscriptions = new ArrayList<>();

  record Subscription(String id, String secret) {}

  static RequestSpecification as(String token) {
    return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
  }

  Receiver receiver() throws Exception {
    Receiver receiver = new Receiver();
    receivers.add(receiver);
    return receiver;
  }

  Subscription subscribe(String token, Receiver receiver, String... types) {
    Response created =
        as(token)
            .body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .extract()
            .response();
    Subscription subscription = new Subscription(created.path("id"), created.path("secret"));
    subscriptions.add(subscription.id());
    return subscription;
  }

  static String registerOrganization() {
    String code = "w" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
    return as(TestTokens.registrar())
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "Hook " + code),
                "country",
                "PK"))
        .post(ORGANIZATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void renameOrganization(String id, int version, String name) {
    as(TestTokens.registrar())
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("kind", "UNIVERSITY", "names", Map.of("en", name), "country", "PK"))
        .put(ORGANIZATIONS + "/" + id)
        .then()
        .statusCode(200);
  }

  static String status(String subscription) {
    return as(TestTokens.registrar())
        .get(WEBHOOKS + "/" + subscription)
        .then()
        .extract()
        .path("status");
  }

  @AfterEach
  void cleanUp() {
    receivers.forEach(Receiver::close);
    // Nothing of these tests may go on being delivered while other tests run.
    for (String id : subscriptions) {
      as(TestTokens.registrar()).header("If-Match", "*").delete(WEBHOOKS + "/" + id);
    }
  }

  /** Verifies as a partner would, with the published algorithm and nothing of the service's. */
  static void assertSignedBy(String secret, Receiver.Request request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body())
                        .getBytes(StandardCharsets.UTF_8)));
    List<String> signatures = new ArrayList<>();
    for (String signature : request.signature().split(" ")) {
      signatures.add(signature.substring(signature.indexOf(',') + 1));
    }
    assertTrue(signatures.contains(expected), "signature " + request.signature());
    long age = Instant.now().getEpochSecond() - Long.parseLong(request.timestamp());
    assertTrue(Math.abs(age) < 300, "timestamp " + request.timestamp());
  }

  @Test
  void anOrganizationsRegistrationArrivesAsASignedCloudEvent() throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.*");
    assertTrue(subscription.secret().startsWith("whsec_"));
    String id = registerOrganization();

    await().atMost(DEADLINE).until(() -> !receiver.about(id).isEmpty());
    Receiver.Request request = receiver.about(id).get(0);
    assertSignedBy(subscription.secret(), request);
    assertEquals("application/cloudevents+json", request.contentType());
    assertEquals("registry.organization.registered.v1", request.event().path("type").asText());
    assertEquals(request.id(), request.event().path("id").asText());
    assertEquals("1.0", request.event().path("specversion").asText());
    assertEquals("organization", request.event().path("aggregatetype").asText());
    assertNotNull(request.event().path("data").path("code").textValue());
    // The same CloudEvent the change feed serves.
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                given()
                    .get("/api/v1/changes?types=registry.organization.registered.v1&limit=500")
                    .then()
                    .extract()
                    .<List<String>>path("items.id")
                    .contains(request.id()));
    // The secret is never shown again.
    as(TestTokens.registrar())
        .get(WEBHOOKS + "/" + subscription.id())
        .then()
        .statusCode(200)
        .body("secret", org.hamcrest.Matchers.nullValue())
        .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
  }

  @Test
  void aReceiverThatWasAwayGetsEveryDeliveryInEachRecordsOrder() throws Exception {
    Receiver receiver = receiver();
    subscribe(TestTokens.registrar(), receiver, "registry.organization.*");
    receiver.answer(503);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = registerOrganization();
      ids.add(id);
      renameOrganization(id, 0, "Renamed once " + id);
      renameOrganization(id, 1, "Renamed twice " + id);
    }
    await().atMost(DEADLINE).until(() -> receiver.requests().size() >= 3);
    receiver.goAway(); // now connections are refused
    Thread.sleep(700);
    receiver.comeBack();
    receiver.answer(200);

    for (String id : ids) {
      await()
          .atMost(DEADLINE)
          .until(() -> receiver.about(id).stream().filter(Receiver.Request::accepted).count() >= 3);
      List<Long> versions =
          receiver.about(id).stream()
              .filter(Receiver.Request::accepted)
              .map(r -> r.event().path("aggregateversion").asLong())
              .toList();
      assertEquals(List.of(0L, 1L, 2L), versions, "deliveries of " + id + " in arrival order");
      // A later change was never sent before an earlier one was acknowledged.
      List<Long> attempted =
          receiver.about(id).stream()
              .map(r -> r.event().path("aggregateversion").asLong())
              .toList();
      for (int i = 1; i < attempted.size(); i++) {
        assertTrue(attempted.get(i) >= attempted.get(i - 1), "attempt order " + attempted);
      }
    }
  }

  @Test
  void aDeliveryClaimedByADispatcherThatDiedIsSentWhenTheLeaseExpires() throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.registered.v1");
    // Paused, nothing is claimed; then a "dead" dispatcher's claim is left on the delivery.
    setStatus(subscription.id(), "PAUSED");
    String id = registerOrganization();
    Instant claimedUntil = Instant.now().plusSeconds(3);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "UPDATE webhook_delivery SET claimed_until = clock_timestamp() + interval '3 seconds'"
                          + " WHERE subscription_id = ?1 AND record_id = ?2")
                  .setParameter(1, UUID.fromString(subscription.id()))
                  .setParameter(2, id)
                  .executeUpdate();
              em.createNativeQuery(
                      "UPDATE webhook_subscription SET status = 'ACTIVE' WHERE id = ?1")
                  .setParameter(1, UUID.fromString(subscription.id()))
                  .executeUpdate();
            });
    Thread.sleep(1500);
    assertTrue(receiver.about(id).isEmpty(), "sent while another dispatcher's lease held");
    await().atMost(DEADLINE).until(() -> !receiver.about(id).isEmpty());
    assertTrue(!Instant.now().isBefore(claimedUntil.minusMillis(500)));
  }

  @Test
  void aGoneReceiverDisablesTheWebhookAndCancelsWhatItHadPending() throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.*");
    receiver.answer(410);
    String id = registerOrganization();
    renameOrganization(id, 0, "Renamed " + id);
    await().atMost(DEADLINE).until(() -> "DISABLED".equals(status(subscription.id())));
    String reason =
        as(TestTokens.registrar())
            .get(WEBHOOKS + "/" + subscription.id())
            .then()
            .extract()
            .path("statusReason");
    assertTrue(reason.contains("410"), reason);
    as(TestTokens.registrar())
        .get(WEBHOOKS + "/" + subscription.id() + "/deliveries?status=PENDING")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());
    // A disabled webhook collects nothing more.
    String later = registerOrganization();
    Thread.sleep(500);
    assertEquals(0L, deliveriesOf(subscription.id(), later));
    assertEquals(1, receiver.about(id).size());
  }

  @Test
  void aWebhookThatKeepsFailingIsPausedWithTheReasonAndResumptionDeliversEverything()
      throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.*");
    receiver.answer(500);
    String id = registerOrganization();
    // Five attempts: the first and one after each of the four waits of the test schedule.
    await().atMost(DEADLINE).until(() -> "PAUSED".equals(status(subscription.id())));
    Response webhook = as(TestTokens.registrar()).get(WEBHOOKS + "/" + subscription.id());
    String reason = webhook.path("statusReason");
    assertTrue(reason.contains("since") && reason.contains("answered 500"), reason);
    assertEquals(5, receiver.about(id).size());
    String delivery =
        as(TestTokens.registrar())
            .get(WEBHOOKS + "/" + subscription.id() + "/deliveries?status=PENDING")
            .then()
            .statusCode(200)
            .body("items[0].lastStatusCode", org.hamcrest.Matchers.equalTo(500))
            .extract()
            .path("items[0].id");
    // Changes go on being collected while paused, and nothing is sent.
    renameOrganization(id, 0, "Renamed while paused " + id);
    Thread.sleep(500);
    assertEquals(5, receiver.about(id).size());

    receiver.answer(204);
    as(TestTokens.registrar())
        .post(WEBHOOKS + "/" + subscription.id() + "/resumption")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
    await()
        .atMost(DEADLINE)
        .until(() -> receiver.about(id).stream().filter(Receiver.Request::accepted).count() == 2);
    as(TestTokens.registrar())
        .get(WEBHOOKS + "/" + subscription.id() + "/deliveries/" + delivery)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"))
        .body("attemptLog.size()", org.hamcrest.Matchers.equalTo(6))
        .body("attemptLog[5].statusCode", org.hamcrest.Matchers.equalTo(204));
  }

  @Test
  void aSlowReceiverDelaysNoOtherWebhook() throws Exception {
    Receiver slow = receiver();
    slow.delay(Duration.ofSeconds(3));
    Receiver fast = receiver();
    subscribe(TestTokens.registrar(), slow, "registry.organization.*");
    subscribe(TestTokens.registrar(), fast, "registry.organization.*");
    List<String> ids = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      ids.add(registerOrganization());
    }
    long writes = (System.nanoTime() - started) / 1_000_000;
    assertTrue(writes < 2500, "six writes took " + writes + " ms");
    for (String id : ids) {
      await().atMost(Duration.ofMillis(2000)).until(() -> !fast.about(id).isEmpty());
    }
    // The slow receiver is still busy with its first deliveries.
    assertTrue(
        slow.requests().size() < ids.size(), "slow receiver answered " + slow.requests().size());
  }

  @Test
  void aPingIsSentNowAndLoggedAndADeliveryCanBeSentAgainWithItsId() throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.registered.v1");
    as(TestTokens.registrar())
        .post(WEBHOOKS + "/" + subscription.id() + "/ping")
        .then()
        .statusCode(200)
        .body("delivered", org.hamcrest.Matchers.equalTo(true))
        .body("statusCode", org.hamcrest.Matchers.equalTo(200));
    assertEquals(
        "registry.webhook.ping.v1", receiver.requests().get(0).event().path("type").asText());
    assertSignedBy(subscription.secret(), receiver.requests().get(0));

    String id = registerOrganization();
    await().atMost(DEADLINE).until(() -> receiver.about(id).size() == 1);
    String delivery =
        as(TestTokens.registrar())
            .get(WEBHOOKS + "/" + subscription.id() + "/deliveries?status=DELIVERED&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.recordId == '" + id + "' }.id");
    as(TestTokens.registrar())
        .post(WEBHOOKS + "/" + subscription.id() + "/deliveries/" + delivery + "/redelivery")
        .then()
        .statusCode(202)
        .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
    await().atMost(DEADLINE).until(() -> receiver.about(id).size() == 2);
    assertEquals(receiver.about(id).get(0).id(), receiver.about(id).get(1).id());
  }

  @Test
  void pruningDropsDeliveredAndCancelledDeliveriesButNeverPendingOnes() throws Exception {
    Receiver receiver = receiver();
    Subscription subscription =
        subscribe(TestTokens.registrar(), receiver, "registry.organization.registered.v1");
    as(TestTokens.registrar())
        .post(WEBHOOKS + "/" + subscription.id() + "/ping")
        .then()
        .statusCode(200);
    setStatus(subscription.id(), "PAUSED");
    String id = registerOrganization();
    assertEquals(1L, deliveriesOf(subscription.id(), id));

    webhookDeliveries.prune(Instant.now().plus(Duration.ofDays(1)));

    assertEquals(1L, deliveriesOf(subscription.id(), id));
    as(TestTokens.registrar())
        .get(WEBHOOKS + "/" + subscription.id() + "/deliveries")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1))
        .body("items[0].status", org.hamcrest.Matchers.equalTo("PENDING"));
  }

  private void setStatus(String subscription, String status) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("UPDATE webhook_subscription SET status = ?2 WHERE id = ?1")
                    .setParameter(1, UUID.fromString(subscription))
                    .setParameter(2, status)
                    .executeUpdate());
  }

  private long deliveriesOf(String subscription, String recordId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?1"
                                    + " AND record_id = ?2")
                            .setParameter(1, UUID.fromString(subscription))
                            .setParameter(2, recordId)
                            .getSingleResult())
                    .longValue());
  }
}
