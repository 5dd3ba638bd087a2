package org.eurasia.registry.exchange.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
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

  static final String AGREEMENTS = "agreements-service";
  static final String EXCHANGE = "exchange-service";
  static final Duration WAIT = Duration.ofSeconds(60);

  static RunningSuite suite;

  @BeforeAll
  static void startBothServices() throws Exception {
    suite = RunningSuite.create("cross-service");
    suite.start(AGREEMENTS, RunningSuite.sibling(AGREEMENTS), Map.of());
    suite.start(EXCHANGE, Path.of("").toAbsolutePath(), Map.of());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  static String register(String code, String country) {
    return suite
        .asRegistrar(AGREEMENTS)
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "University " + code),
                "country",
                country))
        .post("/api/v1/organizations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String programStatus(String id) {
    return given()
        .baseUri(suite.service(EXCHANGE).baseUrl())
        .get("/api/v1/programs/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /**
   * A memorandum between the two universities, drafted by a registrar, signed by each party's own
   * partner and entered into force through agreements-service's API; returns its id.
   */
  static String agreementInForce(String home, String host, String suffix) {
    String agreement =
        suite
            .asRegistrar(AGREEMENTS)
            .body(
                Map.of(
                    "code",
                    "PK-BY/MOU/2026/X-" + suffix.toUpperCase(),
                    "terms",
                    Map.of(
                        "kind", "MEMORANDUM_OF_UNDERSTANDING",
                        "title", Map.of("en", "Memorandum on academic exchange"),
                        "parties",
                            List.of(
                                Map.of("organizationCode", home, "role", "SIGNATORY"),
                                Map.of("organizationCode", host, "role", "SIGNATORY")),
                        "fields", List.of("HIGHER_EDUCATION"))))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (String party : List.of(home, host)) {
      // A signature binds the version the signer read: If-Match names it.
      String etag =
          suite
              .asRegistrar(AGREEMENTS)
              .get("/api/v1/agreements/" + agreement)
              .then()
              .statusCode(200)
              .extract()
              .header("ETag");
      suite
          .asPartner(AGREEMENTS, party)
          .header("If-Match", etag)
          .body(Map.of("organizationCode", party, "date", "2026-11-01"))
          .post("/api/v1/agreements/" + agreement + "/signatures")
          .then()
          .statusCode(200);
    }
    suite
        .asRegistrar(AGREEMENTS)
        .body(Map.of("date", "2026-11-15"))
        .post("/api/v1/agreements/" + agreement + "/entry-into-force")
        .then()
        .statusCode(200);

    return agreement;
  }

  @Test
  void programmesFollowTheirAgreementFromSuspensionToTermination() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String home = "x" + suffix + ".edu.pk";
    String host = "x" + suffix + ".by";
    register(home, "PK");
    register(host, "BY");

    String agreement = agreementInForce(home, host, suffix);

    // Once the organization and agreement events have arrived, the programme may be created:
    // nothing was copied by hand.
    Map<String, Object> programme =
        Map.of(
            "code",
            "X/" + suffix.toUpperCase(),
            "kind",
            "STUDENT_EXCHANGE",
            "agreementId",
            agreement,
            "sendingInstitution",
            home,
            "receivingInstitution",
            host,
            "terms",
            Map.of(
                "title",
                Map.of("en", "Student exchange"),
                "academicYears",
                List.of("2026/2027"),
                "quotas",
                List.of(
                    Map.of(
                        "academicYear",
                        "2026/2027",
                        "direction",
                        "SENDING_TO_RECEIVING",
                        "places",
                        4)),
                "duration",
                Map.of("amount", 5, "unit", "MONTHS")));
    String program =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> suite.asPartner(EXCHANGE, home).body(programme).post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    // Naming the host institution did not bind it: its own partner accepts before the programme may
    // open.
    String programEtag =
        suite
            .asRegistrar(EXCHANGE)
            .get("/api/v1/programs/" + program)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    suite
        .asPartner(EXCHANGE, host)
        .header("If-Match", programEtag)
        .body(Map.of("organizationCode", host))
        .post("/api/v1/programs/" + program + "/acceptances")
        .then()
        .statusCode(200);
    suite
        .asPartner(EXCHANGE, home)
        .post("/api/v1/programs/" + program + "/opening")
        .then()
        .statusCode(200);

    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("reason", "Review of the exchange"))
        .post("/api/v1/agreements/" + agreement + "/suspension")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> programStatus(program).equals("SUSPENDED"));

    suite
        .asPartner(AGREEMENTS, host)
        .delete("/api/v1/agreements/" + agreement + "/suspension")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> programStatus(program).equals("OPEN"));

    suite
        .asPartner(AGREEMENTS, host)
        .body(Map.of("date", "2026-11-28", "reason", "Denunciation by " + host))
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> programStatus(program).equals("SUSPENDED"));

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
   * A programme home → host under the agreement, created by home's partner once the organization
   * and agreement events have arrived, accepted by host's partner and opened.
   */
  static String openProgramme(String agreement, String home, String host, String code) {
    Map<String, Object> programme =
        Map.of(
            "code",
            code,
            "kind",
            "STUDENT_EXCHANGE",
            "agreementId",
            agreement,
            "sendingInstitution",
            home,
            "receivingInstitution",
            host,
            "terms",
            Map.of(
                "title",
                Map.of("en", "Student exchange"),
                "academicYears",
                List.of("2026/2027"),
                "quotas",
                List.of(
                    Map.of(
                        "academicYear",
                        "2026/2027",
                        "direction",
                        "SENDING_TO_RECEIVING",
                        "places",
                        4)),
                "duration",
                Map.of("amount", 5, "unit", "MONTHS")));
    String program =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> suite.asPartner(EXCHANGE, home).body(programme).post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    String etag =
        suite
            .asRegistrar(EXCHANGE)
            .get("/api/v1/programs/" + program)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    suite
        .asPartner(EXCHANGE, host)
        .header("If-Match", etag)
        .body(Map.of("organizationCode", host))
        .post("/api/v1/programs/" + program + "/acceptances")
        .then()
        .statusCode(200);
    suite
        .asPartner(EXCHANGE, home)
        .post("/api/v1/programs/" + program + "/opening")
        .then()
        .statusCode(200);
    return program;
  }

  static String nominate(String program, String home) {
    return suite
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
                Map.of("givenName", "Ayesha", "familyName", "Khan"),
                "plannedStart",
                "2027-02-01",
                "plannedEnd",
                "2027-06-30"))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
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
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String home = "t" + suffix + ".edu.pk";
    String host = "t" + suffix + ".by";
    register(home, "PK");
    register(host, "BY");
    String agreement = agreementInForce(home, host, suffix);
    String open = openProgramme(agreement, home, host, "T/OPEN-" + suffix.toUpperCase());
    String closed = openProgramme(agreement, home, host, "T/CLOSED-" + suffix.toUpperCase());
    String running = nominate(closed, home);
    String waiting = nominate(closed, home);
    suite
        .asPartner(EXCHANGE, host)
        .post("/api/v1/mobilities/" + running + "/acceptance")
        .then()
        .statusCode(200);
    suite
        .asPartner(EXCHANGE, home)
        .body(Map.of("startedOn", "2026-11-20"))
        .post("/api/v1/mobilities/" + running + "/start")
        .then()
        .statusCode(200);
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

    await().atMost(WAIT).until(() -> programStatus(open).equals("SUSPENDED"));
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
    assertEquals("CLOSED", programStatus(closed), "a closed programme keeps its status");
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
    assertEquals("CLOSED", programStatus(closed));
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
