package org.eurasia.registry.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Who relays a schema's outbox: the replica whose connection holds a PostgreSQL session advisory
 * lock named after the schema. The others try again later; the lock ends with the holder's session,
 * so a replica that exits hands over by itself, and one that stops speaking loses it after the
 * lease. The lock only elects: what keeps a deposed leader from publishing is the Kafka transaction
 * fence ({@link KafkaClients#relayProducer()}).
 */
final class RelayLock {

  private static final Logger LOG = Logger.getLogger(RelayLock.class);

  private RelayLock() {}

  /** The connection's schema, which names both the lock and the outbox's notification channel. */
  static String schemaOf(Connection connection) throws SQLException {
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

  /**
   * True when this connection now holds the schema's relay lock. The holder's session then ends on
   * the server after {@code lease} without a statement ({@code idle_session_timeout}), and the lock
   * with it: a leader that is frozen (SIGSTOP, a long GC pause, a stalled node) or cut off from the
   * database loses leadership within the lease, not when TCP keepalive finally gives up, which can
   * take hours, or never for a frozen process whose kernel still answers.
   */
  static boolean tryAcquire(Connection connection, String schema, Duration lease)
      throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      lock.setString(1, "outbox-relay." + schema);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return false;
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET idle_session_timeout = " + Math.max(1, lease.toMillis()));
    }
    return true;
  }

  /**
   * Gives the lock and the LISTEN back before the connection returns to the pool: closing a pooled
   * connection does not end its session, so a lock left behind would keep every relay, this one
   * included, waiting forever.
   */
  static void release(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN *");
      // The pool hands this session to requests next, which may rightly sit idle longer.
      statement.execute("RESET idle_session_timeout");
      statement.execute("SELECT pg_advisory_unlock_all()");
    } catch (SQLException e) {
      // A broken connection is discarded by the pool, and PostgreSQL frees the session's locks with
      // it.
      LOG.debug("Releasing the relay lock failed", e);
    }
  }
}
