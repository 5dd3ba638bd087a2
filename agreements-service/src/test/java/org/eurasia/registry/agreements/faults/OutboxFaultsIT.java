package org.eurasia.registry.agreements.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.local.KafkaBroker;
import org.eurasia.registry.local.PostgresServer;
import org.eurasia.registry.local.ServiceProcess;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox under real faults: the packaged agreements-service runs as its own process against a real PostgreSQL and
 * a real Kafka broker, and the test takes the broker away, and kills the service, while it writes.
 */
class OutboxFaultsIT {

  static final String TOPIC = "registry.organizations";
  static final Duration WAIT = Duration.ofSeconds(90);

  static Path work;
  static PostgresServer postgres;
  static KafkaBroker kafka;
  static ServiceProcess service;
  static KeyPair keys;
  static Path publicKey;
  static int servicePort;

  @BeforeAll
  static void startTheSuiteForReal() throws Exception {
    work = Files.createTempDirectory("outbox-faults");
    postgres = PostgresServer.start(work.resolve("postgres"), freePort());
    kafka = KafkaBroker.start(work.resolve("kafka"), freePort(), freePort(), work.resolve("kafka.log"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    publicKey = work.resolve("public.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    servicePort = freePort();
    service = startService();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (service != null) {
      service.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void writesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceInOrderWhenItReturns() throws Exception {
    kafka.stop();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = register();
      rename(id, 0);
      rename(id, 1);
      ids.add(id);
    }
    // Kafka is down, yet the service stays ready and reports what waits in the outbox.
    await().atMost(WAIT).untilAsserted(() ->
        given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200)
            .body("checks.find { it.name == 'kafka-and-outbox' }.data.kafkaReachable", org.hamcrest.Matchers.equalTo(false))
            .body("checks.find { it.name == 'kafka-and-outbox' }.data.outboxBacklog", org.hamcrest.Matchers.greaterThanOrEqualTo(30)));

    kafka.start();
    List<ConsumerRecord<String, byte[]>> records = eventsOf(Set.copyOf(ids), 30);
    assertEquals(30, records.size(), "every write's event arrives, once");
    assertEquals(30, records.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count(), "no duplicates");
    for (String id : ids) {
      assertEquals(
          List.of("0", "1", "2"),
          records.stream().filter(r -> id.equals(r.key())).map(r -> KafkaProbe.header(r, "ce_aggregateversion")).toList(),
          "in version order for " + id);
    }
  }

  @Test
  void anEventCommittedJustBeforeTheServiceWasKilledIsPublishedAfterItRestarts() throws Exception {
    // With Kafka away the relay cannot publish, so the commit is certainly not yet published when the process dies.
    kafka.stop();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(register());
    }
    service.kill();
    kafka.start();
    service = startService();
    List<ConsumerRecord<String, byte[]>> records = eventsOf(ids, 5);
    assertEquals(5, records.size(), "each acknowledged write's event is published after the restart, once");
  }

  private static ServiceProcess startService() throws Exception {
    ServiceProcess started =
        ServiceProcess.start(
            "agreements-service",
            Path.of("").toAbsolutePath(),
            servicePort,
            postgres.jdbcUrl(),
            kafka.bootstrapServers(),
            publicKey,
            work.resolve("agreements-service.log"),
            Map.of("REGISTRY_EVENTS_RELAY_MAX_BACKOFF", "2s"));
    started.awaitReady(Duration.ofSeconds(120));
    return started;
  }

  private static List<ConsumerRecord<String, byte[]>> eventsOf(Set<String> ids, int expected) {
    return KafkaProbe.collect(kafka.bootstrapServers(), TOPIC, r -> ids.contains(r.key()), expected, WAIT, Duration.ofSeconds(2));
  }

  private static RequestSpecification asRegistrar() {
    String token =
        Jwt.upn("registrar@registry.local")
            .issuer("https://registry.local/issuer")
            .audience("registry")
            .groups(Set.of("registrar"))
            .expiresIn(Duration.ofHours(1))
            .sign(keys.getPrivate());
    return given().baseUri(service.baseUrl()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
  }

  private static String register() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "f" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk");
    body.put("kind", "UNIVERSITY");
    body.put("names", Map.of("en", "Fault test university"));
    body.put("country", "PK");
    return asRegistrar().body(body).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
  }

  private static void rename(String id, int version) {
    asRegistrar()
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("kind", "UNIVERSITY", "names", Map.of("en", "Renamed " + version), "country", "PK"))
        .put("/api/v1/organizations/" + id)
        .then()
        .statusCode(200);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
