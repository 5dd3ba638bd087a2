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

  @Test
  void programmesFollowTheirAgreementFromSuspensionToTermination() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String home = "x" + suffix + ".edu.pk";
    String host = "x" + suffix + ".by";
    register(home, "PK");
    register(host, "BY");

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
}
