package org.eurasia.registry.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes each row only after the broker
 * acknowledged it. This class is the loop and the lifecycle; the mechanisms it uses are each in
 * their own class: leadership ({@link RelayLock}), the table and its notifications ({@link
 * OutboxRows}), the CloudEvent record ({@link OutboxCloudEvents}) and the meters ({@link
 * RelayMetrics}).
 *
 * <p>One relay is active per service however many replicas run: the one holding the relay lock. The
 * active relay LISTENs for the commit notification the outbox trigger sends, so an event leaves
 * within milliseconds of its commit; polling is only the fallback.
 *
 * <p>Order: rows are sent in insertion order with the aggregate id as key, through an idempotent
 * producer, so one aggregate's events reach one partition in order. Insertion order equals commit
 * order for one aggregate because every change to an aggregate bumps its {@code @Version}: two
 * transactions cannot both commit a change to the same version.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  @Inject AgroalDataSource dataSource;

  @Inject KafkaClients kafka;

  @Inject EventsConfig config;

  @Inject RelayMetrics metrics;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean active = new AtomicBoolean();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private Thread thread;
  private KafkaProducer<String, byte[]> producer;

  void onStart(@Observes StartupEvent event) {
    if (config.relay().enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the relay thread (idempotent). */
  public synchronized void start() {
    if (running.getAndSet(true)) {
      return;
    }
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops after the batch in flight is acknowledged (or fails), so shutdown never strands a
   * half-sent batch.
   */
  public synchronized void stop() {
    if (!running.getAndSet(false)) {
      return;
    }
    try {
      thread.join(Duration.ofSeconds(25).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  /** True while this replica holds the relay lock. */
  public boolean isActive() {
    return active.get();
  }

  public String lastError() {
    return lastError.get();
  }

  /** Waits for the lock, relays while holding it, and starts over with a backoff on failure. */
  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (running.get()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        String schema = RelayLock.schemaOf(connection);
        if (!RelayLock.tryAcquire(connection, schema)) {
          sleep(config.relay().pollInterval().multipliedBy(5));
          continue;
        }
        try {
          relay(connection, schema);
          backoff = FIRST_BACKOFF;
        } finally {
          RelayLock.release(connection);
        }
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        lastError.set(e.getMessage());
        LOG.warnf("Outbox relay interrupted (%s); retrying in %s", e.getMessage(), backoff);
        closeProducer();
        sleep(backoff);
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
      } finally {
        active.set(false);
      }
    }
    closeProducer();
  }

  /**
   * Publishes while this replica holds the lock, until stopped or until the connection or Kafka
   * fails.
   */
  private void relay(Connection connection, String schema) throws Exception {
    active.set(true);
    LOG.infof("Outbox relay active for schema %s", schema);
    OutboxRows.listen(connection, schema);
    kafka.provisionTopics();
    if (producer == null) {
      producer = kafka.producer("outbox-relay");
    }
    Duration backoff = FIRST_BACKOFF;
    while (running.get()) {
      BatchResult result = publishBatch(connection);
      if (result.failed() > 0) {
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
        sleep(backoff);
      } else {
        backoff = FIRST_BACKOFF;
        if (result.sent() < config.relay().batchSize()) {
          OutboxRows.awaitNotification(connection, config.relay().pollInterval());
        }
      }
    }
  }

  /**
   * Sends the oldest rows and deletes those the broker acknowledged; the others stay for the next
   * attempt.
   */
  BatchResult publishBatch(Connection connection) throws SQLException, InterruptedException {
    List<OutboxRows.Pending> rows = OutboxRows.oldest(connection, config.relay().batchSize());
    if (rows.isEmpty()) {
      return new BatchResult(0, 0);
    }
    URI source = URI.create(config.source());
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    for (OutboxRows.Pending row : rows) {
      sends.add(producer.send(OutboxCloudEvents.record(row, source)));
    }
    List<UUID> acknowledged = new ArrayList<>();
    List<UUID> refused = new ArrayList<>();
    String error = null;
    for (int i = 0; i < rows.size(); i++) {
      try {
        sends.get(i).get(60, TimeUnit.SECONDS);
        acknowledged.add(rows.get(i).id());
        metrics.acknowledged(rows.get(i).occurredAt());
      } catch (ExecutionException | TimeoutException e) {
        refused.add(rows.get(i).id());
        error = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
    }
    if (!acknowledged.isEmpty()) {
      OutboxRows.delete(connection, acknowledged);
      metrics.published(acknowledged.size());
    }
    if (!refused.isEmpty()) {
      OutboxRows.markRefused(connection, refused, error);
      metrics.refused(refused.size());
      lastError.set(error);
      LOG.warnf(
          "Kafka did not acknowledge %d of %d events: %s", refused.size(), rows.size(), error);
    }
    return new BatchResult(acknowledged.size(), refused.size());
  }

  private void closeProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("Closing producer failed", e);
      }
      producer = null;
    }
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  record BatchResult(int sent, int failed) {}
}
