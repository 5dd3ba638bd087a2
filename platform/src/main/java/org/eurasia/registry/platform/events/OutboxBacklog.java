package org.eurasia.registry.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * How many events wait in the outbox and how old the oldest is: the numbers that say whether
 * publishing keeps up. Read at most once a second, however often metrics and health are scraped.
 */
@ApplicationScoped
public class OutboxBacklog {

  private static final Duration CACHE = Duration.ofSeconds(1);

  @Inject AgroalDataSource dataSource;

  @Inject MeterRegistry metrics;

  private volatile Snapshot snapshot = new Snapshot(0, 0, 0, Instant.EPOCH);

  void onStart(@Observes StartupEvent event) {
    Gauge.builder("registry.outbox.backlog", this, b -> b.current().rows())
        .description("Events written but not yet acknowledged by Kafka")
        .register(metrics);
    Gauge.builder("registry.outbox.oldest.age.seconds", this, b -> b.current().oldestAgeSeconds())
        .description("Age of the oldest unpublished event")
        .register(metrics);
    Gauge.builder("registry.outbox.parked.rows", this, b -> b.current().parked())
        .description("Events parked after repeated refusals, waiting for an operator")
        .register(metrics);
  }

  public Snapshot current() {
    Snapshot last = snapshot;
    if (Duration.between(last.readAt(), Instant.now()).compareTo(CACHE) < 0) {
      return last;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0),"
                    + " count(*) FILTER (WHERE parked_at IS NOT NULL) FROM outbox_event")) {
      rs.next();
      snapshot = new Snapshot(rs.getLong(1), rs.getDouble(2), rs.getLong(3), Instant.now());
    } catch (SQLException e) {
      // The database health check reports the outage; keep the last figures.
    }
    return snapshot;
  }

  /** Backlog figures at one instant; {@code rows} includes the {@code parked} ones. */
  public record Snapshot(long rows, double oldestAgeSeconds, long parked, Instant readAt) {}
}
