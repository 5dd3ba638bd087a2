package org.eurasia.registry.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Writes rows no entity maps (the outbox, the change log, webhook deliveries) as plain JDBC on the
 * session's connection, in its transaction. Every create and change writes three such rows. As
 * Hibernate native queries (or, for the outbox, an entity) each also flushed and dirty-checked the
 * whole session before it and cleared every entity cache region after it; none of these rows is
 * read back through the session, so none needs that (bench/README, issue 23). A {@link
 * SQLException} is converted as Hibernate converts its own, so a failing write maps to the same
 * problem.
 */
@ApplicationScoped
public class PlainStatements {

  @Inject EntityManager em;

  /** Binds a statement's parameters. */
  @FunctionalInterface
  public interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs one INSERT, UPDATE or DELETE in the current transaction.
   *
   * @return the number of rows it changed
   */
  public int update(String sql, Parameters parameters) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              // pgjdbc caches prepared statements per connection by their text
              // (preparedStatementCacheQueries), as it does for Hibernate's own statements.
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
              }
            });
  }
}
