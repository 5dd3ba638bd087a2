package org.eurasia.registry.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A copy of every table of the service's schema, taken once, that {@link #restore} puts back: a
 * test that changes the demo data on purpose (executing what Swagger UI pre-fills) leaves it as it
 * found it for the tests after it. The copy lives in its own schema; {@link #close} restores and
 * drops it. Restoring waits until asynchronous work (relay, consumers) has settled, and skips
 * triggers and foreign-key checks ({@code session_replication_role = replica}, which needs the
 * superuser the test databases give).
 */
final class SeedSnapshot implements AutoCloseable {

  private static final String COPY = "test_seed_snapshot";

  private final DataSource dataSource;
  private final DataWitness witness;
  private final String schema;
  private final List<String> tables = new ArrayList<>();
  private final Map<String, String> columns = new HashMap<>();

  SeedSnapshot(DataSource dataSource) {
    this.dataSource = dataSource;
    this.witness = new DataWitness(dataSource);
    witness.settled();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      schema = c.getSchema();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                  + " AND table_type = 'BASE TABLE' AND table_name NOT IN"
                  + " ('flyway_schema_history', 'test_data_witness') ORDER BY table_name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      // Generated columns (full-text search vectors) are computed again on insert.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name, string_agg('\"' || column_name || '\"', ', ' ORDER BY"
                  + " ordinal_position) FROM information_schema.columns WHERE table_schema ="
                  + " current_schema() AND is_generated = 'NEVER' GROUP BY table_name")) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
      s.execute("DROP SCHEMA IF EXISTS " + COPY + " CASCADE; CREATE SCHEMA " + COPY);
      for (String table : tables) {
        s.execute(
            "CREATE TABLE "
                + COPY
                + ".\""
                + table
                + "\" AS TABLE "
                + schema
                + ".\""
                + table
                + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for asynchronous work to finish, then puts every table back as it was copied. */
  void restore() {
    witness.settled();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      StringBuilder truncate = new StringBuilder("TRUNCATE ");
      for (int i = 0; i < tables.size(); i++) {
        truncate
            .append(i == 0 ? "" : ", ")
            .append(schema)
            .append(".\"")
            .append(tables.get(i))
            .append('"');
      }
      s.execute(truncate.toString());
      for (String table : tables) {
        s.execute(
            "INSERT INTO "
                + schema
                + ".\""
                + table
                + "\" ("
                + columns.get(table)
                + ") OVERRIDING SYSTEM VALUE SELECT "
                + columns.get(table)
                + " FROM "
                + COPY
                + ".\""
                + table
                + "\"");
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot restore the seed snapshot", e);
    }
  }

  @Override
  public void close() {
    restore();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + COPY + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      witness.close();
    }
  }
}
