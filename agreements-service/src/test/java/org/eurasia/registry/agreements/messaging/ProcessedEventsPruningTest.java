package org.eurasia.registry.agreements.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.platform.events.ProcessedEventsPruning;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The ids of applied events are kept as long as their events can be redelivered, not forever: older
 * ones are pruned, in batches, and younger ones stay.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProcessedEventsPruningTest {

  @Inject ProcessedEventsPruning pruning;

  @Inject EntityManager em;

  private void processed(String consumer, String id, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, consumer)
                    .setParameter(2, id)
                    .setParameter(3, at)
                    .executeUpdate());
  }

  private long count(String consumer) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM processed_event WHERE consumer = ?1")
                            .setParameter(1, consumer)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void idsOlderThanTheRetentionArePrunedAndYoungerOnesKept() {
    String consumer = "registry.test.pruning-" + UUID.randomUUID();
    Instant now = Instant.now();
    int old = 5_123; // more than one batch of 5,000
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id, processed_at)"
                            + " SELECT ?1, 'old-' || n, ?2 FROM generate_series(1, ?3) n")
                    .setParameter(1, consumer)
                    .setParameter(2, now.minus(Duration.ofDays(40)))
                    .setParameter(3, old)
                    .executeUpdate());
    processed(consumer, "young", now.minus(Duration.ofDays(2)));

    long pruned = pruning.prune(now.minus(Duration.ofDays(30)));

    assertEquals(1, count(consumer), "only the young id is left");
    org.junit.jupiter.api.Assertions.assertTrue(pruned >= old, "pruned " + pruned);
  }
}
