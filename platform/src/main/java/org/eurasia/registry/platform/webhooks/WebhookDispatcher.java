package org.eurasia.registry.platform.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eurasia.registry.platform.concurrency.StopAware;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, after commit and never on a writing thread. It LISTENs for the commit
 * notification the delivery trigger sends (polling is the fallback), claims due heads under a
 * lease, and sends them asynchronously, bounded in flight in all and per subscription, so a slow
 * receiver holds only its own slots. Every replica runs one: claims skip each other's rows, and a
 * replica that dies leaves leases that expire, after which its deliveries are sent again.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  @Inject AgroalDataSource dataSource;

  @Inject WebhooksConfig config;

  @Inject WebhookDeliveries deliveries;

  @Inject WebhookSender sender;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<UUID, AtomicInteger> inFlightBySubscription = new ConcurrentHashMap<>();
  private ExecutorService completions;
  private Thread thread;

  void onStart(@Observes StartupEvent event) {
    if (config.dispatcher().enabled()) {
      start();
    }
  }

  /**
   * Told first, with the other background loops (see {@code OutboxRelay.onStopping}); awaited in
   * {@link #onStop}.
   */
  void onStopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    running.set(false);
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the dispatcher thread (idempotent). */
  public synchronized void start() {
    if (running.get()) {
      return;
    }
    // A dispatcher told to stop and not awaited yet finishes first: one dispatcher at a time.
    stop();
    running.set(true);
    // Recording an outcome is a short transaction; a few threads keep it off the HTTP client's.
    completions =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread completion = new Thread(runnable, "webhook-outcomes");
              completion.setDaemon(true);
              return completion;
            });
    thread = new Thread(this::run, "webhook-dispatcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops claiming; deliveries in flight finish or their leases expire. */
  public synchronized void stop() {
    running.set(false);
    if (thread == null) {
      return;
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
      completions.shutdown();
      completions.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (running.get()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        listen(connection);
        backoff = FIRST_BACKOFF;
        while (running.get()) {
          int claimed = dispatchDue();
          if (claimed == 0 || inFlight.get() >= config.dispatcher().maxInFlight()) {
            StopAware.awaitNotification(
                connection, config.dispatcher().pollInterval(), running::get);
          }
        }
      } catch (Exception e) {
        LOG.warnf("Webhook dispatcher interrupted (%s); retrying in %s", e.getMessage(), backoff);
        StopAware.sleep(backoff, running::get);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private static void listen(Connection connection) throws Exception {
    String schema;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
      rs.next();
      schema = rs.getString(1);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN webhooks_" + schema);
    }
  }

  /** Claims what may be sent now and sends it; returns how many were claimed. */
  int dispatchDue() {
    int free = config.dispatcher().maxInFlight() - inFlight.get();
    if (free <= 0) {
      return 0;
    }
    int perSubscription = config.dispatcher().maxInFlightPerSubscription();
    List<UUID> busy =
        inFlightBySubscription.entrySet().stream()
            .filter(e -> e.getValue().get() >= perSubscription)
            .map(Map.Entry::getKey)
            .toList();
    List<WebhookDeliveries.Claimed> claimed = deliveries.claim(free, perSubscription, busy);
    for (WebhookDeliveries.Claimed delivery : claimed) {
      AtomicInteger slots =
          inFlightBySubscription.computeIfAbsent(
              delivery.subscriptionId(), id -> new AtomicInteger());
      if (slots.incrementAndGet() > perSubscription) {
        slots.decrementAndGet();
        deliveries.release(delivery.id());
        continue;
      }
      inFlight.incrementAndGet();
      sender
          .send(delivery.url(), delivery.secret(), delivery.messageId().toString(), delivery.body())
          .thenAcceptAsync(
              outcome -> {
                // Slots first: the outcome's notification may wake the loop at once.
                slots.decrementAndGet();
                inFlight.decrementAndGet();
                try {
                  deliveries.complete(delivery, outcome);
                } catch (RuntimeException e) {
                  // The lease expires and the delivery is sent again: at least once.
                  LOG.warnf(
                      e, "Could not record the outcome of webhook delivery %s", delivery.id());
                }
              },
              completions);
    }
    return claimed.size();
  }
}
