package org.eurasia.registry.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The consumer's rule for one event: its offset may be committed only after the event was applied,
 * or dead-lettered after every attempt really ran. Shutdown at any point in between leaves the
 * offset where it was.
 */
class DeliveryTest {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<Exception> deadLetters = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();

  private Delivery delivery(int maxAttempts) {
    return new Delivery(
        maxAttempts,
        Duration.ofMillis(100),
        running::get,
        d -> {
          pauses.add(d);
          return running.get();
        });
  }

  private Delivery.Outcome deliverFailing(Delivery delivery, Runnable onEachAttempt)
      throws Exception {
    return delivery.deliver(
        () -> {
          attempts.incrementAndGet();
          onEachAttempt.run();
          throw new IllegalStateException("projection unavailable");
        },
        deadLetters::add);
  }

  @Test
  void anAppliedEventMayBeCommitted() throws Exception {
    Delivery.Outcome outcome = delivery(5).deliver(attempts::incrementAndGet, deadLetters::add);
    assertEquals(Delivery.Outcome.APPLIED, outcome);
    assertTrue(outcome.mayCommit());
    assertEquals(1, attempts.get());
  }

  @Test
  void shutdownBeforeTheFirstAttemptAbandonsTheEventUnapplied() throws Exception {
    running.set(false);
    Delivery.Outcome outcome = delivery(5).deliver(attempts::incrementAndGet, deadLetters::add);
    assertEquals(Delivery.Outcome.ABANDONED, outcome);
    assertTrue(!outcome.mayCommit(), "an event never attempted must not be committed");
    assertEquals(0, attempts.get());
    assertEquals(List.of(), deadLetters);
  }

  @Test
  void aFailingEventIsDeadLetteredOnlyAfterEveryAttemptRan() throws Exception {
    Delivery.Outcome outcome = deliverFailing(delivery(4), () -> {});
    assertEquals(Delivery.Outcome.DEAD_LETTERED, outcome);
    assertEquals(4, attempts.get());
    assertEquals(1, deadLetters.size());
    assertEquals(
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
  }

  @Test
  void shutdownDuringTheRetriesAbandonsTheEventInsteadOfDeadLetteringIt() throws Exception {
    Delivery.Outcome outcome =
        deliverFailing(
            delivery(5),
            () -> {
              if (attempts.get() == 2) {
                running.set(false);
              }
            });
    assertEquals(Delivery.Outcome.ABANDONED, outcome);
    assertEquals(2, attempts.get());
    assertEquals(List.of(), deadLetters, "retries cut short by shutdown are not a verdict");
  }

  @Test
  void shutdownDuringTheLastAttemptAbandonsTheEventToo() throws Exception {
    Delivery.Outcome outcome =
        deliverFailing(
            delivery(3),
            () -> {
              if (attempts.get() == 3) {
                running.set(false);
              }
            });
    assertEquals(Delivery.Outcome.ABANDONED, outcome);
    assertEquals(List.of(), deadLetters);
  }

  @Test
  void anUnprocessableEventIsDeadLetteredAtOnce() throws Exception {
    Delivery.Outcome outcome =
        delivery(5)
            .deliver(
                () -> {
                  attempts.incrementAndGet();
                  throw new UnprocessableEvent(
                      UnprocessableEvent.Reason.UNHANDLED_TYPE,
                      "no handler claims registry.agreement.x.v1");
                },
                deadLetters::add);
    assertEquals(Delivery.Outcome.DEAD_LETTERED, outcome);
    assertEquals(1, attempts.get());
    assertEquals(List.of(), pauses);
  }

  @Test
  void aDeadLetterThatCannotBeWrittenLeavesTheOffsetWhereItWas() {
    assertThrows(
        IllegalStateException.class,
        () ->
            delivery(2)
                .deliver(
                    () -> {
                      throw new IllegalStateException("projection unavailable");
                    },
                    last -> {
                      throw new IllegalStateException("dead-letter topic unavailable");
                    }));
  }
}
