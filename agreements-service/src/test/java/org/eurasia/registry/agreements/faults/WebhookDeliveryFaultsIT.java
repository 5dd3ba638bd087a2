package org.eurasia.registry.agreements.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks under real faults (issue 19): the packaged agreements-service runs as its own process;
 * the partner's receiver is down for about a minute while the registry writes, and the service is
 * killed (SIGKILL) while deliveries wait for their next attempt. When the receiver is back every
 * change arrives, signed, each record's changes in their order, none lost.
 */
class WebhookDeliveryFaultsIT {

  static final String SERVICE = "agreements-service";
  static final Duration WAIT = Duration.ofSeconds(120);
  static final ObjectMapper JSON = new ObjectMapper();

  static RunningSuite suite;
  static HttpServer receiver;
  static final AtomicBoolean receiving = new AtomicBoolean(false);
  static final AtomicInteger refused = new AtomicInteger();
  static final List<Delivery> received = new CopyOnWriteArrayList<>();
  static final Set<String> badSignatures = ConcurrentHashMap.newKeySet();
  static volatile String secret;

  record Delivery(String webhookId, String subject, long version, String type) {}

  @BeforeAll
  static void startTheServiceAndAReceiver() throws Exception {
    suite = RunningSuite.create("webhook-faults");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (!receiving.get()) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
          String text = new String(body, StandardCharsets.UTF_8);
          if (!signed(id, timestamp, text, signature)) {
            badSignatures.add(String.valueOf(id));
          }
          JsonNode event = JSON.readTree(body);
          received.add(
              new Delivery(
                  id,
                  event.path("subject").asText(),
                  event.path("aggregateversion").asLong(),
                  event.path("type").asText()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    suite.start(
        SERVICE,
        Path.of("").toAbsolutePath(),
        // Retries compressed from a day to about two minutes, so the test can outlast them.
        Map.of("REGISTRY_WEBHOOKS_RETRY_SCHEDULE", "1s,2s,4s,8s,15s,15s,15s,15s,15s,15s"));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (receiver != null) {
      receiver.stop(0);
    }
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void aReceiverDownForOverAMinuteAndAKilledServiceLoseNothingAndKeepEachRecordsOrder()
      throws Exception {
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    subscription.put("eventTypes", List.of("registry.organization.*"));
    subscription.put("description", "fault test");
    secret =
        suite
            .asRegistrar(SERVICE)
            .body(subscription)
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = OutboxFaultsIT.register(suite);
      OutboxFaultsIT.rename(suite, id, 0);
      OutboxFaultsIT.rename(suite, id, 1);
      ids.add(id);
    }
    // Deliveries are being refused and retried.
    await().atMost(WAIT).until(() -> refused.get() >= 8);
    // Killed while attempts wait for their turn: nothing in memory survives.
    suite.kill(SERVICE);
    Thread.sleep(10_000);
    suite.restart(SERVICE);
    // The restarted service retries on its own schedule while the receiver is still down.
    Thread.sleep(25_000);
    receiving.set(true);

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> distinctFor(ids) >= ids.size() * 3);
    assertTrue(badSignatures.isEmpty(), "every delivery verifies: " + badSignatures);
    for (String id : ids) {
      List<Long> versions = firstArrivals(id);
      assertEquals(List.of(0L, 1L, 2L), versions, "each change once, in order, for " + id);
    }
  }

  /** Versions of a record in the order they first arrived (a redelivery may repeat one). */
  private static List<Long> firstArrivals(String id) {
    List<Long> versions = new ArrayList<>();
    for (Delivery d : received) {
      if (d.subject().equals(id) && !versions.contains(d.version())) {
        versions.add(d.version());
      }
    }
    return versions;
  }

  private static long distinctFor(List<String> ids) {
    return received.stream()
        .filter(d -> ids.contains(d.subject()))
        .map(Delivery::webhookId)
        .distinct()
        .count();
  }

  /** The Standard Webhooks signature, computed independently of the service's code. */
  static boolean signed(String id, String timestamp, String body, String signatures) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String signature : signatures == null ? new String[0] : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
