package org.eurasia.registry.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A timed-out commit is retried until the broker answers, and never aborted. */
class CommitRetryTest {

  /** Times out the first {@code timeouts} commits, as a broker that is away, then commits. */
  static final class AwayBroker extends MockProducer<String, String> {
    private int timeouts;
    int commits;

    AwayBroker(int timeouts) {
      super(true, null, new StringSerializer(), new StringSerializer());
      this.timeouts = timeouts;
      initTransactions();
      beginTransaction();
    }

    @Override
    public synchronized void commitTransaction() {
      commits++;
      if (timeouts-- > 0) {
        throw new TimeoutException("Timeout expired after 10000ms while awaiting EndTxn(true)");
      }
      super.commitTransaction();
    }
  }

  @Test
  void aTimedOutCommitIsRetriedUntilItCommitsWithTheLeaseKeptMeanwhile() throws Exception {
    AwayBroker producer = new AwayBroker(3);
    AtomicInteger pauses = new AtomicInteger();
    CommitRetry.commit(producer, () -> true, timeout -> pauses.incrementAndGet());
    assertEquals(4, producer.commits);
    assertEquals(3, pauses.get(), "the lease is kept after each timeout");
    assertTrue(producer.transactionCommitted());
    assertFalse(producer.transactionAborted(), "never aborted: it may have committed");
  }

  @Test
  void aStoppingRelayLeavesTheCommitUnansweredWithoutAborting() {
    AwayBroker producer = new AwayBroker(1);
    IllegalStateException stopped =
        assertThrows(
            IllegalStateException.class,
            () -> CommitRetry.commit(producer, () -> false, timeout -> {}));
    assertTrue(stopped.getCause() instanceof TimeoutException);
    assertEquals(1, producer.commits);
    assertFalse(producer.transactionAborted());
    assertFalse(producer.transactionCommitted());
  }
}
