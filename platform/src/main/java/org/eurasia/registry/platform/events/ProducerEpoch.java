package org.eurasia.registry.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * The epoch this service's events are published in. A database restored from a backup has forgotten
 * the versions it published after the backup was taken, so its next events would repeat version
 * numbers consumers have already applied and be dropped as stale. A restore (and a promotion after
 * failover, which may also lose the last transactions) gives the database a new timeline, or with a
 * logical restore a new system identifier, while the {@code producer_epoch} table comes back as it
 * was: when they disagree, a new epoch begins, numbered by the time it began (so it is later than
 * every epoch before it), and consumers order events by (epoch, version).
 */
final class ProducerEpoch {

  private static final Logger LOG = Logger.getLogger(ProducerEpoch.class);

  private ProducerEpoch() {}

  /**
   * The current epoch, starting a new one when the database's identity is not the one the newest
   * epoch recorded. Runs on the relay leader's connection, so only one replica can decide.
   */
  static long current(Connection connection) throws SQLException {
    String systemIdentifier;
    int timeline;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT s.system_identifier::text, c.timeline_id FROM pg_control_system() s,"
                    + " pg_control_checkpoint() c")) {
      rs.next();
      systemIdentifier = rs.getString(1);
      timeline = rs.getInt(2);
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT epoch, system_identifier, timeline FROM producer_epoch ORDER BY epoch DESC LIMIT 1")) {
      if (rs.next() && rs.getString(2).equals(systemIdentifier) && rs.getInt(3) == timeline) {
        return rs.getLong(1);
      }
    }
    try (PreparedStatement begin =
        connection.prepareStatement(
            "INSERT INTO producer_epoch (epoch, system_identifier, timeline) SELECT"
                + " GREATEST((EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint,"
                + " COALESCE(max(epoch), 0) + 1), ?, ? FROM producer_epoch RETURNING epoch")) {
      begin.setString(1, systemIdentifier);
      begin.setInt(2, timeline);
      try (ResultSet rs = begin.executeQuery()) {
        rs.next();
        long epoch = rs.getLong(1);
        LOG.infof(
            "Events are published in a new epoch %d (database %s, timeline %d)",
            epoch, systemIdentifier, timeline);
        return epoch;
      }
    }
  }
}
