package org.eurasia.registry.agreements.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.events.OutboxRelay;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A producer whose database is restored from a backup repeats version numbers its consumers have
 * already applied; its new events must not be dropped as stale. The restore is simulated the way
 * the relay sees one: the newest recorded epoch names another database lineage than the one it runs
 * on. The probe events go through this service's own outbox, relay, topic and consumer.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RestoredProducerTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Inject EntityManager em;

  @Inject OutboxRelay relay;

  private void announce(String subject, long version) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, aggregate_version,"
                            + " event_type, payload, occurred_at) VALUES (?1, 'registry.test.probes', 'probe', ?2,"
                            + " ?3, ?4, '{}', ?5)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, subject)
                    .setParameter(3, version)
                    .setParameter(4, ProbeHandler.VERSIONED)
                    .setParameter(5, OffsetDateTime.now())
                    .executeUpdate());
  }

  private List<Long> applied(String subject) {
    return ProbeHandler.APPLIED_VERSIONS.getOrDefault(subject, List.of());
  }

  @Test
  void aProducerRestoredFromABackupHasItsNextEventsAppliedNotDroppedAsStale() {
    String subject = "restored-" + UUID.randomUUID();
    for (long version = 1; version <= 3; version++) {
      announce(subject, version);
    }
    await().atMost(WAIT).until(() -> applied(subject).size() == 3);

    // The backup was taken at version 1; the database it came back on has another lineage.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE producer_epoch SET system_identifier = 'before-restore'")
                    .executeUpdate());
    relay.stop();
    relay.start();
    announce(subject, 2);
    announce(subject, 3);

    await().atMost(WAIT).until(() -> applied(subject).size() == 5);
    assertEquals(List.of(1L, 2L, 3L, 2L, 3L), applied(subject));
    List<ConsumerRecord<String, byte[]>> records =
        KafkaProbe.collect(
            "registry.test.probes", r -> subject.equals(r.key()), 5, WAIT, Duration.ZERO);
    long before = Long.parseLong(KafkaProbe.header(records.get(0), "ce_aggregateepoch"));
    long after = Long.parseLong(KafkaProbe.header(records.get(4), "ce_aggregateepoch"));
    assertTrue(after > before, "a new epoch began: " + before + " -> " + after);
    long epochs =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery("SELECT count(*) FROM producer_epoch")
                                .getSingleResult())
                        .longValue());
    assertTrue(epochs >= 2, "the new epoch is recorded");
  }
}
