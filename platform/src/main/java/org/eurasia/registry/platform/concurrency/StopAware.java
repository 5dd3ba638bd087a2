package org.eurasia.registry.platform.concurrency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Waits that end early when their loop is told to stop. The background loops (the outbox relay, the
 * event consumer, the webhook dispatcher) spend their idle time in these, so that shutdown, which
 * only flips their running flag, finds them gone within one slice instead of waiting out a poll
 * interval or a backoff: SIGTERM to exit stays under a second.
 */
public final class StopAware {

  /** The longest a stop request goes unnoticed by a waiting loop. */
  static final Duration SLICE = Duration.ofMillis(100);

  private StopAware() {}

  /**
   * Sleeps for {@code duration} or until {@code running} turns false (or the thread is interrupted,
   * which also means shutdown).
   *
   * @return whether the loop is still running
   */
  public static boolean sleep(Duration duration, BooleanSupplier running) {
    long deadline = System.nanoTime() + duration.toNanos();
    try {
      for (long left = duration.toNanos(); left > 0 && running.getAsBoolean(); ) {
        Thread.sleep(Math.max(1, Math.min(left, SLICE.toNanos()) / 1_000_000));
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return running.getAsBoolean();
  }

  /**
   * Waits on a connection that LISTENs until a notification arrives, {@code timeout} passes or
   * {@code running} turns false. Waiting in slices costs the database nothing: the driver only
   * reads its socket with a timeout, and notifications arriving meanwhile are kept for the next
   * read.
   *
   * @return whether a notification arrived
   */
  public static boolean awaitNotification(
      Connection connection, Duration timeout, BooleanSupplier running) throws SQLException {
    PGConnection listening = connection.unwrap(PGConnection.class);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); left > 0 && running.getAsBoolean(); ) {
      int millis = (int) Math.max(1, Math.min(left, SLICE.toNanos()) / 1_000_000);
      PGNotification[] received = listening.getNotifications(millis);
      if (received != null && received.length > 0) {
        return true;
      }
      left = deadline - System.nanoTime();
    }
    return false;
  }
}
