package org.eurasia.registry.platform.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads a service's demo data set at start-up when {@code registry.seed.enabled=true} (the local
 * stack and the tests turn it on; production leaves it off). Scripts insert with {@code ON CONFLICT
 * DO NOTHING}, so a restart re-runs them harmlessly, and they use stable ids that the OpenAPI
 * examples refer to. It runs after Flyway, in one transaction.
 */
@ApplicationScoped
public class SeedData {

  private static final Logger LOG = Logger.getLogger(SeedData.class);

  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "registry.seed.enabled", defaultValue = "false")
  boolean enabled;

  @ConfigProperty(name = "registry.seed.scripts")
  Optional<List<String>> scripts;

  void onStart(@Observes StartupEvent event) throws SQLException, IOException {
    if (!enabled || scripts.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String script : scripts.get()) {
          statement.execute(read(script));
          LOG.infof("Seed data loaded from %s", script);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static String read(String script) throws IOException {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException("Seed script " + script + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
