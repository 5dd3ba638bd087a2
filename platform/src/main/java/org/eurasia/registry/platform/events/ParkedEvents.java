package org.eurasia.registry.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;

/**
 * The outbox rows the relay parked, as operators see and release them. Releasing a row releases
 * every parked row of its aggregate, since they may only leave together and in order; the relay
 * then tries them again from zero attempts.
 */
@ApplicationScoped
public class ParkedEvents {

  @Inject EntityManager em;

  /** A parked row: what it is and why it was parked, without its payload. */
  public record Parked(
      UUID id,
      long position,
      String topic,
      String aggregateType,
      String aggregateId,
      long aggregateVersion,
      String eventType,
      Instant occurredAt,
      int attempts,
      String lastError,
      Instant parkedAt) {}

  /** Parked rows in outbox order, after {@code after} (a cursor holding the position). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Parked> list(int limit, Cursor after) {
    long from = after == null ? 0 : after.number(0);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, position, topic, aggregate_type, aggregate_id, aggregate_version, event_type,"
                    + " occurred_at, attempts, last_error, parked_at FROM outbox_event"
                    + " WHERE parked_at IS NOT NULL AND position > ?1 ORDER BY position LIMIT ?2")
            .setParameter(1, from)
            .setParameter(2, limit + 1)
            .getResultList();
    List<Parked> parked = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      parked.add(
          new Parked(
              (UUID) row[0],
              ((Number) row[1]).longValue(),
              (String) row[2],
              (String) row[3],
              (String) row[4],
              ((Number) row[5]).longValue(),
              (String) row[6],
              instant(row[7]),
              ((Number) row[8]).intValue(),
              (String) row[9],
              instant(row[10])));
    }
    return Slice.fromOverfetch(parked, limit, p -> Cursor.of(Long.toString(p.position())));
  }

  /**
   * Releases the parked row and the other parked rows of its aggregate; returns how many, or zero
   * when no parked row has that id.
   */
  @Transactional
  public int release(UUID id) {
    return em.createNativeQuery(
            "UPDATE outbox_event o SET parked_at = NULL, attempts = 0 FROM outbox_event r"
                + " WHERE r.id = ?1 AND r.parked_at IS NOT NULL AND o.parked_at IS NOT NULL"
                + " AND o.aggregate_type = r.aggregate_type AND o.aggregate_id = r.aggregate_id")
        .setParameter(1, id)
        .executeUpdate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
