package org.eurasia.registry.platform.problem;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * What a failure from the database means for the caller, told from its exception kind and SQL
 * state: a lost update race (412), a constraint that refused a racing write (409), text PostgreSQL
 * cannot hold (400), a statement cut by its timeout or a database out of reach (503 with
 * Retry-After). Anything else is not the database's to explain.
 */
final class DatabaseFailures {

  private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

  private DatabaseFailures() {}

  /** The problem, and the seconds after which to retry (null: retrying will not help). */
  record Classified(Problem problem, Integer retryAfterSeconds) {}

  /** The meaning of this one cause, or null when it is not a database failure this class knows. */
  static Classified classify(Throwable cause, String path) {
    if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
      return new Classified(
          Problem.of(
              ProblemType.PRECONDITION_FAILED,
              "The resource was changed by another request; fetch it again"),
          null);
    }
    if (cause instanceof ConstraintViolationException violation) {
      // The database's constraints back the code's own checks (quota counters, references); when a
      // race gets past
      // a check, the constraint refuses the write and the caller gets the conflict, not a 500.
      switch (violation.getKind()) {
        case UNIQUE:
          return new Classified(
              Problem.of(
                  ProblemType.CONFLICT, "A resource with the same unique value already exists"),
              null);
        case CHECK:
          return new Classified(
              Problem.of(
                  ProblemType.CONFLICT,
                  "The change would break a limit the registry enforces; fetch the resource again"),
              null);
        case FOREIGN_KEY:
          return new Classified(
              Problem.of(
                  ProblemType.CONFLICT, "The change conflicts with records that refer to this one"),
              null);
        default:
          break;
      }
    }
    if (cause instanceof SQLException sql
        && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
      // Text PostgreSQL cannot hold (a NUL character inside a JSON string): the caller's input, not
      // our failure.
      return new Classified(
          Problem.of(
              ProblemType.MALFORMED_REQUEST,
              "The request contains a character that cannot be stored (NUL)"),
          null);
    }
    if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
      // The statement timeout of an anonymous expensive read (ExpensiveReads) cancelled the query.
      LOG.infof("Query cancelled by its statement timeout while serving %s", path);
      return new Classified(
          Problem.of(
              ProblemType.SERVICE_UNAVAILABLE,
              "The query took longer than anonymous reads may; retry later, narrow the request, or call with a token"),
          10);
    }
    if (isUnavailable(cause)) {
      LOG.warnf("Database unavailable while serving %s: %s", path, cause.getMessage());
      return new Classified(
          Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry later"),
          5);
    }
    return null;
  }

  private static boolean isUnavailable(Throwable cause) {
    if (cause instanceof JDBCConnectionException
        || cause instanceof SQLTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      String message = String.valueOf(sql.getMessage());
      // 08xxx: connection exceptions; 57P0x: the server is shutting down or restarting. Agroal
      // reports an exhausted
      // pool (every connection lost, or all busy) as an acquisition timeout without a SQL state
      // ("Sorry, acquisition
      // timeout!" when the pool is full, "Acquisition timeout while waiting for new connection"
      // when it cannot connect).
      return (state != null && (state.startsWith("08") || state.startsWith("57P")))
          || message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
    return false;
  }
}
