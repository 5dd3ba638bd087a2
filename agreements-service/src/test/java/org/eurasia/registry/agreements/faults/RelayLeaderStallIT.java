package org.eurasia.registry.agreements.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.OrganizationWrites;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.eurasia.registry.platform.testing.TopicAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 3: two replicas of agreements-service on one database, and the one whose relay
 * holds the lock frozen (SIGSTOP) while writes continue on the other, as a paused VM or a
 * partitioned pod looks to PostgreSQL and Kafka: connections open, nothing said. The other replica
 * must take the relay over within {@link #TAKEOVER} and publish the writes; when the frozen one
 * wakes (SIGCONT) it must not publish anything more, so one organization's events stay in version
 * order. Records are read {@code read_committed}, as the consumers read them.
 */
class RelayLeaderStallIT {

  static final String SERVICE = "agreements-service";
  static final String TOPIC = "registry.organizations";

  /** The lead's design: the frozen leader's session ends by idle_session_timeout within ~10 s. */
  static final Duration TAKEOVER = Duration.ofSeconds(30);

  static final Duration PUBLISHED = Duration.ofSeconds(30);

  static RunningSuite suite;

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    suite = RunningSuite.create("relay-stall");
    suite.start(
        SERVICE,
        Path.of("").toAbsolutePath(),
        Map.of("REGISTRY_MESSAGING_RELAY_MAX_BACKOFF", "2s"));
    suite.startReplica(SERVICE, "b");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void aFrozenRelayLeaderIsReplacedWithinThirtySecondsAndPublishesNothingWhenItWakes()
      throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String leader =
        await().atMost(TAKEOVER).until(() -> suite.activeRelay(SERVICE), Optional::isPresent).get();
    String other =
        suite.replicasOf(SERVICE).stream().filter(r -> !r.equals(leader)).findFirst().orElseThrow();

    OrganizationWrites writes = OrganizationWrites.start(suite, other, 2);
    Map<String, Set<Long>> beforeWaking;
    List<ConsumerRecord<String, byte[]>> beforeWakingRecords;
    long takeoverSeconds;
    int duplicatesAfterWaking;
    TopicAudit published;
    try {
      // Frozen at a random moment of the flow: perhaps between reading a batch and sending it, or
      // between the broker's acknowledgement and the delete.
      Thread.sleep(2000 + random.nextInt(2000));
      suite.freeze(leader);
      Instant frozenAt = Instant.now();
      await()
          .atMost(TAKEOVER)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> suite.activeRelay(SERVICE).equals(Optional.of(other)));
      takeoverSeconds = Duration.between(frozenAt, Instant.now()).toSeconds();
      Thread.sleep(3000);

      // What was acknowledged while the leader was frozen reaches Kafka through the new leader.
      beforeWaking = writes.acknowledged();
      await()
          .atMost(PUBLISHED)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> missing(organizations(beforeWaking.keySet()), beforeWaking).isEmpty());
      beforeWakingRecords = KafkaProbe.readAll(suite.kafka().bootstrapServers(), TOPIC, r -> true);

      suite.thaw(leader);
      Thread.sleep(5000);
    } finally {
      writes.close();
    }
    Map<String, Set<Long>> acknowledged = writes.acknowledged();
    await()
        .atMost(PUBLISHED)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> missing(organizations(acknowledged.keySet()), acknowledged).isEmpty());
    Thread.sleep(3000);
    published = organizations(acknowledged.keySet());
    assertEquals(List.of(), missing(published, acknowledged), "every acknowledged write published");
    assertEquals(List.of(), published.orderViolations(), "per-organization order");

    // The new leader publishes each row once and deletes it: an event already in the topic before
    // the old leader woke and written again after can only be the old leader's stale batch.
    Set<String> before = new HashSet<>();
    Set<String> positions = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : beforeWakingRecords) {
      before.add(TopicAudit.id(record));
      positions.add(record.partition() + "@" + record.offset());
    }
    List<String> stale = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record :
        KafkaProbe.readAll(suite.kafka().bootstrapServers(), TOPIC, r -> true)) {
      if (!positions.contains(record.partition() + "@" + record.offset())
          && before.contains(TopicAudit.id(record))) {
        stale.add(TopicAudit.id(record));
      }
    }
    duplicatesAfterWaking = stale.size();
    assertEquals(
        Optional.of(other), suite.activeRelay(SERVICE), "the woken replica did not take back over");

    System.out.printf(
        "Relay leader stall: takeover after %d s (bound %d s), %d writes acknowledged (%d before"
            + " the old leader woke), %d events published, %d duplicate records, %d of them"
            + " republished after the old leader woke, seed %d%n",
        takeoverSeconds,
        TAKEOVER.toSeconds(),
        writes.acknowledgedCount(),
        beforeWaking.values().stream().mapToInt(Set::size).sum(),
        published.ids().size(),
        published.duplicates(),
        duplicatesAfterWaking,
        seed);
    assertEquals(0, duplicatesAfterWaking, "the old leader published nothing after waking");
  }

  static TopicAudit organizations(Set<String> ids) {
    return TopicAudit.of(suite.kafka().bootstrapServers(), TOPIC, ids::contains);
  }

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
}
