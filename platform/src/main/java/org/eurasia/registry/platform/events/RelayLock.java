package org.eurasia.registry.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Who relays a schema's outbox: the replica whose connection holds a PostgreSQL session advisory
 * lock named after the schema. The others try again later; the lock ends with the holder's session,
 * so a replica that exits hands over by itself.
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

  /** True when this connection now holds the schema's relay lock. */
  static boolean tryAcquire(Connection connection, String schema) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      lock.setString(1, "outbox-relay." + schema);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * Gives the lock and the LISTEN back before the connection returns to the pool: closing a pooled
   * connection does not end its session, so a lock left behind would keep every relay, this one
   * included, waiting forever.
   */
  static void release(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN *");
      statement.execute("SELECT pg_advisory_unlock_all()");
    } catch (SQLException e) {
      // A broken connection is discarded by the pool, and PostgreSQL frees the session's locks with
      // it.
      LOG.debug("Releasing the relay lock failed", e);
    }
  }
}
