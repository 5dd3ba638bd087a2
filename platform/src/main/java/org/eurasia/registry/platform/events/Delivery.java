package org.eurasia.registry.platform.events;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The attempts to apply one received event, and what the consumer may do with its offset after
 * them. Only two outcomes let the offset move on: the event was applied (or found applied before),
 * or it was dead-lettered after every attempt really ran. Shutdown during the attempts abandons the
 * event: its offset stays, so the next owner of the partition reads it again.
 */
final class Delivery {

  /** What happened to the event. */
  enum Outcome {
    /** Applied now or before: commit the offset. */
    APPLIED,
    /** Written to the dead-letter topic after all attempts (or at once, if unprocessable). */
    DEAD_LETTERED,
    /** Shutdown came first: do not commit, stop consuming. */
    ABANDONED;

    boolean mayCommit() {
      return this != ABANDONED;
    }
  }

  /** One attempt: throws when the event could not be applied. */
  @FunctionalInterface
  interface Attempt {
    void run() throws Exception;
  }

  /** Writes the dead letter; throws when it cannot (the event must then not be skipped). */
  @FunctionalInterface
  interface DeadLetter {
    void send(Exception lastError) throws Exception;
  }

  /** Waits between attempts; returns false when interrupted (shutdown). */
  @FunctionalInterface
  interface Pause {
    boolean sleep(Duration duration);
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final BooleanSupplier running;
  private final Pause pause;

  Delivery(int maxAttempts, Duration initialBackoff, BooleanSupplier running, Pause pause) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.running = running;
    this.pause = pause;
  }

  /**
   * Runs up to {@code maxAttempts} attempts with exponential backoff. An {@link UnprocessableEvent}
   * goes to the dead letters at once: retrying cannot change its content.
   */
  Outcome deliver(Attempt attempt, DeadLetter deadLetter) throws Exception {
    Duration backoff = initialBackoff;
    Exception last = null;
    for (int n = 1; n <= maxAttempts; n++) {
      // Checked before every attempt, the first included: an event never attempted is abandoned,
      // never committed, and one whose retries were cut short is never dead-lettered.
      if (!running.getAsBoolean()) {
        return Outcome.ABANDONED;
      }
      try {
        attempt.run();
        return Outcome.APPLIED;
      } catch (UnprocessableEvent e) {
        last = e;
        break;
      } catch (Exception e) {
        last = e;
        if (n < maxAttempts) {
          if (!pause.sleep(backoff)) {
            return Outcome.ABANDONED;
          }
          backoff = backoff.multipliedBy(2);
        }
      }
    }
    if (!running.getAsBoolean() && !(last instanceof UnprocessableEvent)) {
      // The last attempt may have failed because shutdown closed what it needed (the database
      // pool): that is not the event's fault.
      return Outcome.ABANDONED;
    }
    deadLetter.send(last);
    return Outcome.DEAD_LETTERED;
  }
}
