package org.eurasia.registry.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eurasia.registry.platform.concurrency.StopAware;

/**
 * The outbox table as the relay reads it, on the relay's own connection: the oldest rows, deleting
 * the ones the broker acknowledged, counting attempts on the others, and waiting for the commit
 * notification the outbox trigger sends.
 */
final class OutboxRows {

  private OutboxRows() {}

  /** An outbox row waiting to be published. */
  record Pending(
      UUID id,
      String topic,
      String aggregateType,
      String aggregateId,
      long aggregateVersion,
      String eventType,
      String payload,
      Instant occurredAt,
      String traceParent) {}

  /** Subscribes the connection to the schema's commit notifications. */
  static void listen(Connection connection, String schema) throws SQLException {
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN outbox_" + schema);
    }
  }

  /**
   * Returns as soon as a commit notification arrives, after {@code timeout}, or soon after {@code
   * running} turns false.
   */
  static void awaitNotification(Connection connection, Duration timeout, BooleanSupplier running)
      throws SQLException {
    StopAware.awaitNotification(connection, timeout, running);
  }

  /**
   * The oldest rows in insertion order, at most {@code limit}, leaving out parked rows and every
   * row of an aggregate that has a parked row before it (its events must not overtake the parked
   * one).
   */
  static List<Pending> oldest(Connection connection, int limit) throws SQLException {
    List<Pending> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at,"
                + " trace_parent FROM outbox_event o WHERE parked_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
                + " outbox_event p WHERE p.parked_at IS NOT NULL AND p.aggregate_type = o.aggregate_type"
                + " AND p.aggregate_id = o.aggregate_id AND p.position < o.position) ORDER BY position LIMIT ?")) {
      select.setInt(1, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Pending(
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
    return rows;
  }

  /** Deletes rows the broker acknowledged. */
  static void delete(Connection connection, List<UUID> ids) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
      delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      delete.executeUpdate();
    }
  }

  /** Counts a failed attempt on rows the broker refused, with the error; they stay for the next. */
  static void markRefused(Connection connection, List<UUID> ids, String error) throws SQLException {
    try (PreparedStatement mark =
        connection.prepareStatement(
            "UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 2000) WHERE id = ANY (?)")) {
      mark.setString(1, error);
      mark.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
      mark.executeUpdate();
    }
  }

  /**
   * Parks rows refused {@code afterAttempts} times, and the rows of the same aggregates written
   * after them; returns how many rows it parked now. Cheap when nothing is refused or parked: both
   * conditions use partial or narrow indexes.
   */
  static int park(Connection connection, int afterAttempts) throws SQLException {
    try (PreparedStatement park =
        connection.prepareStatement(
            "UPDATE outbox_event o SET parked_at = now() WHERE o.parked_at IS NULL AND EXISTS (SELECT 1 FROM"
                + " outbox_event h WHERE h.aggregate_type = o.aggregate_type AND h.aggregate_id = o.aggregate_id"
                + " AND h.position <= o.position AND (h.parked_at IS NOT NULL OR h.attempts >= ?))")) {
      park.setInt(1, afterAttempts);
      return park.executeUpdate();
    }
  }

  /** Asks the database something, so that its idle-session timeout sees a live leader. */
  static void heartbeat(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  /** True when some row is parked (a partial index answers it). */
  static boolean anyParked(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE parked_at IS NOT NULL)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
