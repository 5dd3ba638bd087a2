package org.eurasia.registry.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps {@code processed_event} from growing forever: ids of events applied longer ago than {@code
 * registry.messaging.consumer.processed-retention} are deleted, a bounded batch per transaction.
 * Every replica may run it; deleting is idempotent. The retention must outlive the consumed topics'
 * retention, since an id is only needed while its event can still be delivered.
 */
@ApplicationScoped
public class ProcessedEventsPruning {

  private static final Logger LOG = Logger.getLogger(ProcessedEventsPruning.class);
  private static final int BATCH = 5_000;

  @Inject MessagingConfig config;

  @Inject EntityManager em;

  void checkRetention(@Observes StartupEvent event) {
    if (config.consumer().processedRetention().compareTo(config.provisioning().retention()) <= 0) {
      throw new IllegalStateException(
          "registry.messaging.consumer.processed-retention ("
              + config.consumer().processedRetention()
              + ") must exceed the topics' retention ("
              + config.provisioning().retention()
              + "): a redelivered event older than it would be applied twice");
    }
  }

  @Scheduled(
      identity = "processed-event-pruning",
      every = "${registry.messaging.consumer.prune-interval:1h}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    prune(Instant.now().minus(config.consumer().processedRetention()));
  }

  /** Deletes the ids of events applied before {@code cutoff}; returns how many. */
  public long prune(Instant cutoff) {
    long total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery(
                              "DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event"
                                  + " WHERE processed_at < ?1 LIMIT ?2)")
                          .setParameter(1, cutoff)
                          .setParameter(2, BATCH)
                          .executeUpdate());
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      LOG.infof("Pruned %d processed-event ids older than %s", total, cutoff);
    }
    return total;
  }
}
