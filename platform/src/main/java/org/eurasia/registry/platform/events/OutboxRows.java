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
import org.postgresql.PGConnection;

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

  /** Returns as soon as a commit notification arrives, or after {@code timeout}. */
  static void awaitNotification(Connection connection, Duration timeout) throws SQLException {
    connection.unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
  }

  /** The oldest rows in insertion order, at most {@code limit}. */
  static List<Pending> oldest(Connection connection, int limit) throws SQLException {
    List<Pending> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at,"
                + " trace_parent FROM outbox_event ORDER BY position LIMIT ?")) {
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
}
