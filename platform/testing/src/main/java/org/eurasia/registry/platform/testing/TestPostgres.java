package org.eurasia.registry.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.eurasia.registry.platform.testing.TestInfrastructure.Mode;

/** A real PostgreSQL for tests: external, a container, or an embedded server. */
public interface TestPostgres extends AutoCloseable {

  /**
   * Image for Testcontainers; keep its major equal to the embedded binaries and the deploy
   * manifests.
   */
  String IMAGE = "postgres:17-alpine";

  String jdbcUrl();

  String username();

  String password();

  Mode mode();

  @Override
  void close();

  static TestPostgres start(Mode mode) {
    return switch (mode) {
      case EXTERNAL -> external();
      case TESTCONTAINERS -> container();
      case EMBEDDED, AUTO -> embedded();
    };
  }

  private static TestPostgres external() {
    String url = System.getenv("TEST_PG_JDBC_URL");
    if (url == null) {
      throw new IllegalStateException("registry.test.postgres=external needs TEST_PG_JDBC_URL");
    }
    String user = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("TEST_PG_PASSWORD", "");
    return new Simple(url, user, password, Mode.EXTERNAL, () -> {});
  }

  private static TestPostgres container() {
    var container = new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE);
    container.start();
    return new Simple(
        container.getJdbcUrl(),
        container.getUsername(),
        container.getPassword(),
        Mode.TESTCONTAINERS,
        container::stop);
  }

  private static TestPostgres embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      return new Simple(
          pg.getJdbcUrl("postgres", "postgres"),
          "postgres",
          "postgres",
          Mode.EMBEDDED,
          () -> {
            try {
              pg.close();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** The servers differ only in how they start and stop. */
  record Simple(String jdbcUrl, String username, String password, Mode mode, Runnable stopper)
      implements TestPostgres {
    @Override
    public void close() {
      stopper.run();
    }
  }
}
