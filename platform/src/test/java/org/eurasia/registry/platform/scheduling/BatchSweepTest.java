package org.eurasia.registry.platform.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchSweepTest {

  /** Items 0..n-1 are due until handled; the fetch returns the lowest due ones. */
  private static final class Backlog {
    final List<Integer> due = new ArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();

    Backlog(int size) {
      for (int i = 0; i < size; i++) {
        due.add(i);
      }
    }

    List<Integer> next(int limit) {
      fetches.incrementAndGet();
      return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }
  }

  @Test
  void handlesEveryDueItemAcrossBatches() {
    Backlog backlog = new Backlog(25);
    int changed = BatchSweep.loop("item", 10, backlog::next, backlog.due::remove);
    assertEquals(25, changed);
    assertEquals(List.of(), backlog.due);
    assertEquals(3, backlog.fetches.get(), "10 + 10 + a short batch of 5 ends it");
  }

  @Test
  void oneFailingItemDoesNotHoldBackTheOthers() {
    Backlog backlog = new Backlog(5);
    int changed =
        BatchSweep.loop(
            "item",
            10,
            backlog::next,
            item -> {
              if (item == 2) {
                throw new IllegalStateException("row locked");
              }
              return backlog.due.remove(item);
            });
    assertEquals(4, changed);
    assertEquals(List.of(2), backlog.due, "left for the next run");
  }

  @Test
  void stopsWhenAFullBatchChangesNothingInsteadOfFetchingItForever() {
    // Ten items always due and always failing (or done by another replica): one fetch, no loop.
    Backlog backlog = new Backlog(10);
    Set<Integer> failing = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    int changed =
        BatchSweep.loop(
            "item",
            10,
            backlog::next,
            item -> {
              if (failing.contains(item)) {
                throw new IllegalStateException("version changed");
              }
              return true;
            });
    assertEquals(0, changed);
    assertEquals(1, backlog.fetches.get());
  }

  @Test
  void aFullBatchWithSomeProgressFetchesAgain() {
    Backlog backlog = new Backlog(10);
    int changed =
        BatchSweep.loop(
            "item", 10, backlog::next, item -> item % 2 == 0 && backlog.due.remove(item));
    assertEquals(5, changed);
    assertEquals(2, backlog.fetches.get(), "the second fetch comes back short (5 odd ones)");
  }
}
