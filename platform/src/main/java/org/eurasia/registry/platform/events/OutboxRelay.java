package org.eurasia.registry.platform.events;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes each row only after the broker
 * acknowledged it.
 *
 * <p>One relay is active per service however many replicas run: it holds a PostgreSQL session
 * advisory lock on its own connection, and the others wait for that lock (it is released when the
 * holder's connection ends, so a killed replica hands over by itself). The active relay LISTENs for
 * the commit notification the outbox trigger sends, so an event leaves within milliseconds of its
 * commit; polling is only the fallback.
 *
 * <p>Order: rows are sent in insertion order with the aggregate id as key, through an idempotent
 * producer, so one aggregate's events reach one partition in order. Insertion order equals commit
 * order for one aggregate because every change to an aggregate bumps its {@code @Version}: two
 * transactions cannot both commit a change to the same version.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  @Inject AgroalDataSource dataSource;

  @Inject KafkaClients kafka;

  @Inject EventsConfig config;

  @Inject MeterRegistry metrics;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean active = new AtomicBoolean();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private Thread thread;
  private KafkaProducer<String, byte[]> producer;
  private Counter published;
  private Counter failures;
  private Timer commitToAck;

  void onStart(@Observes StartupEvent event) {
    published =
        Counter.builder("registry.outbox.published")
            .description("Events acknowledged by Kafka")
            .register(metrics);
    failures =
        Counter.builder("registry.outbox.publish.failures")
            .description("Events Kafka refused or did not acknowledge in time")
            .register(metrics);
    commitToAck =
        Timer.builder("registry.outbox.publish.delay")
            .description("From the event's occurrence to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(metrics);
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

  private void run() {
    Duration backoff = Duration.ofMillis(200);
    while (running.get()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        String schema = currentSchema(connection);
        if (!tryLock(connection, schema)) {
          sleep(config.relay().pollInterval().multipliedBy(5));
          continue;
        }
        try {
          relay(connection, schema);
          backoff = Duration.ofMillis(200);
        } finally {
          release(connection);
        }
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        recordFailure(e);
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
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN outbox_" + schema);
    }
    kafka.provisionTopics();
    ensureProducer();
    Duration backoff = Duration.ofMillis(200);
    while (running.get()) {
      BatchResult result = publishBatch(connection);
      if (result.failed() > 0) {
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
        sleep(backoff);
      } else {
        backoff = Duration.ofMillis(200);
        if (result.sent() < config.relay().batchSize()) {
          awaitNotification(connection);
        }
      }
    }
  }

  /**
   * Gives the lock and the LISTEN back before the connection returns to the pool: closing a pooled
   * connection does not end its session, so a lock left behind would keep every relay, this one
   * included, waiting forever.
   */
  private static void release(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN *");
      statement.execute("SELECT pg_advisory_unlock_all()");
    } catch (SQLException e) {
      // A broken connection is discarded by the pool, and PostgreSQL frees the session's locks with
      // it.
      LOG.debug("Releasing the relay lock failed", e);
    }
  }

  /**
   * Sends the oldest rows and deletes those the broker acknowledged; the others stay for the next
   * attempt.
   */
  BatchResult publishBatch(Connection connection) throws SQLException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at,"
                + " trace_parent FROM outbox_event ORDER BY position LIMIT ?")) {
      select.setInt(1, config.relay().batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant(),
                  rs.getString(9)));
        }
      }
    }
    if (rows.isEmpty()) {
      return new BatchResult(0, 0);
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    for (Row row : rows) {
      sends.add(producer.send(record(row)));
    }
    List<UUID> acknowledged = new ArrayList<>();
    List<UUID> refused = new ArrayList<>();
    String error = null;
    for (int i = 0; i < rows.size(); i++) {
      try {
        sends.get(i).get(60, TimeUnit.SECONDS);
        acknowledged.add(rows.get(i).id());
        commitToAck.record(Duration.between(rows.get(i).occurredAt(), Instant.now()));
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        refused.add(rows.get(i).id());
        error = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
    }
    if (!acknowledged.isEmpty()) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
        delete.setArray(1, uuids(connection, acknowledged));
        delete.executeUpdate();
      }
      published.increment(acknowledged.size());
    }
    if (!refused.isEmpty()) {
      try (PreparedStatement mark =
          connection.prepareStatement(
              "UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 2000) WHERE id = ANY (?)")) {
        mark.setString(1, error);
        mark.setArray(2, uuids(connection, refused));
        mark.executeUpdate();
      }
      failures.increment(refused.size());
      recordFailure(new IllegalStateException(error));
      LOG.warnf(
          "Kafka did not acknowledge %d of %d events: %s", refused.size(), rows.size(), error);
    }
    return new BatchResult(acknowledged.size(), refused.size());
  }

  private ProducerRecord<String, byte[]> record(Row row) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(row.id().toString())
            .withSource(URI.create(config.source()))
            .withType(row.eventType())
            .withSubject(row.aggregateId())
            .withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withExtension("aggregatetype", row.aggregateType())
            .withExtension("aggregateversion", row.aggregateVersion())
            .withData(row.payload().getBytes(StandardCharsets.UTF_8));
    if (row.traceParent() != null) {
      builder.withExtension("traceparent", row.traceParent());
    }
    CloudEvent event = builder.build();
    return KafkaMessageFactory.createWriter(row.topic(), row.aggregateId()).writeBinary(event);
  }

  private void ensureProducer() {
    if (producer == null) {
      producer = kafka.producer("outbox-relay");
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

  private void awaitNotification(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    // Returns as soon as a notification arrives, or after the poll interval.
    pg.getNotifications((int) config.relay().pollInterval().toMillis());
  }

  private static boolean tryLock(Connection connection, String schema) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      lock.setString(1, "outbox-relay." + schema);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static String currentSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
      rs.next();
      String schema = rs.getString(1);
      if (schema == null || !schema.matches("[a-z_][a-z0-9_]*")) {
        throw new SQLException("Unexpected current schema " + schema);
      }
      return schema;
    }
  }

  private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }

  private void recordFailure(Exception e) {
    lastError.set(e.getMessage());
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

  record Row(
      UUID id,
      String topic,
      String aggregateType,
      String aggregateId,
      long aggregateVersion,
      String eventType,
      String payload,
      Instant occurredAt,
      String traceParent) {}

  record BatchResult(int sent, int failed) {}
}
