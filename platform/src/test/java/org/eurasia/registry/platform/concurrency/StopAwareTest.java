package org.eurasia.registry.platform.concurrency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A stop request ends a background loop's wait (the bound is generous: what is tested is that the
 * wait ends, not how fast; the benchmark measures SIGTERM to exit).
 */
class StopAwareTest {

  @Test
  void aSleepOfTenMinutesEndsWhenTheLoopIsToldToStop() {
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Boolean> sleeping =
        CompletableFuture.supplyAsync(() -> StopAware.sleep(Duration.ofMinutes(10), running::get));
    running.set(false);
    assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sleeping.get()));
  }

  @Test
  void aSleepOfARunningLoopLastsItsTimeAndSaysItIsStillRunning() {
    long begin = System.nanoTime();
    assertTrue(StopAware.sleep(Duration.ofMillis(250), () -> true));
    assertTrue(System.nanoTime() - begin >= Duration.ofMillis(250).toNanos());
  }

  @Test
  void anInterruptedSleepMeansShutdown() throws Exception {
    CompletableFuture<Boolean> asleep = new CompletableFuture<>();
    Thread sleeper =
        new Thread(() -> asleep.complete(StopAware.sleep(Duration.ofMinutes(10), () -> true)));
    sleeper.start();
    sleeper.interrupt();
    assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> asleep.get()));
  }

  @Test
  void aLoopAlreadyStoppedDoesNotSleepAtAll() {
    assertFalse(
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> StopAware.sleep(Duration.ofMinutes(10), () -> false)));
  }
}
