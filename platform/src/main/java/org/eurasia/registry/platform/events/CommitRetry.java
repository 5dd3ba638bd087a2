package org.eurasia.registry.platform.events;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Commits a producer's transaction the one way Kafka allows after a timeout. A commit that timed
 * out may still complete at the broker; its outcome is unknown, and Kafka's contract lets only a
 * retry of the commit, or closing the producer, follow. Aborting it and sending the rows again in a
 * new transaction published them twice whenever the first one did commit (the suite's Kafka outage
 * test caught it). So the commit is retried, with the caller keeping its lease alive in between,
 * until the broker answers; a transaction its coordinator timed out meanwhile answers as fenced,
 * and its records were never visible to a {@code read_committed} reader. Only a stopping relay
 * leaves an unanswered commit behind (to the next leader, whose {@code initTransactions} settles
 * it).
 */
final class CommitRetry {

  private CommitRetry() {}

  /** What the caller does after each timed-out attempt (log, keep its lease). */
  @FunctionalInterface
  interface Pause {
    void afterTimeout(TimeoutException timeout) throws SQLException;
  }

  static void commit(Producer<?, ?> producer, BooleanSupplier running, Pause pause)
      throws SQLException {
    while (true) {
      try {
        producer.commitTransaction();
        return;
      } catch (TimeoutException e) {
        if (!running.getAsBoolean()) {
          throw new IllegalStateException("Stopping with the batch's commit unanswered", e);
        }
        pause.afterTimeout(e);
      }
    }
  }
}
