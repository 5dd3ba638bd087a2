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
 * Watches a service's schema so a test can tell whether a request changed data. A row trigger on
 * every table notes each inserted, updated or deleted row (and each TRUNCATE) in a witness table,
 * inside the writing transaction, so a rolled-back write leaves no trace and a committed one always
 * does; the digest is the number of notes per table. Counting notes rather than hashing every row
 * keeps a digest at a millisecond however much data the schema holds (the fuzz test takes one per
 * request), and is stricter: a row rewritten with the same values still counts. Events leave the
 * outbox as soon as they are published, so only the outbox's inserts are noted: an event written
 * and published between two digests still shows. {@link #close} removes the triggers and the table.
 */
public final class DataWitness implements AutoCloseable {

  /**
   * Tables whose content is not the service's data: Flyway's history, and the witness's own notes.
   */
  private static final List<String> IGNORED = List.of("flyway_schema_history", "test_data_witness");

  private static final String OUTBOX = "outbox_event";

  private final DataSource dataSource;
  private final List<String> tables = new ArrayList<>();

  public DataWitness(DataSource dataSource) {
    this.dataSource = dataSource;
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
    StringBuilder sql =
        new StringBuilder(
            """
            CREATE TABLE IF NOT EXISTS test_data_witness (id BIGSERIAL PRIMARY KEY, table_name TEXT NOT NULL);
            CREATE OR REPLACE FUNCTION test_data_witness_note() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO test_data_witness (table_name) VALUES (TG_TABLE_NAME);
                RETURN NULL;
            END;
            $$;
            """);
    for (String table : tables) {
      String events = table.equals(OUTBOX) ? "INSERT" : "INSERT OR UPDATE OR DELETE";
      sql.append("DROP TRIGGER IF EXISTS test_data_witness_row ON \"%1$s\";%n".formatted(table))
          .append(
              "DROP TRIGGER IF EXISTS test_data_witness_truncate ON \"%1$s\";%n".formatted(table))
          .append(
              ("CREATE TRIGGER test_data_witness_row AFTER %2$s ON \"%1$s\" FOR EACH ROW"
                      + " EXECUTE FUNCTION test_data_witness_note();%n")
                  .formatted(table, events));
      if (!table.equals(OUTBOX)) {
        sql.append(
            ("CREATE TRIGGER test_data_witness_truncate AFTER TRUNCATE ON \"%1$s\""
                    + " FOR EACH STATEMENT EXECUTE FUNCTION test_data_witness_note();%n")
                .formatted(table));
      }
    }
    execute(sql.toString());
  }

  /**
   * Per table: the number of row changes noted since the witness started. Equal digests mean no row
   * was added, removed or changed in between.
   */
  public Map<String, String> digest() {
    Map<String, String> digest = new HashMap<>();
    tables.forEach(table -> digest.put(table, "0"));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, count(*) FROM test_data_witness GROUP BY table_name")) {
      while (rs.next()) {
        digest.put(rs.getString(1), Long.toString(rs.getLong(2)));
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
   * Every row of every watched table as text, keyed by table (the outbox excluded: the relay
   * empties it).
   */
  public Map<String, List<String>> rows() {
    Map<String, List<String>> rows = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables) {
        if (table.equals(OUTBOX)) {
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
    StringBuilder sql = new StringBuilder();
    for (String table : tables) {
      sql.append("DROP TRIGGER IF EXISTS test_data_witness_row ON \"%1$s\";%n".formatted(table))
          .append(
              "DROP TRIGGER IF EXISTS test_data_witness_truncate ON \"%1$s\";%n".formatted(table));
    }
    sql.append(
        """
        DROP FUNCTION IF EXISTS test_data_witness_note();
        DROP TABLE IF EXISTS test_data_witness;
        """);
    execute(sql.toString());
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
