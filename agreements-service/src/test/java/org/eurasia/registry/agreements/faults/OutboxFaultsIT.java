package org.eurasia.registry.agreements.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox under real faults: the packaged agreements-service runs as its own process against a
 * real PostgreSQL and a real Kafka broker, and the test takes the broker away, and kills the
 * service, while it writes.
 */
class OutboxFaultsIT {

  static final String TOPIC = "registry.organizations";
  static final Duration WAIT = Duration.ofSeconds(90);

  static final String SERVICE = "agreements-service";

  static RunningSuite suite;

  @BeforeAll
  static void startTheSuiteForReal() throws Exception {
    suite = RunningSuite.create("outbox-faults");
    startService();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void writesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceInOrderWhenItReturns()
      throws Exception {
    suite.kafka().stop();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = register();
      rename(id, 0);
      rename(id, 1);
      ids.add(id);
    }
    // Kafka is down, yet the service stays ready and reports what waits in the outbox.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .baseUri(suite.service(SERVICE).managementUrl())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body(
                        "checks.find { it.name == 'kafka-and-outbox' }.data.kafkaReachable",
                        org.hamcrest.Matchers.equalTo(false))
                    .body(
                        "checks.find { it.name == 'kafka-and-outbox' }.data.outboxBacklog",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(30)));

    suite.kafka().start();
    List<ConsumerRecord<String, byte[]>> records = eventsOf(Set.copyOf(ids), 30);
    assertEquals(30, records.size(), "every write's event arrives, once");
    assertEquals(
        30,
        records.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count(),
        "no duplicates");
    for (String id : ids) {
      assertEquals(
          List.of("0", "1", "2"),
          records.stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> KafkaProbe.header(r, "ce_aggregateversion"))
              .toList(),
          "in version order for " + id);
    }
  }

  @Test
  void anEventCommittedJustBeforeTheServiceWasKilledIsPublishedAfterItRestarts() throws Exception {
    // With Kafka away the relay cannot publish, so the commit is certainly not yet published when
    // the process dies.
    suite.kafka().stop();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(register());
    }
    suite.kill(SERVICE);
    suite.kafka().start();
    suite.restart(SERVICE);
    List<ConsumerRecord<String, byte[]>> records = eventsOf(ids, 5);
    assertEquals(
        5, records.size(), "each acknowledged write's event is published after the restart, once");
  }

  private static void startService() throws Exception {
    suite.start(
        SERVICE,
        Path.of("").toAbsolutePath(),
        Map.of("REGISTRY_MESSAGING_RELAY_MAX_BACKOFF", "2s"));
  }

  private static List<ConsumerRecord<String, byte[]>> eventsOf(Set<String> ids, int expected) {
    return KafkaProbe.collect(
        suite.kafka().bootstrapServers(),
        TOPIC,
        r -> ids.contains(r.key()),
        expected,
        WAIT,
        Duration.ofSeconds(2));
  }

  private static String register() {
    return register(suite);
  }

  private static void rename(String id, int version) {
    rename(suite, id, version);
  }

  /** Registers a test university through the running service; returns its id. */
  static String register(RunningSuite suite) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "f" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk");
    body.put("kind", "UNIVERSITY");
    body.put("names", Map.of("en", "Fault test university"));
    body.put("country", "PK");
    return suite
        .asRegistrar(SERVICE)
        .body(body)
        .post("/api/v1/organizations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Renames an organization at the given version (If-Match); it then has the next one. */
  static void rename(RunningSuite suite, String id, int version) {
    suite
        .asRegistrar(SERVICE)
        .header("If-Match", "\"" + version + "\"")
        .body(
            Map.of(
                "kind", "UNIVERSITY", "names", Map.of("en", "Renamed " + version), "country", "PK"))
        .put("/api/v1/organizations/" + id)
        .then()
        .statusCode(200);
  }
}
