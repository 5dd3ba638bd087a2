package org.eurasia.registry.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eurasia.registry.local.KafkaBroker;
import org.eurasia.registry.local.PostgresServer;
import org.eurasia.registry.local.ServiceProcess;

/**
 * Event latency: commit in agreements-service → record consumed by another process, at a steady
 * write rate.
 *
 * <p>Starts an embedded PostgreSQL, a forked Kafka broker and the packaged agreements-service,
 * warms up, then registers organizations over HTTP at {@code rate} writes/s for {@code seconds}
 * while a consumer in this JVM reads {@code registry.organizations}. Latency of an event = the
 * instant it was consumed minus its {@code ce_time} (taken inside the writing transaction, just
 * before commit), so it covers commit, NOTIFY, relay, broker and consumer. Prints one result line
 * per run; bench/run.sh repeats runs and writes RESULTS.md.
 */
public final class EventLatencyBenchmark {

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    Path work = Files.createTempDirectory("bench-event-latency");
    Path publicKey = work.resolve("public.pem");
    KeyPair keys = signingKeys(publicKey);
    String token = token(keys);

    try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), freePort());
        KafkaBroker kafka =
            KafkaBroker.start(
                work.resolve("kafka"), freePort(), freePort(), work.resolve("kafka.log"));
        ServiceProcess service =
            ServiceProcess.start(
                "agreements-service",
                root.resolve("agreements-service"),
                freePort(),
                postgres.jdbcUrl(),
                kafka.bootstrapServers(),
                publicKey,
                work.resolve("agreements-service.log"),
                // One token drives all the load: the per-token write limit would measure itself,
                // not the outbox.
                Map.of("REGISTRY_SEED_ENABLED", "false", "REGISTRY_RATE_LIMIT_ENABLED", "false"))) {
      service.awaitReady(Duration.ofSeconds(120));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      // Warm-up: JIT, connection pools, topic metadata.
      drive(http, service, token, kafka.bootstrapServers(), 100, 10);
      for (int run = 1; run <= runs; run++) {
        Result result = drive(http, service, token, kafka.bootstrapServers(), rate, seconds);
        System.out.printf(
            "RESULT run=%d rate=%d seconds=%d writes=%d failed=%d events=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f achieved_rate=%.1f%n",
            run,
            rate,
            seconds,
            result.writes,
            result.failed,
            result.latencies.size(),
            percentile(result.latencies, 50),
            percentile(result.latencies, 99),
            percentile(result.latencies, 100),
            result.writes / (double) seconds);
      }
    }
  }

  static Result drive(
      HttpClient http,
      ServiceProcess service,
      String token,
      String bootstrap,
      int rate,
      int seconds)
      throws Exception {
    Set<String> expected = ConcurrentHashMap.newKeySet();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean consuming = new AtomicBoolean(true);
    AtomicInteger assigned = new AtomicInteger();
    Thread consumer =
        new Thread(
            () -> consume(bootstrap, expected, latencies, consuming, assigned), "bench-consumer");
    consumer.start();
    while (assigned.get() == 0) {
      Thread.sleep(50);
    }
    int total = rate * seconds;
    int failed = registerOrganizations(http, service.baseUrl(), token, rate, seconds, expected);
    Instant deadline = Instant.now().plusSeconds(30);
    while (latencies.size() < expected.size() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    consuming.set(false);
    consumer.join();
    return new Result(total - failed, failed, new ArrayList<>(latencies));
  }

  /**
   * Registers organizations at {@code rate} writes/s for {@code seconds}, each at its due instant
   * whatever the answers before it (open loop), and collects the ids of those created.
   *
   * @return the writes that failed
   */
  static int registerOrganizations(
      HttpClient http, String baseUrl, String token, int rate, int seconds, Set<String> created)
      throws InterruptedException {
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String code =
          "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".edu.pk";
      String body =
          "{\"code\":\""
              + code
              + "\",\"kind\":\"UNIVERSITY\",\"names\":{\"en\":\"Bench\"},\"country\":\"PK\"}";
      inFlight.add(
          http.sendAsync(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/organizations"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  response -> {
                    if (response.statusCode() == 201) {
                      String id = response.body().substring(7, 43);
                      created.add(id);
                    } else if (failed.incrementAndGet() == 1) {
                      System.err.println(
                          "First failed write: " + response.statusCode() + " " + response.body());
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    return failed.get();
  }

  private static void consume(
      String bootstrap,
      Set<String> expected,
      List<Double> latencies,
      AtomicBoolean consuming,
      AtomicInteger assigned) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                10,
                // The relay publishes in Kafka transactions: measure when consumers may see it.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()))) {
      consumer.subscribe(List.of("registry.organizations"));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);
      assigned.set(1);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      while (consuming.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          Instant now = Instant.now();
          var time = record.headers().lastHeader("ce_time");
          if (time != null && seen.add(record.key())) {
            Instant occurred =
                OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant();
            latencies.add(Duration.between(occurred, now).toNanos() / 1_000_000.0);
          }
        }
      }
    }
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** A registrar's token, valid for an hour. */
  /**
   * A fresh RSA key pair for the run's tokens; its public half is written (PEM) where the services
   * read it.
   */
  static KeyPair signingKeys(Path publicKey) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return keys;
  }

  static String token(KeyPair keys) throws Exception {
    return token(keys, "bench@registry.local", "registrar", null);
  }

  /**
   * A token for {@code role}, acting for {@code organization} (the {@code org} claim) unless null.
   */
  static String token(KeyPair keys, String subject, String role, String organization)
      throws Exception {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String header =
        url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        url.encodeToString(
            ("{\"iss\":\"https://registry.local/issuer\",\"aud\":\"registry\",\"upn\":\""
                    + subject
                    + "\","
                    + (organization == null ? "" : "\"org\":\"" + organization + "\",")
                    + "\"groups\":[\""
                    + role
                    + "\"],\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 3600)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update((header + "." + payload).getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + url.encodeToString(rsa.sign());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  record Result(int writes, int failed, List<Double> latencies) {}
}
