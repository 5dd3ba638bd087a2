package org.eurasia.registry.events.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.RegistryScenarios;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three packaged services on one real PostgreSQL and one real Kafka broker, under faults: the
 * broker stopped while all three take writes, and a consuming service killed and restarted. Nothing
 * acknowledged is lost, every event arrives once, and the cross-service reaction (a terminated
 * agreement suspending its programme) happens once.
 */
class SuiteFaultsIT {

  static final String AGREEMENTS = RegistryScenarios.AGREEMENTS;
  static final String EXCHANGE = RegistryScenarios.EXCHANGE;
  static final String EVENTS = RegistryScenarios.EVENTS;
  static final Duration WAIT = Duration.ofSeconds(90);
  static final int WRITES = 10;

  static RunningSuite suite;
  static RegistryScenarios scenarios;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = RunningSuite.create("suite-faults");
    Map<String, String> fastRetry = Map.of("REGISTRY_MESSAGING_RELAY_MAX_BACKOFF", "2s");
    suite.start(AGREEMENTS, RunningSuite.sibling(AGREEMENTS), fastRetry);
    suite.start(EXCHANGE, RunningSuite.sibling(EXCHANGE), fastRetry);
    suite.start(EVENTS, Path.of("").toAbsolutePath(), fastRetry);
    scenarios = new RegistryScenarios(suite);
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  static String suffix() {
    return RegistryScenarios.suffix();
  }

  static String created(io.restassured.response.Response response) {
    assertEquals(201, response.statusCode(), response.asString());
    return response.path("id");
  }

  /** Two universities and an agreement in force between them, known to exchange-service. */
  static String agreementInForce(String home, String host) {
    scenarios.university(home, "PK");
    scenarios.university(host, "BY");
    return scenarios.agreementInForce(home, host);
  }

  static String publishedEvent(String organizer) {
    return scenarios.publishedWebinar(organizer);
  }

  static List<ConsumerRecord<String, byte[]>> recordsOf(
      String topic, Set<String> keys, int expected) {
    return KafkaProbe.collect(
        suite.kafka().bootstrapServers(),
        topic,
        r -> keys.contains(r.key()),
        expected,
        WAIT,
        Duration.ofSeconds(2));
  }

  static long distinctIds(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count();
  }

  @Test
  void kafkaStoppedWhileAllThreeServicesWriteLosesNothingAndTheReactionHappensOnce()
      throws Exception {
    String s = suffix();
    String home = "f" + s + ".edu.pk";
    String host = "f" + s + ".by";
    String agreement = agreementInForce(home, host);
    String program = scenarios.openProgramme(agreement, home, host);
    String event = publishedEvent(home);

    suite.kafka().stop();
    Set<String> organizations = new HashSet<>();
    Set<String> mobilities = new HashSet<>();
    Set<String> registrations = new HashSet<>();
    for (int i = 0; i < WRITES; i++) {
      organizations.add(
          created(
              suite
                  .asRegistrar(AGREEMENTS)
                  .body(
                      Map.of(
                          "code",
                          "w" + i + s + ".edu.pk",
                          "kind",
                          "UNIVERSITY",
                          "names",
                          Map.of("en", "W " + i),
                          "country",
                          "PK"))
                  .post("/api/v1/organizations")));
      mobilities.add(
          created(
              suite
                  .asPartner(EXCHANGE, home)
                  .body(
                      Map.of(
                          "programId",
                          program,
                          "academicYear",
                          "2026/2027",
                          "direction",
                          "SENDING_TO_RECEIVING",
                          "participant",
                          Map.of("givenName", "P", "familyName", "F" + i),
                          "plannedStart",
                          "2027-02-01",
                          "plannedEnd",
                          "2027-06-30"))
                  .post("/api/v1/mobilities")));
      registrations.add(
          created(
              suite
                  .asPartner(EVENTS, "r" + i, home)
                  .body(Map.of("eventId", event, "name", "R " + i))
                  .post("/api/v1/registrations")));
    }
    // The reaction to test: terminating the agreement while Kafka is away.
    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("date", "2026-11-28", "reason", "Denunciation during the outage"))
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then()
        .statusCode(200);
    suite.kafka().start();

    List<ConsumerRecord<String, byte[]>> orgEvents =
        recordsOf("registry.organizations", organizations, WRITES);
    List<ConsumerRecord<String, byte[]>> mobilityEvents =
        recordsOf("registry.mobilities", mobilities, WRITES);
    List<ConsumerRecord<String, byte[]>> registrationEvents =
        recordsOf("registry.registrations", registrations, WRITES);
    assertEquals(WRITES, orgEvents.size(), "organization events, once each");
    assertEquals(WRITES, distinctIds(orgEvents));
    assertEquals(WRITES, mobilityEvents.size(), "mobility events, once each");
    assertEquals(WRITES, distinctIds(mobilityEvents));
    assertEquals(WRITES, registrationEvents.size(), "registration events, once each");
    assertEquals(WRITES, distinctIds(registrationEvents));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .baseUri(suite.service(EXCHANGE).baseUrl())
                    .get("/api/v1/programs/" + program)
                    .then()
                    .body("status", org.hamcrest.Matchers.equalTo("SUSPENDED")));
    List<ConsumerRecord<String, byte[]>> suspensions =
        KafkaProbe.collect(
            suite.kafka().bootstrapServers(),
            "registry.programs",
            r ->
                program.equals(r.key())
                    && "registry.program.suspended.v1".equals(KafkaProbe.header(r, "ce_type")),
            1,
            WAIT,
            Duration.ofSeconds(3));
    assertEquals(1, suspensions.size(), "the programme was suspended once");
    System.out.printf(
        "Kafka outage: %d writes accepted (3 services), %d events published once each, 1 cross-service reaction%n",
        3 * WRITES + 1, orgEvents.size() + mobilityEvents.size() + registrationEvents.size() + 1);
  }

  @Test
  void aConsumerKilledAndRestartedResumesWithoutLossOrDoubleEffects() throws Exception {
    String s = suffix();
    String home = "k" + s + ".edu.pk";
    String host = "k" + s + ".by";
    List<String> agreements = new ArrayList<>();
    List<String> programs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String agreement = agreementInForce(home + i, host + i);
      agreements.add(agreement);
      programs.add(scenarios.openProgramme(agreement, home + i, host + i));
    }
    suite.kill(EXCHANGE);
    for (int i = 0; i < 3; i++) {
      suite
          .asPartner(AGREEMENTS, host + i)
          .body(Map.of("reason", "While exchange-service is down"))
          .post("/api/v1/agreements/" + agreements.get(i) + "/suspension")
          .then()
          .statusCode(200);
    }
    suite.restart(EXCHANGE);
    for (String program : programs) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  given()
                      .baseUri(suite.service(EXCHANGE).baseUrl())
                      .get("/api/v1/programs/" + program)
                      .then()
                      .body("status", org.hamcrest.Matchers.equalTo("SUSPENDED")));
    }
    List<ConsumerRecord<String, byte[]>> suspensions =
        KafkaProbe.collect(
            suite.kafka().bootstrapServers(),
            "registry.programs",
            r ->
                programs.contains(r.key())
                    && "registry.program.suspended.v1".equals(KafkaProbe.header(r, "ce_type")),
            3,
            WAIT,
            Duration.ofSeconds(3));
    assertEquals(
        3, suspensions.size(), "each programme suspended once after the restart, none twice");
  }
}
