package org.eurasia.registry.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 (zonky binaries from Maven) whose data directory survives restarts,
 * with the {@code registry} role and database the services connect to.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String DATABASE = "registry";
  public static final String USER = "registry";
  public static final String PASSWORD = "registry";

  private final EmbeddedPostgres postgres;
  private final int port;

  private PostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  public static PostgresServer start(Path dataDir, int port) throws IOException, SQLException {
    return start(dataDir, port, Map.of());
  }

  /**
   * As {@link #start(Path, int)}, with server settings passed as {@code -c name=value} (the
   * benchmark tunes memory).
   */
  public static PostgresServer start(Path dataDir, int port, Map<String, String> settings)
      throws IOException, SQLException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    settings.forEach(builder::setServerConfig);
    EmbeddedPostgres pg =
        builder
            .setPort(port)
            .setDataDirectory(dataDir)
            // Keep the data between runs: a restart of the local stack must not lose what was
            // typed.
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
        if (!rs.next()) {
          s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
      }
    }
    return new PostgresServer(pg, port);
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
