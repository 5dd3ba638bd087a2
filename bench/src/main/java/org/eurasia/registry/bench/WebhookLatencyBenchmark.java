package org.eurasia.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eurasia.registry.local.KafkaBroker;
import org.eurasia.registry.local.PostgresServer;
import org.eurasia.registry.local.ServiceProcess;

/**
 * Webhook latency: commit in agreements-service → a partner's receiver has the delivery, at a
 * steady write rate (issue 19: p99 ≤ 250 ms at 100 writes/s).
 *
 * <p>A receiver in this process (the JDK's HTTP server on 127.0.0.1) subscribes to {@code
 * registry.organization.*} through the service's own API ({@code POST /api/v1/webhooks}), then
 * organizations are registered over HTTP at {@code rate} writes/s. Latency of a delivery = the
 * instant the receiver got it minus the CloudEvent's {@code time} (taken inside the writing
 * transaction), so it covers commit, fan-out, the dispatcher's wake-up and the HTTP call. Every
 * delivery's signature is checked with the subscription's secret, and every acknowledged write must
 * arrive exactly once (counted by {@code webhook-id}). The service needs {@link #ENVIRONMENT} to
 * call a loopback receiver over plain HTTP.
 */
public final class WebhookLatencyBenchmark {

  /** What a service needs to deliver to this process's receiver (refused by default: SSRF). */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "REGISTRY_WEBHOOKS_ALLOWED_TARGETS",
          "127.0.0.0/8",
          "REGISTRY_WEBHOOKS_REQUIRE_HTTPS",
          "false");

  static final String REGISTERED = "registry.organization.registered.v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    Path work = Files.createTempDirectory("bench-webhook-latency");
    Path publicKey = work.resolve("public.pem");
    KeyPair keys = EventLatencyBenchmark.signingKeys(publicKey);
    String token = EventLatencyBenchmark.token(keys);
    Map<String, String> environment = new HashMap<>(ENVIRONMENT);
    environment.put("REGISTRY_SEED_ENABLED", "false");
    // One token drives all the load: the per-token write limit would measure itself.
    environment.put("REGISTRY_RATE_LIMIT_ENABLED", "false");

    try (PostgresServer postgres =
            PostgresServer.start(work.resolve("postgres"), EventLatencyBenchmark.freePort());
        KafkaBroker kafka =
            KafkaBroker.start(
                work.resolve("kafka"),
                EventLatencyBenchmark.freePort(),
                EventLatencyBenchmark.freePort(),
                work.resolve("kafka.log"));
        ServiceProcess service =
            ServiceProcess.start(
                "agreements-service",
                root.resolve("agreements-service"),
                EventLatencyBenchmark.freePort(),
                postgres.jdbcUrl(),
                kafka.bootstrapServers(),
                publicKey,
                work.resolve("agreements-service.log"),
                environment)) {
      service.awaitReady(Duration.ofSeconds(120));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      try (Receiver receiver = Receiver.subscribe(http, service.baseUrl(), token)) {
        // Warm-up: JIT, connection pools, the dispatcher's connection to the receiver.
        receiver.drive(Math.max(1, rate / 2), 10);
        for (int run = 1; run <= runs; run++) {
          Result r = receiver.drive(rate, seconds);
          System.out.printf(
              java.util.Locale.ROOT,
              "RESULT run=%d rate=%d seconds=%d writes=%d failed=%d delivered=%d missing=%d duplicates=%d"
                  + " bad_signatures=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f achieved_rate=%.1f%n",
              run,
              rate,
              seconds,
              r.writes(),
              r.failed(),
              r.delivered(),
              r.missing(),
              r.duplicates(),
              r.badSignatures(),
              EventLatencyBenchmark.percentile(r.latencies(), 50),
              EventLatencyBenchmark.percentile(r.latencies(), 99),
              EventLatencyBenchmark.percentile(r.latencies(), 100),
              r.writes() / (double) seconds);
        }
      }
    }
  }

  /**
   * One run's figures: acknowledged and failed writes, writes whose event arrived, never arrived,
   * extra copies (same {@code webhook-id} again), deliveries whose signature did not verify, and
   * the latency of each first delivery (ms).
   */
  record Result(
      int writes,
      int failed,
      int delivered,
      int missing,
      int duplicates,
      int badSignatures,
      List<Double> latencies) {}

  /** One delivery as the receiver saw it. */
  private record Delivery(
      String webhookId, String type, String subject, double latencyMillis, boolean signed) {}

  /**
   * A partner's receiver: an HTTP server on 127.0.0.1 with one subscription to {@code
   * registry.organization.*}. Closing it cancels the subscription and stops the server.
   */
  static final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private volatile byte[] key;
    private String subscriptionId;

    private Receiver(HttpClient http, String baseUrl, String token) throws IOException {
      this.http = http;
      this.baseUrl = baseUrl;
      this.token = token;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      server.createContext("/hook", this::receive);
      // A few threads: the dispatcher sends up to 4 deliveries of one subscription at once.
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.start();
    }

    /**
     * Starts the receiver and subscribes it; fails clearly when the service has no webhooks API or
     * refuses the loopback target.
     */
    static Receiver subscribe(HttpClient http, String baseUrl, String token) throws Exception {
      Receiver receiver = new Receiver(http, baseUrl, token);
      String url = "http://127.0.0.1:" + receiver.server.getAddress().getPort() + "/hook";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/webhooks"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"url\":\""
                              + url
                              + "\",\"eventTypes\":[\"registry.organization.*\"],"
                              + "\"description\":\"bench receiver\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        receiver.server.stop(0);
        throw new IllegalStateException(
            "POST "
                + baseUrl
                + "/api/v1/webhooks answered "
                + response.statusCode()
                + " (expected 201): "
                + response.body()
                + (response.statusCode() == 404
                    ? "\nThis build has no webhooks API (issue 19's platform webhooks)."
                    : "\nThe service needs "
                        + ENVIRONMENT
                        + " to deliver to a loopback receiver."));
      }
      JsonNode created = JSON.readTree(response.body());
      receiver.subscriptionId = created.path("id").asText();
      String secret = created.path("secret").asText();
      receiver.key =
          Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
      System.out.println("WEBHOOK-SUBSCRIBED " + receiver.subscriptionId + " " + url);
      return receiver;
    }

    private void receive(HttpExchange exchange) throws IOException {
      Instant now = Instant.now();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      Delivery delivery;
      try {
        JsonNode event = JSON.readTree(body);
        JsonNode at = event.path("time");
        // ISO-8601 as the CloudEvents JSON format says; seconds since the epoch if written as one.
        Instant time =
            at.isNumber()
                ? Instant.ofEpochSecond(0, (long) (at.asDouble() * 1e9))
                : OffsetDateTime.parse(at.asText()).toInstant();
        delivery =
            new Delivery(
                id,
                event.path("type").asText(),
                event.path("subject").asText(),
                Duration.between(time, now).toNanos() / 1_000_000.0,
                verifies(id, timestamp, signature, body));
      } catch (RuntimeException | IOException e) {
        System.err.println("Unreadable delivery " + id + ": " + e);
        delivery = new Delivery(id, "", "", Double.NaN, false);
      }
      synchronized (deliveries) {
        deliveries.add(delivery);
      }
    }

    /** Standard Webhooks: {@code v1,} base64 HMAC-SHA256 of {@code id.timestamp.body}. */
    private boolean verifies(String id, String timestamp, String signature, byte[] body) {
      if (id == null || timestamp == null || signature == null || key == null) {
        return false;
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected =
            ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes();
        // The header may carry several space-separated signatures (key rotation).
        for (String candidate : signature.split(" ")) {
          if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
            return true;
          }
        }
        return false;
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Registers organizations at {@code rate} writes/s for {@code seconds}, then waits (at most 30
     * s) until each acknowledged write's event has arrived.
     */
    Result drive(int rate, int seconds) throws Exception {
      synchronized (deliveries) {
        deliveries.clear();
      }
      Set<String> written = ConcurrentHashMap.newKeySet();
      int failed =
          EventLatencyBenchmark.registerOrganizations(http, baseUrl, token, rate, seconds, written);
      Instant deadline = Instant.now().plusSeconds(30);
      while (arrived(written).size() < written.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      // Copies sent again after a lost acknowledgement come late: give them a moment to show.
      Thread.sleep(1_000);
      List<Delivery> ours;
      synchronized (deliveries) {
        ours =
            deliveries.stream()
                .filter(d -> REGISTERED.equals(d.type()) && written.contains(d.subject()))
                .toList();
      }
      Set<String> firstSeen = new HashSet<>();
      List<Double> latencies = new ArrayList<>();
      int duplicates = 0;
      int badSignatures = 0;
      for (Delivery d : ours) {
        if (!d.signed()) {
          badSignatures++;
        }
        if (firstSeen.add(d.webhookId())) {
          latencies.add(d.latencyMillis());
        } else {
          duplicates++;
        }
      }
      int delivered = arrived(written).size();
      return new Result(
          written.size(),
          failed,
          delivered,
          written.size() - delivered,
          duplicates,
          badSignatures,
          latencies);
    }

    private Set<String> arrived(Set<String> written) {
      Set<String> subjects = new HashSet<>();
      synchronized (deliveries) {
        for (Delivery d : deliveries) {
          if (REGISTERED.equals(d.type()) && written.contains(d.subject())) {
            subjects.add(d.subject());
          }
        }
      }
      return subjects;
    }

    @Override
    public void close() throws Exception {
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/v1/webhooks/" + subscriptionId))
                        .header("Authorization", "Bearer " + token)
                        // Whatever version the subscription reached while the bench ran.
                        .header("If-Match", "*")
                        .DELETE()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status / 100 != 2) {
          System.err.println(
              "Could not cancel the bench's webhook subscription "
                  + subscriptionId
                  + ": "
                  + status);
        }
      } finally {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      }
    }
  }
}
