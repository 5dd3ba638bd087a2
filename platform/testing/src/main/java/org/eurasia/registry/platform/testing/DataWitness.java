package org.eurasia.registry.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Watches a service's schema so a test can tell whether a request changed data: a digest (row count
 * and sum of row hashes) per table, and the rows present at a given moment. Events leave the outbox
 * as soon as they are published, so every committed outbox insert is also copied by a trigger into
 * a witness table that the digest covers: an event written and published between two digests still
 * shows. {@link #close} removes the trigger and the table.
 */
public final class DataWitness implements AutoCloseable {

  /**
   * Tables whose content is not the service's data: Flyway's history and the outbox, which the
   * relay empties.
   */
  private static final List<String> IGNORED = List.of("flyway_schema_history", "outbox_event");

  private final DataSource dataSource;
  private final List<String> tables = new ArrayList<>();

  public DataWitness(DataSource dataSource) {
    this.dataSource = dataSource;
    execute(
        """
        CREATE TABLE IF NOT EXISTS test_outbox_witness (id UUID PRIMARY KEY, event_type VARCHAR(200) NOT NULL);
        CREATE OR REPLACE FUNCTION test_outbox_witness_copy() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO test_outbox_witness VALUES (NEW.id, NEW.event_type);
            RETURN NULL;
        END;
        $$;
        DROP TRIGGER IF EXISTS test_outbox_witness_copy ON outbox_event;
        CREATE TRIGGER test_outbox_witness_copy AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION test_outbox_witness_copy();
        """);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!IGNORED.contains(rs.getString(1))) {
          tables.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Per table: row count and the sum of its rows' hashes. Equal digests mean no row was added,
   * removed or changed.
   */
  public Map<String, String> digest() {
    StringBuilder sql = new StringBuilder();
    for (String table : tables) {
      sql.append(sql.isEmpty() ? "" : " UNION ALL ")
          .append("SELECT '")
          .append(table)
          .append("', count(*) || ':' || ")
          .append("coalesce(sum(hashtext(t::text)::bigint), 0) FROM \"")
          .append(table)
          .append("\" t");
    }
    Map<String, String> digest = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      while (rs.next()) {
        digest.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return digest;
  }

  /** Names of the tables whose digest differs. */
  public static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream()
        .filter(t -> !Objects.equals(before.get(t), after.get(t)))
        .sorted()
        .toList();
  }

  /**
   * A digest that stayed the same for a moment: asynchronous work a previous request started
   * (relay, consumers) is done.
   */
  public Map<String, String> settled() {
    Map<String, String> previous = digest();
    for (int i = 0; i < 60; i++) {
      sleep(50);
      Map<String, String> current = digest();
      if (current.equals(previous)) {
        return current;
      }
      previous = current;
    }
    return previous;
  }

  /**
   * Every row of every watched table as text, keyed by table (the witness table excluded: it only
   * grows).
   */
  public Map<String, List<String>> rows() {
    Map<String, List<String>> rows = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables) {
        if (table.equals("test_outbox_witness")) {
          continue;
        }
        List<String> list = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
          while (rs.next()) {
            list.add(rs.getString(1));
          }
        }
        rows.put(table, list);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Override
  public void close() {
    execute(
        """
        DROP TRIGGER IF EXISTS test_outbox_witness_copy ON outbox_event;
        DROP FUNCTION IF EXISTS test_outbox_witness_copy();
        DROP TABLE IF EXISTS test_outbox_witness;
        """);
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
