package org.eurasia.registry.exchange.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eurasia.registry.platform.testing.OrganizationWrites;
import org.eurasia.registry.platform.testing.RegistryScenarios;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.eurasia.registry.platform.testing.TopicAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 4: the consumer and the producer each killed at least twenty times at random
 * moments while events keep flowing, so that some kills land between a consumer's database commit
 * and its offset commit, between a relay's broker acknowledgement and its row deletion, and (for
 * SIGTERM) in the consumer's shutdown. Afterwards every change had its effect exactly once. The
 * random delays come from a seed printed with the results, so a failing run can be replayed.
 */
class RepeatedKillsIT {

  static final String AGREEMENTS = RegistryScenarios.AGREEMENTS;
  static final String EXCHANGE = RegistryScenarios.EXCHANGE;
  static final int KILLS = 20;
  static final int AGREEMENTS_IN_FLOW = 4;
  static final Duration SETTLE = Duration.ofSeconds(120);

  static RunningSuite suite;
  static RegistryScenarios scenarios;

  @BeforeAll
  static void startBothServices() throws Exception {
    suite = RunningSuite.create("repeated-kills");
    Map<String, String> fastRetry = Map.of("REGISTRY_MESSAGING_RELAY_MAX_BACKOFF", "2s");
    suite.start(AGREEMENTS, RunningSuite.sibling(AGREEMENTS), fastRetry);
    // A killed consumer stays in its group until its session times out, and its successor waits
    // for that before it gets partitions: 45 s by default, 3 s here (the local broker allows 1 s).
    suite.start(
        EXCHANGE,
        Path.of("").toAbsolutePath(),
        Map.of(
            "REGISTRY_MESSAGING_RELAY_MAX_BACKOFF",
            "2s",
            "JAVA_TOOL_OPTIONS",
            "-Dkafka.session.timeout.ms=3000 -Dkafka.heartbeat.interval.ms=750"));
    scenarios = new RegistryScenarios(suite);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  /** One agreement of the flow with the programme and the running mobility that follow it. */
  record Pair(String agreement, String host, String program, String mobility) {}

  @Test
  void exchangeServiceKilledTwentyTimesUnderAFlowOfSuspensionsReactsToEachOnce() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < AGREEMENTS_IN_FLOW; i++) {
      String s = RegistryScenarios.suffix();
      String home = "c" + s + ".edu.pk";
      String host = "c" + s + ".by";
      scenarios.university(home, "PK");
      scenarios.university(host, "BY");
      String agreement = scenarios.agreementInForce(home, host);
      String program = scenarios.openProgramme(agreement, home, host);
      pairs.add(new Pair(agreement, host, program, scenarios.runningMobility(program, home, host)));
    }
    Instant started = Instant.now();

    // The flow: each agreement suspended and resumed in turn, through agreements-service, which
    // stays up. exchange-service reacts to each change with a programme and a mobility event.
    Map<String, AtomicInteger> suspensions = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> resumptions = new ConcurrentHashMap<>();
    pairs.forEach(
        p -> {
          suspensions.put(p.agreement(), new AtomicInteger());
          resumptions.put(p.agreement(), new AtomicInteger());
        });
    AtomicBoolean flowing = new AtomicBoolean(true);
    AtomicReference<Throwable> flowFailure = new AtomicReference<>();
    Thread flow =
        new Thread(
            () -> {
              try {
                suspendAndResume(pairs, flowing, suspensions, resumptions);
              } catch (Throwable e) {
                flowFailure.set(e);
              }
            },
            "suspension-flow");
    flow.start();

    int sigkills = 0;
    int sigterms = 0;
    double redeliveries = 0;
    double applied = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      // Ready is not yet consuming (the group must hand this process its partitions): the kill
      // comes at a random moment once it applies events, the last outage's backlog first.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> consumed("applied") > 0);
      sleep(random.nextInt(1000));
      redeliveries += consumed("duplicate");
      applied += consumed("applied");
      // SIGTERM reaches the consumer's shutdown; SIGKILL anything, the offset commit included.
      if (kill % 4 != 3) {
        suite.kill(EXCHANGE);
        sigkills++;
      } else {
        suite.terminate(EXCHANGE);
        sigterms++;
      }
      suite.restart(EXCHANGE);
    }
    flowing.set(false);
    flow.join(30_000);
    assertNull(flowFailure.get(), "agreements-service stays up and takes every change");
    redeliveries += consumed("duplicate");
    applied += consumed("applied");
    for (Pair pair : pairs) {
      suite
          .asPartner(AGREEMENTS, pair.host())
          .body(Map.of("date", "2026-11-28", "reason", "End of the flow"))
          .post("/api/v1/agreements/" + pair.agreement() + "/termination")
          .then()
          .statusCode(200);
    }

    // Each suspension suspended the programme and flagged the mobility; each resumption undid both;
    // the termination did both once more.
    Set<String> programs = Set.copyOf(pairs.stream().map(Pair::program).toList());
    Set<String> mobilities = Set.copyOf(pairs.stream().map(Pair::mobility).toList());
    int expected =
        pairs.stream()
            .mapToInt(
                p ->
                    2
                        * (suspensions.get(p.agreement()).get()
                            + 1
                            + resumptions.get(p.agreement()).get()))
            .sum();
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                reactions(programs, mobilities).stream().mapToInt(a -> a.ids().size()).sum()
                    >= expected);
    sleep(3000);
    List<TopicAudit> audits = reactions(programs, mobilities);
    TopicAudit programEvents = audits.get(0);
    TopicAudit mobilityEvents = audits.get(1);
    for (Pair pair : pairs) {
      int suspended = suspensions.get(pair.agreement()).get();
      int resumed = resumptions.get(pair.agreement()).get();
      assertEquals(
          suspended + 1,
          programEvents.count(pair.program(), "registry.program.suspended.v1"),
          "programme suspended once per suspension and once for the termination");
      assertEquals(
          resumed, programEvents.count(pair.program(), "registry.program.resumed.v1"), "resumed");
      assertEquals(
          suspended + 1,
          mobilityEvents.count(pair.mobility(), "registry.mobility.attention-raised.v1"),
          "mobility flagged once per suspension and once for the termination");
      assertEquals(
          resumed,
          mobilityEvents.count(pair.mobility(), "registry.mobility.attention-cleared.v1"),
          "flag cleared once per resumption");
      assertEquals("SUSPENDED", scenarios.programStatus(pair.program()));
      assertEquals(
          "AGREEMENT_TERMINATED",
          suite
              .asRegistrar(EXCHANGE)
              .get("/api/v1/mobilities/" + pair.mobility())
              .then()
              .statusCode(200)
              .extract()
              .path("attention.reason"));
    }
    assertEquals(List.of(), programEvents.orderViolations());
    assertEquals(List.of(), mobilityEvents.orderViolations());

    // Every agreement event was applied, each recorded once with its effect; none dead-lettered.
    Set<String> agreementKeys = Set.copyOf(pairs.stream().map(Pair::agreement).toList());
    TopicAudit consumed =
        TopicAudit.of(
            suite.kafka().bootstrapServers(), "registry.agreements", agreementKeys::contains);
    assertEquals(consumed.ids(), processed("registry.agreements", consumed.ids()));
    TopicAudit deadLetters =
        TopicAudit.of(suite.kafka().bootstrapServers(), "registry.dlt.exchange-service", k -> true);
    assertEquals(0, deadLetters.records().size(), "nothing dead-lettered");

    int changes =
        suspensions.values().stream().mapToInt(AtomicInteger::get).sum()
            + resumptions.values().stream().mapToInt(AtomicInteger::get).sum()
            + pairs.size();
    System.out.printf(
        "Consumer kills: %d kills (%d SIGKILL, %d SIGTERM), %d agreement changes (%d agreement"
            + " events in the topic; the processes applied %d events and skipped %d redelivered"
            + " after a kill as already applied),"
            + " %d reactions each once, %d duplicate records in the reaction topics, %d s, seed %d%n",
        KILLS,
        sigkills,
        sigterms,
        changes,
        consumed.ids().size(),
        (long) applied,
        (long) redeliveries,
        expected,
        programEvents.duplicates() + mobilityEvents.duplicates(),
        Duration.between(started, Instant.now()).toSeconds(),
        seed);
  }

  @Test
  void agreementsServiceKilledTwentyTimesWhileWritingPublishesEveryAcknowledgedWriteInOrder()
      throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Instant started = Instant.now();
    int sigkills = 0;
    int sigterms = 0;
    OrganizationWrites writes = OrganizationWrites.start(suite, AGREEMENTS, 2);
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        // Writes commit and the relay publishes them within milliseconds: a random moment lands
        // in a write, in a relay batch, or between the broker's acknowledgement and the delete.
        sleep(300 + random.nextInt(1500));
        if (kill % 5 == 4) {
          suite.terminate(AGREEMENTS);
          sigterms++;
        } else {
          suite.kill(AGREEMENTS);
          sigkills++;
        }
        suite.restart(AGREEMENTS);
      }
      sleep(1000);
    } finally {
      writes.close();
    }
    Map<String, Set<Long>> acknowledged = writes.acknowledged();
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> missing(organizations(acknowledged.keySet()), acknowledged).isEmpty());
    TopicAudit published = organizations(acknowledged.keySet());
    assertEquals(List.of(), missing(published, acknowledged), "every acknowledged write published");
    assertEquals(List.of(), published.orderViolations(), "per-organization order");

    // The consumer's effects: every event recorded once, each projection at the newest version.
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> processed("registry.organizations", published.ids()).equals(published.ids()));
    Map<String, Long> projected = projectedVersions(acknowledged.keySet());
    for (String organization : acknowledged.keySet()) {
      assertEquals(
          published.versions(organization).stream().max(Long::compare).orElseThrow(),
          projected.get(organization),
          "exchange-service's copy of " + organization + " is at the newest version");
    }
    System.out.printf(
        "Producer kills: %d kills (%d SIGKILL, %d SIGTERM), %d writes acknowledged, %d unanswered,"
            + " %d events published (%d organizations), %d duplicate records (same ce_id twice),"
            + " 0 order violations, %d s, seed %d%n",
        KILLS,
        sigkills,
        sigterms,
        writes.acknowledgedCount(),
        writes.unanswered(),
        published.ids().size(),
        acknowledged.size(),
        published.duplicates(),
        Duration.between(started, Instant.now()).toSeconds(),
        seed);
  }

  /**
   * Suspends and resumes each agreement in turn until told to stop, counting the changes
   * agreements-service took; leaves every agreement in force.
   */
  static void suspendAndResume(
      List<Pair> pairs,
      AtomicBoolean flowing,
      Map<String, AtomicInteger> suspensions,
      Map<String, AtomicInteger> resumptions) {
    Set<Pair> suspended = new HashSet<>();
    for (int turn = 0; flowing.get() || !suspended.isEmpty(); turn++) {
      Pair pair = pairs.get(turn % pairs.size());
      if (suspended.remove(pair)) {
        suite
            .asPartner(AGREEMENTS, pair.host())
            .delete("/api/v1/agreements/" + pair.agreement() + "/suspension")
            .then()
            .statusCode(200);
        resumptions.get(pair.agreement()).incrementAndGet();
      } else if (flowing.get()) {
        suite
            .asPartner(AGREEMENTS, pair.host())
            .body(Map.of("reason", "Flow " + turn))
            .post("/api/v1/agreements/" + pair.agreement() + "/suspension")
            .then()
            .statusCode(200);
        suspensions.get(pair.agreement()).incrementAndGet();
        suspended.add(pair);
      }
      sleep(100);
    }
  }

  static List<TopicAudit> reactions(Set<String> programs, Set<String> mobilities) {
    String kafka = suite.kafka().bootstrapServers();
    return List.of(
        TopicAudit.of(kafka, "registry.programs", programs::contains),
        TopicAudit.of(kafka, "registry.mobilities", mobilities::contains));
  }

  static TopicAudit organizations(Set<String> ids) {
    return TopicAudit.of(suite.kafka().bootstrapServers(), "registry.organizations", ids::contains);
  }

  /** Acknowledged writes with no event in the topic, as "id v<version>". */
  static List<String> missing(TopicAudit published, Map<String, Set<Long>> acknowledged) {
    List<String> missing = new ArrayList<>();
    acknowledged.forEach(
        (id, versions) -> {
          Set<Long> found = published.versions(id);
          versions.stream()
              .filter(v -> !found.contains(v))
              .forEach(v -> missing.add(id + " v" + v));
        });
    return missing;
  }

  /** Those of the event ids that exchange-service recorded as applied from the topic. */
  static Set<String> processed(String topic, Set<String> ids) throws Exception {
    try (Connection db = suite.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id FROM exchange.processed_event WHERE consumer = ? AND event_id = ANY(?)")) {
      query.setString(1, topic);
      query.setArray(2, db.createArrayOf("varchar", ids.toArray()));
      Set<String> found = new HashSet<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    }
  }

  static Map<String, Long> projectedVersions(Set<String> organizations) throws Exception {
    try (Connection db = suite.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT organization_id::text, version FROM exchange.organization_projection"
                    + " WHERE organization_id::text = ANY(?)")) {
      query.setArray(1, db.createArrayOf("varchar", organizations.toArray()));
      Map<String, Long> versions = new HashMap<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          versions.put(rs.getString(1), rs.getLong(2));
        }
      }
      return versions;
    }
  }

  /**
   * Events the running exchange-service process counted with this outcome since it started; a
   * {@code duplicate} is one it found already applied (committed before an earlier process died,
   * its offset not): a kill that landed between the two commits.
   */
  static double consumed(String outcome) {
    try {
      return suite.metric(EXCHANGE, "registry_events_consumed_total{outcome=\"" + outcome + "\"");
    } catch (RuntimeException e) {
      return 0;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
