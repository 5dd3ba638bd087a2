package org.eurasia.registry.exchange.api;

import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.exchange.messaging.AgreementFixtures;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, over HTTP with agreement events through real Kafka and real PostgreSQL: programmes
 * follow their agreement in every state. No nomination, acceptance or reopening while the agreement
 * is not in force — a closed programme included, which is not suspended with it; the mobilities
 * accepted or under way when it leaves force are flagged (view, list filter, statistics, an event)
 * until it returns to force.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProgrammesFollowTheirAgreementInEveryStateTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");
  static final Path SCHEMA =
      EventSchemas.file("exchange-service/contract/events/registry.mobility.v1.schema.json");
  static final String KIND = "STAFF_TRAINING";

  @Inject DataSource dataSource;

  @BeforeAll
  static void theProducersTopicExists() {
    KafkaProbe.createTopic("registry.agreements", 3);
  }

  /**
   * A programme qau.edu.pk → bsu.by under {@code agreement} (whose parties they are), created once
   * the agreement's event has arrived, accepted by bsu.by and opened.
   */
  static String openProgramme(UUID agreement, int places) {
    Map<String, Object> body =
        ExchangeApi.program(
            agreement.toString(), "qau.edu.pk", "bsu.by", ExchangeApi.terms(places, places));
    body.put("kind", KIND);
    String id =
        await()
            .atMost(WAIT)
            .until(() -> ExchangeApi.create(QAU, body), r -> r.statusCode() == 201)
            .path("id");
    ExchangeApi.accept(id, "bsu.by");
    as(QAU).post("/api/v1/programs/" + id + "/opening").then().statusCode(200);
    return id;
  }

  /**
   * The closed programme offers no reopening, the suspended one no resume back to open: only what
   * would not be refused for the agreement out of force.
   */
  static void advertisesNothingTheAgreementRefuses(String closed, String suspended) {
    as(QAU)
        .get("/api/v1/programs/" + closed)
        .then()
        .statusCode(200)
        .body("allowedTransitions", contains("complete", "suspend", "update"));
    as(QAU)
        .get("/api/v1/programs/" + suspended)
        .then()
        .statusCode(200)
        .body("allowedTransitions", contains("update"));
  }

  static String status(String programme) {
    return as(QAU)
        .get("/api/v1/programs/" + programme)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  static JsonPath mobility(String id) {
    return as(QAU).get("/api/v1/mobilities/" + id).then().statusCode(200).extract().jsonPath();
  }

  static void acceptedByBsu(String mobility) {
    as(BSU).post("/api/v1/mobilities/" + mobility + "/acceptance").then().statusCode(200);
  }

  static List<String> listed(String programme, boolean attention) {
    return as(QAU)
        .queryParam("programId", programme)
        .queryParam("attention", attention)
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  /** Flagged mobilities of this test's kind qau.edu.pk → bsu.by, as a registrar counts them. */
  static long flaggedInStatistics() {
    JsonPath rows =
        as(TestTokens.registrar())
            .queryParam("academicYear", ExchangeApi.YEAR)
            .queryParam("kind", KIND)
            .get("/api/v1/statistics/mobilities")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Object attention = rows.get("find { it.countryPair == 'PK-BY' }.attention");
    return attention == null ? 0 : ((Number) attention).longValue();
  }

  static List<String> eventTypes(String mobility, int expected) {
    List<ConsumerRecord<String, byte[]>> events =
        KafkaProbe.collect(
            "registry.mobilities",
            r ->
                mobility.equals(r.key())
                    && KafkaProbe.header(r, "ce_type").startsWith("registry.mobility.attention-"),
            expected,
            WAIT,
            Duration.ofMillis(500));
    events.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    return events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void anAgreementLeavingForceFlagsRunningMobilitiesAndTakesNoNewParticipantsInAnyState() {
    UUID agreement = UUID.randomUUID();
    String code = "T/" + agreement.toString().substring(0, 8).toUpperCase();
    AgreementFixtures.publish(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    String closed = openProgramme(agreement, 10);
    String accepted = ExchangeApi.nominate(closed, "SENDING_TO_RECEIVING", 7);
    acceptedByBsu(accepted);
    String running = ExchangeApi.nominate(closed, "SENDING_TO_RECEIVING", 7);
    acceptedByBsu(running);
    as(QAU)
        .body(Map.of("startedOn", "2026-09-01"))
        .post("/api/v1/mobilities/" + running + "/start")
        .then()
        .statusCode(200);
    String nominated = ExchangeApi.nominate(closed, "SENDING_TO_RECEIVING", 7);
    String rejected = ExchangeApi.nominate(closed, "SENDING_TO_RECEIVING", 7);
    as(BSU)
        .body(Map.of("reason", "Not eligible"))
        .post("/api/v1/mobilities/" + rejected + "/rejection")
        .then()
        .statusCode(200);
    as(QAU).post("/api/v1/programs/" + closed + "/closing").then().statusCode(200);
    String open = openProgramme(agreement, 10);
    long flaggedBefore = flaggedInStatistics();
    assertNull(mobility(accepted).get("attention"), "in force: nothing to flag");

    AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> status(open).equals("SUSPENDED"));
    assertEquals("CLOSED", status(closed), "a closed programme keeps its status");
    for (String flagged : List.of(accepted, running)) {
      JsonPath view = mobility(flagged);
      assertEquals("AGREEMENT_SUSPENDED", view.get("attention.reason"), flagged);
      assertEquals(today().toString(), view.get("attention.since"), flagged);
    }
    assertNull(mobility(nominated).get("attention"), "a nomination is not running");
    assertNull(mobility(rejected).get("attention"));
    assertEquals(Set.of(accepted, running), Set.copyOf(listed(closed, true)));
    assertEquals(Set.of(nominated, rejected), Set.copyOf(listed(closed, false)));
    assertEquals(flaggedBefore + 2, flaggedInStatistics(), "counted in statistics");
    as(QAU)
        .queryParam("attention", "yes")
        .get("/api/v1/mobilities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("attention"));

    // Whatever the programme's state, nobody new joins under an agreement not in force.
    as(BSU)
        .post("/api/v1/mobilities/" + nominated + "/acceptance")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo("agreement-not-in-force"))
        .body("detail", equalTo("Agreement " + code + " is SUSPENDED, not IN_FORCE"));
    as(QAU)
        .post("/api/v1/programs/" + closed + "/opening")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"));
    // ... and neither programme advertises what would be refused for the agreement.
    advertisesNothingTheAgreementRefuses(closed, open);
    for (String programme : List.of(open, closed)) {
      as(QAU)
          .body(ExchangeApi.nomination(programme, "SENDING_TO_RECEIVING", 7))
          .post("/api/v1/mobilities")
          .then()
          .statusCode(422)
          .body("condition", equalTo("agreement-not-in-force"));
    }
    // The institutions still act on what runs: the accepted mobility starts, flagged all along.
    as(QAU)
        .body(Map.of("startedOn", "2026-09-02"))
        .post("/api/v1/mobilities/" + accepted + "/start")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_MOBILITY"))
        .body("attention.reason", equalTo("AGREEMENT_SUSPENDED"));

    AgreementFixtures.publish(agreement, "resumed", "IN_FORCE", 5, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> status(open).equals("OPEN"));
    assertNull(mobility(accepted).get("attention"), "lifting the suspension clears the flag");
    assertNull(mobility(running).get("attention"));
    assertEquals(List.of(), listed(closed, true));
    assertEquals(flaggedBefore, flaggedInStatistics());
    acceptedByBsu(nominated);

    // Suspended again, then terminated while suspended: the flag follows, with the stated end date.
    AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 6, "qau.edu.pk", "bsu.by");
    await().atMost(WAIT).until(() -> status(open).equals("SUSPENDED"));
    LocalDate endedOn = LocalDate.of(2026, 11, 28);
    AgreementFixtures.publishEnded(
        agreement, "terminated", "TERMINATED", 7, endedOn, "qau.edu.pk", "bsu.by");
    await()
        .atMost(WAIT)
        .until(() -> "AGREEMENT_TERMINATED".equals(mobility(nominated).get("attention.reason")));
    for (String flagged : List.of(accepted, running, nominated)) {
      assertEquals("AGREEMENT_TERMINATED", mobility(flagged).get("attention.reason"), flagged);
      assertEquals(endedOn.toString(), mobility(flagged).get("attention.since"), flagged);
    }
    assertEquals(flaggedBefore + 3, flaggedInStatistics());
    as(QAU)
        .post("/api/v1/programs/" + closed + "/opening")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"));
    // ... and neither programme advertises what would be refused for the agreement.
    advertisesNothingTheAgreementRefuses(closed, open);
    as(QAU)
        .delete("/api/v1/programs/" + open + "/suspension")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"));

    assertEquals(
        List.of(
            "registry.mobility.attention-raised.v1",
            "registry.mobility.attention-cleared.v1",
            "registry.mobility.attention-raised.v1",
            "registry.mobility.attention-raised.v1"),
        eventTypes(accepted, 4),
        "each flag raised, cleared or changed is announced once");
    assertEquals(
        List.of("registry.mobility.attention-raised.v1", "registry.mobility.attention-raised.v1"),
        eventTypes(nominated, 2),
        "flagged only once accepted");
    assertEquals(List.of(), eventTypes(rejected, 0));
  }

  /**
   * The institutions of a programme under a confidential memorandum need not be its parties: their
   * flagged mobility says the agreement is no longer in force, not how or when it ended, and
   * neither does the event.
   */
  @Test
  void aConfidentialAgreementsMobilitiesAreFlaggedWithoutItsStatusOrDates() {
    ExchangeApi.Confidential hidden = ExchangeApi.confidentialOpenProgram(KIND);
    String flagged = ExchangeApi.nominate(hidden.programId(), "SENDING_TO_RECEIVING", 7);
    acceptedByBsu(flagged);
    String waiting = ExchangeApi.nominate(hidden.programId(), "SENDING_TO_RECEIVING", 7);
    AgreementFixtures.publishConfidential(
        UUID.fromString(hidden.agreementId()),
        "terminated",
        "TERMINATED",
        4,
        "most.gov.pk",
        "gknt.gov.by");
    await().atMost(WAIT).until(() -> mobility(flagged).get("attention") != null);
    assertEquals("AGREEMENT_NOT_IN_FORCE", mobility(flagged).get("attention.reason"));
    assertEquals(today().toString(), mobility(flagged).get("attention.since"));
    as(BSU)
        .post("/api/v1/mobilities/" + waiting + "/acceptance")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agreement-not-in-force"))
        .body("detail", not(containsString(hidden.agreementCode())))
        .body("detail", not(containsString("TERMINATED")));
    List<ConsumerRecord<String, byte[]>> raised =
        KafkaProbe.collect(
            "registry.mobilities",
            r ->
                flagged.equals(r.key())
                    && "registry.mobility.attention-raised.v1"
                        .equals(KafkaProbe.header(r, "ce_type")),
            1,
            WAIT,
            Duration.ofMillis(500));
    String payload = new String(raised.get(0).value(), StandardCharsets.UTF_8);
    assertTrue(payload.contains("AGREEMENT_NOT_IN_FORCE"), payload);
    assertFalse(
        payload.contains(hidden.agreementCode()) || payload.contains("TERMINATED"), payload);
  }

  /**
   * The race the agreement's row lock closes: an acceptance that read the agreement in force is
   * held (here by a lock on its quota row) while the agreement's suspension arrives. The reaction
   * waits for the acceptance to commit and then flags the mobility; without the lock it would
   * commit first, find nothing running, and the mobility would be accepted under a suspended
   * agreement without a flag.
   */
  @Test
  void anAcceptanceCommittingWhileTheAgreementLeavesForceIsFlaggedNotMissed() throws Exception {
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publish(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    String programme = openProgramme(agreement, 5);
    String mobility = ExchangeApi.nominate(programme, "SENDING_TO_RECEIVING", 7);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement hold =
          holder.prepareStatement(
              "SELECT accepted FROM program_quota WHERE program_id = CAST(? AS uuid) FOR UPDATE")) {
        hold.setString(1, programme);
        hold.executeQuery().close();
      }
      Future<Integer> acceptance =
          pool.submit(
              () -> as(BSU).post("/api/v1/mobilities/" + mobility + "/acceptance").statusCode());
      await().atMost(WAIT).until(() -> waitingOn("program_quota") == 1);

      AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
      // The reaction either waits for the acceptance (the agreement's row is held) or, without
      // the lock, has already committed.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  waitingOn("agreement_projection") == 1 || status(programme).equals("SUSPENDED"));
      holder.rollback();
      assertEquals(200, acceptance.get(30, TimeUnit.SECONDS), "it read the agreement in force");
    } finally {
      pool.shutdownNow();
    }
    await().atMost(WAIT).until(() -> status(programme).equals("SUSPENDED"));
    JsonPath view = mobility(mobility);
    assertEquals("ACCEPTED", view.get("status"));
    assertEquals(
        "AGREEMENT_SUSPENDED",
        view.get("attention.reason"),
        "accepted before the agreement left force, so flagged with the others");
  }

  /**
   * Bounded race (60 acceptances on 12 threads, 60 s): acceptances and the agreement's suspension
   * in any order. Every acceptance either committed before the agreement left force (and its
   * mobility is flagged) or is refused with the named rule; never a 5xx, never an accepted mobility
   * without the flag.
   */
  @Test
  void acceptancesRacingTheAgreementsSuspensionAreEitherFlaggedOrRefused() throws Exception {
    UUID agreement = UUID.randomUUID();
    AgreementFixtures.publish(
        agreement, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
    int count = 60;
    String programme = openProgramme(agreement, count);
    List<String> nominations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nominations.add(ExchangeApi.nominate(programme, "SENDING_TO_RECEIVING", 7));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    Map<String, Integer> answers = new LinkedHashMap<>();
    Map<String, String> conditions = new HashMap<>();
    try {
      Map<String, Future<io.restassured.response.Response>> pending = new LinkedHashMap<>();
      for (String id : nominations) {
        pending.put(
            id, pool.submit(() -> as(BSU).post("/api/v1/mobilities/" + id + "/acceptance")));
      }
      await()
          .atMost(WAIT)
          .until(() -> pending.values().stream().filter(Future::isDone).count() >= count / 4);
      AgreementFixtures.publish(agreement, "suspended", "SUSPENDED", 4, "qau.edu.pk", "bsu.by");
      for (Map.Entry<String, Future<io.restassured.response.Response>> e : pending.entrySet()) {
        io.restassured.response.Response r = e.getValue().get(60, TimeUnit.SECONDS);
        answers.put(e.getKey(), r.statusCode());
        if (r.statusCode() != 200) {
          conditions.put(e.getKey(), r.path("condition"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    await().atMost(WAIT).until(() -> status(programme).equals("SUSPENDED"));
    long acceptedAnswers = answers.values().stream().filter(s -> s == 200).count();
    assertTrue(acceptedAnswers >= count / 4, "those answered before the suspension: " + answers);
    for (Map.Entry<String, Integer> e : answers.entrySet()) {
      if (e.getValue() == 200) {
        JsonPath view = mobility(e.getKey());
        assertEquals("ACCEPTED", view.get("status"));
        assertEquals("AGREEMENT_SUSPENDED", view.get("attention.reason"), e.getKey());
      } else {
        assertEquals(422, e.getValue(), e.getKey());
        assertEquals("agreement-not-in-force", conditions.get(e.getKey()));
        assertEquals("NOMINATED", mobility(e.getKey()).get("status"));
      }
    }
    assertEquals(
        acceptedAnswers,
        listed(programme, true).size(),
        "flagged: exactly the accepted ones (" + acceptedAnswers + " of " + count + ")");
  }

  /** How many sessions of this database wait for a lock while updating this table. */
  long waitingOn(String table) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND lower(query) LIKE ?")) {
      s.setString(1, "%update%" + table + "%");
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
