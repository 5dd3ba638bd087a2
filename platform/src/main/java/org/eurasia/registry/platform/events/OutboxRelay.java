package org.eurasia.registry.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.eurasia.registry.platform.concurrency.StopAware;
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

  @Inject MessagingConfig config;

  @Inject RelayMetrics metrics;

  @Inject MeterRegistry meters;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean active = new AtomicBoolean();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private Thread thread;
  private KafkaProducer<String, byte[]> producer;
  private long epoch;

  void onStart(@Observes StartupEvent event) {
    // Summed over a service's replicas this is 1 when all is well: the relay-without-leader alert
    // watches it (a disabled relay reports 0).
    Gauge.builder("registry.outbox.relay.leader", active, a -> a.get() ? 1 : 0)
        .description("1 while this replica holds the relay lock and publishes the outbox")
        .register(meters);
    if (config.relay().enabled()) {
      start();
    }
  }

  /**
   * Shutdown tells every background loop to stop before any of them is awaited ({@link #onStop}
   * runs later), so the relay's last batch, the consumer's leaving its group and the webhook
   * dispatcher's last claims overlap instead of adding up.
   */
  void onStopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    running.set(false);
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the relay thread (idempotent). */
  public synchronized void start() {
    if (running.get()) {
      return;
    }
    // A relay told to stop and not awaited yet finishes first: one relay thread at a time.
    stop();
    running.set(true);
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops after the batch in flight is acknowledged (or fails), so shutdown never strands a
   * half-sent batch.
   */
  public synchronized void stop() {
    running.set(false);
    if (thread == null) {
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

  /**
   * Waits for the lock, relays while holding it, and starts over with a backoff on failure. A
   * standby asks every other poll interval, with its connection back in the pool in between, so it
   * takes over within about the lease plus two poll intervals of the leader falling silent.
   */
  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (running.get()) {
      boolean standingBy = false;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        String schema = RelayLock.schemaOf(connection);
        if (RelayLock.tryAcquire(connection, schema, config.relay().lease())) {
          try {
            relay(connection, schema);
            backoff = FIRST_BACKOFF;
          } finally {
            RelayLock.release(connection);
          }
        } else {
          standingBy = true;
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
      if (standingBy) {
        sleep(config.relay().pollInterval().multipliedBy(2));
      }
    }
    closeProducer();
  }

  /**
   * Publishes while this replica holds the lock, until stopped or until the connection or Kafka
   * fails. A new leader always starts a new producer: its {@code initTransactions} is what fences
   * every earlier leader's producer.
   */
  private void relay(Connection connection, String schema) throws Exception {
    active.set(true);
    LOG.infof("Outbox relay active for schema %s", schema);
    OutboxRows.listen(connection, schema);
    epoch = ProducerEpoch.current(connection);
    kafka.provisionTopics();
    OutboxRows.heartbeat(connection);
    closeProducer();
    producer = kafka.relayProducer();
    producer.initTransactions();
    Duration backoff = FIRST_BACKOFF;
    while (running.get()) {
      BatchResult result = publishBatch(connection);
      if (result.failed() > 0) {
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
        sleepSpeaking(connection, backoff);
      } else {
        backoff = FIRST_BACKOFF;
        if (result.sent() < config.relay().batchSize()) {
          OutboxRows.awaitNotification(connection, config.relay().pollInterval(), running::get);
        }
      }
    }
  }

  /**
   * Sends the oldest publishable rows in one Kafka transaction and deletes them once it committed.
   * When the broker refuses a record the transaction is aborted (nothing of the batch becomes
   * visible, so no later event of an aggregate can overtake an earlier one), the refused rows count
   * an attempt, and rows refused {@code park-after-attempts} times are parked with their
   * aggregate's later rows.
   */
  BatchResult publishBatch(Connection connection) throws Exception {
    if (OutboxRows.anyParked(connection)) {
      OutboxRows.park(connection, config.relay().parkAfterAttempts());
    }
    List<OutboxRows.Pending> rows = OutboxRows.oldest(connection, config.relay().batchSize());
    if (rows.isEmpty()) {
      return new BatchResult(0, 0);
    }
    URI source = URI.create(config.source());
    long spokeAt = System.nanoTime();
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    producer.beginTransaction();
    for (OutboxRows.Pending row : rows) {
      Future<RecordMetadata> send = producer.send(OutboxCloudEvents.record(row, source, epoch));
      sends.add(send);
      if (send.isDone() && failure(send) != null) {
        // The transaction will abort anyway: sending the rest would only wait on more metadata.
        break;
      }
      if (System.nanoTime() - spokeAt > heartbeatNanos()) {
        OutboxRows.heartbeat(connection);
        spokeAt = System.nanoTime();
      }
    }
    OutboxRows.heartbeat(connection);
    try {
      if (sends.size() < rows.size()
          || sends.stream().anyMatch(f -> f.isDone() && failure(f) != null)) {
        throw new KafkaException("a record was refused");
      }
      commit(connection);
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      // Another replica leads now and has taken over the rows: leave quietly.
      throw new IllegalStateException("Fenced by a newer relay leader", e);
    } catch (KafkaException e) {
      abort();
      return refused(connection, rows, sends, e);
    }
    List<UUID> acknowledged = new ArrayList<>(rows.size());
    for (OutboxRows.Pending row : rows) {
      acknowledged.add(row.id());
      metrics.acknowledged(row.occurredAt());
    }
    OutboxRows.delete(connection, acknowledged);
    metrics.published(acknowledged.size());
    return new BatchResult(acknowledged.size(), 0);
  }

  /** Commits the batch's transaction, retrying a timed-out commit ({@link CommitRetry}). */
  private void commit(Connection connection) throws SQLException {
    CommitRetry.commit(
        producer,
        running::get,
        timeout -> {
          lastError.set("The commit of a batch timed out; retrying it: " + timeout.getMessage());
          LOG.warnf(
              "The commit of a relay batch timed out (%s); retrying it", timeout.getMessage());
          OutboxRows.heartbeat(connection);
        });
  }

  /**
   * Counts an attempt on the rows whose own record the broker refused (not those aborted with
   * them), provided the broker answers at all: an outage is nobody's fault and parks nothing.
   */
  private BatchResult refused(
      Connection connection,
      List<OutboxRows.Pending> rows,
      List<Future<RecordMetadata>> sends,
      KafkaException error)
      throws SQLException {
    List<UUID> refused = new ArrayList<>();
    String reason = error.toString();
    for (int i = 0; i < sends.size(); i++) {
      Throwable cause = failure(sends.get(i));
      if (cause != null && !(cause instanceof TransactionAbortedException)) {
        refused.add(rows.get(i).id());
        reason = cause.toString();
      }
    }
    lastError.set(reason);
    metrics.refused(rows.size());
    LOG.warnf("Kafka did not take a batch of %d events: %s", rows.size(), reason);
    if (!refused.isEmpty() && kafka.brokerReachable(Duration.ofSeconds(2))) {
      OutboxRows.markRefused(connection, refused, reason);
      int parked = OutboxRows.park(connection, config.relay().parkAfterAttempts());
      if (parked > 0) {
        metrics.parked(parked);
        LOG.errorf(
            "Parked %d outbox rows after %d refused attempts (%s); other aggregates keep flowing."
                + " List and release them at /api/v1/operations/outbox/parked",
            parked, config.relay().parkAfterAttempts(), reason);
      }
    }
    return new BatchResult(0, rows.size());
  }

  private void abort() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      // A producer that cannot even abort is in a fatal state: the next leader term starts anew.
      throw new IllegalStateException("Cannot abort the relay's Kafka transaction", e);
    }
  }

  private static Throwable failure(Future<RecordMetadata> send) {
    if (!send.isDone()) {
      return null;
    }
    try {
      send.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /** Speaks to PostgreSQL well within the lease, so a live leader's session never looks idle. */
  private long heartbeatNanos() {
    return config.relay().lease().dividedBy(3).toNanos();
  }

  /** Waits while keeping the session (and so the lease) alive. */
  private void sleepSpeaking(Connection connection, Duration duration) throws SQLException {
    Duration step = config.relay().lease().dividedBy(3);
    for (Duration left = duration; running.get() && !left.isNegative() && !left.isZero(); ) {
      Duration slice = min(left, step);
      sleep(slice);
      OutboxRows.heartbeat(connection);
      left = left.minus(slice);
    }
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
    if (!StopAware.sleep(duration, running::get)) {
      running.set(false);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  record BatchResult(int sent, int failed) {}
}
