package org.eurasia.registry.exchange.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.RegistryScenarios;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two packaged services as separate processes on one real PostgreSQL and one real Kafka broker:
 * everything exchange-service knows comes from agreements-service's events, and its programmes
 * follow their agreement's lifecycle.
 */
class CrossServiceReactionsIT {

  static final String AGREEMENTS = RegistryScenarios.AGREEMENTS;
  static final String EXCHANGE = RegistryScenarios.EXCHANGE;
  static final Duration WAIT = Duration.ofSeconds(60);

  static RunningSuite suite;
  static RegistryScenarios scenarios;

  @BeforeAll
  static void startBothServices() throws Exception {
    suite = RunningSuite.create("cross-service");
    suite.start(AGREEMENTS, RunningSuite.sibling(AGREEMENTS), Map.of());
    suite.start(EXCHANGE, Path.of("").toAbsolutePath(), Map.of());
    scenarios = new RegistryScenarios(suite);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void programmesFollowTheirAgreementFromSuspensionToTermination() {
    String suffix = RegistryScenarios.suffix();
    String home = "x" + suffix + ".edu.pk";
    String host = "x" + suffix + ".by";
    scenarios.university(home, "PK");
    scenarios.university(host, "BY");
    String agreement = scenarios.agreementInForce(home, host);
    // Once the organization and agreement events have arrived, the programme may be created:
    // nothing was copied by hand.
    String program = scenarios.openProgramme(agreement, home, host);

    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("reason", "Review of the exchange"))
        .post("/api/v1/agreements/" + agreement + "/suspension")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> scenarios.programStatus(program).equals("SUSPENDED"));

    suite
        .asPartner(AGREEMENTS, host)
        .delete("/api/v1/agreements/" + agreement + "/suspension")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> scenarios.programStatus(program).equals("OPEN"));

    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("date", "2026-11-28", "reason", "Denunciation by " + host))
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> scenarios.programStatus(program).equals("SUSPENDED"));

    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            suite.kafka().bootstrapServers(),
            "registry.programs",
            r -> program.equals(r.key()),
            6,
            WAIT,
            Duration.ofSeconds(1));
    assertEquals(
        List.of(
            "registry.program.created.v1",
            "registry.program.institution-accepted.v1",
            "registry.program.opened.v1",
            "registry.program.suspended.v1",
            "registry.program.resumed.v1",
            "registry.program.suspended.v1"),
        events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList(),
        "each change published once, in order");
  }

  /**
   * Issue 17, across the two processes: an agreement terminated through agreements-service's API,
   * with one programme open, one closed and a mobility under way. In exchange-service the open
   * programme is suspended; the closed one keeps its status but refuses acceptances and reopening
   * (it used to accept participants under a terminated agreement); the running mobility is flagged
   * with the termination date, and the flag is announced once.
   */
  @Test
  void terminatingAnAgreementSuspendsTheOpenProgrammeHoldsTheClosedOneAndFlagsTheRunningMobility() {
    String suffix = RegistryScenarios.suffix();
    String home = "t" + suffix + ".edu.pk";
    String host = "t" + suffix + ".by";
    scenarios.university(home, "PK");
    scenarios.university(host, "BY");
    String agreement = scenarios.agreementInForce(home, host);
    String open = scenarios.openProgramme(agreement, home, host);
    String closed = scenarios.openProgramme(agreement, home, host);
    String running = scenarios.runningMobility(closed, home, host);
    String waiting = scenarios.nominate(closed, home);
    suite
        .asPartner(EXCHANGE, home)
        .post("/api/v1/programs/" + closed + "/closing")
        .then()
        .statusCode(200);

    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("date", "2026-11-28", "reason", "Denunciation by " + host))
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then()
        .statusCode(200);

    await().atMost(WAIT).until(() -> scenarios.programStatus(open).equals("SUSPENDED"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                suite
                        .asPartner(EXCHANGE, home)
                        .get("/api/v1/mobilities/" + running)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("attention")
                    != null);
    Map<String, Object> attention =
        suite
            .asPartner(EXCHANGE, host)
            .get("/api/v1/mobilities/" + running)
            .then()
            .statusCode(200)
            .extract()
            .path("attention");
    assertEquals(Map.of("reason", "AGREEMENT_TERMINATED", "since", "2026-11-28"), attention);
    assertEquals("CLOSED", scenarios.programStatus(closed), "a closed programme keeps its status");
    suite
        .asPartner(EXCHANGE, host)
        .post("/api/v1/mobilities/" + waiting + "/acceptance")
        .then()
        .statusCode(422)
        .body("condition", org.hamcrest.Matchers.equalTo("agreement-not-in-force"));
    suite
        .asPartner(EXCHANGE, home)
        .post("/api/v1/programs/" + closed + "/opening")
        .then()
        .statusCode(422)
        .body("condition", org.hamcrest.Matchers.equalTo("agreement-not-in-force"));
    assertEquals("CLOSED", scenarios.programStatus(closed));
    assertEquals(
        List.of(running),
        suite
            .asPartner(EXCHANGE, home)
            .queryParam("attention", true)
            .queryParam("programId", closed)
            .get("/api/v1/mobilities")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id"));

    List<ConsumerRecord<String, byte[]>> flags =
        KafkaProbe.collect(
            suite.kafka().bootstrapServers(),
            "registry.mobilities",
            r -> running.equals(r.key()),
            4,
            WAIT,
            Duration.ofSeconds(1));
    assertEquals(
        List.of(
            "registry.mobility.nominated.v1",
            "registry.mobility.accepted.v1",
            "registry.mobility.started.v1",
            "registry.mobility.attention-raised.v1"),
        flags.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList(),
        "the flag published once, after the mobility's own changes");
  }
}
