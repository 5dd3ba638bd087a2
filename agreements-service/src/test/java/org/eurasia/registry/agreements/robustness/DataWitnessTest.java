package org.eurasia.registry.agreements.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eurasia.registry.platform.testing.DataWitness;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The fuzz and hostile-partner sweeps trust the data witness to see every change a request makes;
 * this holds it to that on the real schema: a committed write shows (even one that rewrites a row
 * with its own values), a rolled-back write and a read do not.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DataWitnessTest {

  @Inject DataSource dataSource;

  @Test
  void committedWritesShowAndRolledBackWritesAndReadsDoNot() throws SQLException {
    try (DataWitness witness = new DataWitness(dataSource)) {
      Map<String, String> before = witness.settled();

      run(false, "SELECT count(*) FROM organization");
      run(false, "UPDATE organization SET names = names WHERE code = 'qau.edu.pk'");
      assertEquals(List.of(), DataWitness.changed(before, witness.digest()));

      run(true, "UPDATE organization SET names = names WHERE code = 'qau.edu.pk'");
      assertEquals(List.of("organization"), DataWitness.changed(before, witness.digest()));
    }
  }

  private void run(boolean commit, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
    }
  }
}
