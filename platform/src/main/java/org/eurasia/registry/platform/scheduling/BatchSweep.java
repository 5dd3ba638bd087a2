package org.eurasia.registry.platform.scheduling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The loop of a scheduled job that changes many records one by one (expire the agreements due
 * today, complete the events that ended): fetch a batch of what is due in its own transaction,
 * handle each item in its own (so one failure does not hold back the others, and a replica running
 * the same sweep finds the work done — the row's version refuses the second attempt), and go on
 * until a batch comes back short or handling a whole batch changed nothing (every item failed or
 * was done by someone else, so fetching again would return the same items).
 *
 * <p>The {@code @Scheduled} method stays with the job, which knows its schedule; it calls {@link
 * #run}.
 */
public final class BatchSweep {

  private static final Logger LOG = Logger.getLogger(BatchSweep.class);

  /** How many items one fetch returns unless a job says otherwise. */
  public static final int DEFAULT_BATCH = 100;

  private BatchSweep() {}

  /**
   * Sweeps until nothing due is left.
   *
   * @param what what one item is, for the log ("agreement")
   * @param due the next items due, at most the given number; runs in a new transaction
   * @param handle handles one item in its own transaction, true when it changed something
   * @return how many items changed
   */
  public static <T> int run(String what, IntFunction<List<T>> due, Predicate<T> handle) {
    return loop(
        what,
        DEFAULT_BATCH,
        limit -> QuarkusTransaction.requiringNew().call(() -> due.apply(limit)),
        handle);
  }

  /** The loop itself, without the transaction around the fetch. */
  static <T> int loop(String what, int batch, IntFunction<List<T>> due, Predicate<T> handle) {
    int changed = 0;
    while (true) {
      List<T> items = due.apply(batch);
      int before = changed;
      for (T item : items) {
        try {
          if (handle.test(item)) {
            changed++;
          }
        } catch (RuntimeException e) {
          // Logged and left: the next run meets it again, and the others go on.
          LOG.warnf("Could not handle %s %s: %s", what, item, e.getMessage());
        }
      }
      if (items.size() < batch || changed == before) {
        return changed;
      }
    }
  }
}
