package org.eurasia.registry.platform.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;
import org.eurasia.registry.platform.events.MessagingConfig;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.persistence.PlainStatements;
import org.eurasia.registry.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * The append-only record of who changed what ({@code change_log}): written in the writing
 * transaction, read as a record's history and as the change feed. Every announced event is appended
 * by the outbox; a write that announces nothing appends its own entry ({@link #append}).
 */
@ApplicationScoped
public class ChangeLog {

  private static final Logger LOG = Logger.getLogger(ChangeLog.class);
  private static final int PRUNE_BATCH = 5_000;

  /** An event type, or a family of them ending in {@code .*}, or {@code *} for all. */
  public static final Pattern TYPE_PATTERN =
      Pattern.compile("^(\\*|[a-z][a-z0-9\\-]*(\\.[a-z0-9\\-]+)*(\\.\\*)?)$");

  private static final String INSERT =
      "INSERT INTO change_log (recorded_at, actor_subject, actor_organization, actor_role,"
          + " operation, request_id, record_type, record_id, record_version, event_id, event_type,"
          + " change, tombstone, audience) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " CASE WHEN ? THEN NULL ELSE string_to_array(?, ',') END)";

  @Inject EntityManager em;

  @Inject PlainStatements statements;

  @Inject ChangeOrigin origins;

  @Inject ObjectMapper json;

  @Inject Clock clock;

  @Inject MessagingConfig messaging;

  @Inject ChangeLogConfig config;

  @Inject Event<AnnouncedChange> announced;

  /** Appends the entry of an announced event; called by the outbox beside the outbox row. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announced(UUID eventId, DomainEvent event, String payload, Instant at) {
    Audience audience = event.audience();
    insert(
        event.aggregateType(),
        event.aggregateId(),
        event.aggregateVersion(),
        eventId,
        event.eventType(),
        payload,
        event.tombstone(),
        audience,
        at);
    announced.fire(
        new AnnouncedChange(
            eventId,
            event.eventType(),
            event.aggregateType(),
            event.aggregateId(),
            event.aggregateVersion(),
            at,
            payload,
            event.tombstone(),
            audience));
  }

  /**
   * Appends the entry of a write that announces no event (a setting only its owner sees, say): in
   * the record's history, never in the feed.
   *
   * @param changed the changed fields, as JSON (a map of field to new value, say)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String recordType, String recordId, long version, Map<String, ?> changed) {
    try {
      insert(
          recordType,
          recordId,
          version,
          null,
          null,
          json.writeValueAsString(changed),
          false,
          Audience.only(List.of()),
          clock.instant());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Change of " + recordType + " cannot be serialized", e);
    }
  }

  /**
   * Erasure (issue 24): removes {@code fields} (top-level keys of the recorded payload or field
   * diff) from every entry of the given records, in the caller's transaction, so that no history
   * entry shows a value that was erased. The only change the append-only trigger lets through, and
   * only while this statement runs.
   *
   * @return how many entries held one of the fields
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int erase(String recordType, List<String> recordIds, List<String> fields) {
    if (recordIds.isEmpty() || fields.isEmpty()) {
      return 0;
    }
    em.createNativeQuery("SELECT set_config('registry.change_log_erasure', 'on', true)")
        .getSingleResult();
    int erased =
        em.createNativeQuery(
                "UPDATE change_log SET change = (change::jsonb - string_to_array(?3, ','))::text"
                    + " WHERE record_type = ?1 AND record_id = ANY (string_to_array(?2, ','))"
                    + " AND jsonb_typeof(change::jsonb) = 'object'"
                    + " AND jsonb_exists_any(change::jsonb, string_to_array(?3, ','))")
            .setParameter(1, recordType)
            .setParameter(2, String.join(",", recordIds))
            .setParameter(3, String.join(",", fields))
            .executeUpdate();
    em.createNativeQuery("SELECT set_config('registry.change_log_erasure', 'off', true)")
        .getSingleResult();
    return erased;
  }

  private void insert(
      String recordType,
      String recordId,
      long version,
      UUID eventId,
      String eventType,
      String change,
      boolean tombstone,
      Audience audience,
      Instant at) {
    ChangeOrigin.Origin origin = origins.current();
    // A plain row on the session's connection (PlainStatements): nothing reads it back there.
    statements.update(
        INSERT,
        row -> {
          row.setObject(1, at.atOffset(ZoneOffset.UTC));
          row.setString(2, truncate(origin.actor().subject(), 300));
          row.setString(3, origin.actor().organization());
          row.setString(4, origin.actor().role());
          row.setString(5, truncate(origin.operation(), 120));
          row.setString(6, origin.requestId());
          row.setString(7, recordType);
          row.setString(8, recordId);
          row.setLong(9, version);
          row.setObject(10, eventId, Types.OTHER);
          row.setString(11, eventType);
          row.setString(12, change);
          row.setBoolean(13, tombstone);
          row.setBoolean(14, audience.open());
          row.setString(15, String.join(",", audience.organizations()));
        });
  }

  /**
   * One record's history, oldest first. The caller has already checked that the reader may read the
   * record: the history is visible to exactly those who may.
   */
  public Slice<ChangeEntry> history(String recordType, String recordId, Cursor after, int limit) {
    long from = after == null ? 0 : after.number(0);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT position, recorded_at, actor_subject, actor_organization, actor_role,"
                    + " operation, request_id, record_version, event_id, event_type, tombstone,"
                    + " change FROM change_log WHERE record_type = ?1 AND record_id = ?2"
                    + " AND position > ?3 ORDER BY position LIMIT ?4")
            .setParameter(1, recordType)
            .setParameter(2, recordId)
            .setParameter(3, from)
            .setParameter(4, limit + 1)
            .getResultList();
    List<Positioned<ChangeEntry>> entries = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      entries.add(
          new Positioned<>(
              ((Number) row[0]).longValue(),
              new ChangeEntry(
                  instant(row[1]),
                  new Actor((String) row[2], (String) row[3], (String) row[4]),
                  (String) row[5],
                  (String) row[6],
                  recordType,
                  recordId,
                  ((Number) row[7]).longValue(),
                  (UUID) row[8],
                  (String) row[9],
                  (Boolean) row[10],
                  (String) row[11])));
    }
    return Slice.fromOverfetch(entries, limit, p -> Cursor.of(Long.toString(p.position())))
        .map(Positioned::item);
  }

  /**
   * The change feed: announced changes in commit order after {@code after}, those the reader may
   * see.
   *
   * @param organization the partner's organisation, or null (anonymous, attendee, operator): public
   *     changes only
   * @param types event types or families ({@link #TYPE_PATTERN}); empty for all
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ChangeFeed feed(
      Cursor after, List<String> types, boolean registrar, String organization, int limit) {
    String txid = after == null ? "0" : Long.toString(after.number(0));
    long position = after == null ? 0 : after.number(1);
    List<String> patterns = new ArrayList<>();
    for (String type : types) {
      if (!TYPE_PATTERN.matcher(type).matches()) {
        throw ProblemException.invalidField(
            "types",
            "'"
                + type
                + "' is not an event type (registry.agreement.signed.v1), a family"
                + " (registry.agreement.*) or *");
      }
      patterns.add(type.replace("*", "%"));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT txid::text AS txid_text, position, event_id, event_type, record_type, record_id,"
                    + " record_version, recorded_at, tombstone, change FROM change_log"
                    + " WHERE event_type IS NOT NULL"
                    + " AND (txid, position) > (CAST(?1 AS xid8), ?2)"
                    // Only transactions that can no longer commit: nothing may later appear
                    // before a cursor already handed out.
                    + " AND txid < pg_snapshot_xmin(pg_current_snapshot())"
                    + " AND (?3 OR audience IS NULL OR audience @> ARRAY[CAST(?4 AS text)])"
                    + " AND (?5 = '' OR event_type LIKE ANY (string_to_array(?5, ',')))"
                    // The table's columns, not the text alias: ordered as xid8 (and by the index).
                    + " ORDER BY change_log.txid, change_log.position LIMIT ?6")
            .setParameter(1, txid)
            .setParameter(2, position)
            .setParameter(3, registrar)
            .setParameter(4, organization == null ? "" : organization)
            .setParameter(5, String.join(",", patterns))
            .setParameter(6, limit + 1)
            .getResultList();
    boolean more = rows.size() > limit;
    List<Object[]> page = more ? rows.subList(0, limit) : rows;
    String source = messaging.source();
    List<FeedEvent> items = new ArrayList<>(page.size());
    Cursor last = after;
    for (Object[] row : page) {
      items.add(
          new FeedEvent(
              FeedEvent.SPEC_VERSION,
              row[2].toString(),
              source,
              (String) row[3],
              (String) row[5],
              instant(row[7]),
              FeedEvent.JSON,
              (String) row[4],
              ((Number) row[6]).longValue(),
              (Boolean) row[8],
              (String) row[9]));
      last = Cursor.of((String) row[0], row[1].toString());
    }
    String cursor = (last == null ? Cursor.of("0", "0") : last).encode();
    return ChangeFeed.of(items, cursor, more);
  }

  @Scheduled(
      identity = "change-log-pruning",
      every = "${registry.change-log.prune-interval:1h}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledPrune() {
    prune(clock.instant().minus(config.retention()));
  }

  /** Deletes entries recorded before {@code cutoff}, a bounded batch per transaction. */
  public long prune(Instant cutoff) {
    long total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    // The append-only trigger lets this transaction, and only it, delete.
                    em.createNativeQuery(
                            "SELECT set_config('registry.change_log_pruning', 'on', true)")
                        .getSingleResult();
                    return em.createNativeQuery(
                            "DELETE FROM change_log WHERE position IN (SELECT position FROM"
                                + " change_log WHERE recorded_at < ?1 ORDER BY position LIMIT ?2)")
                        .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                        .setParameter(2, PRUNE_BATCH)
                        .executeUpdate();
                  });
      total += deleted;
    } while (deleted == PRUNE_BATCH);
    if (total > 0) {
      LOG.infof("Pruned %d change-log entries recorded before %s", total, cutoff);
    }
    return total;
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private record Positioned<T>(long position, T item) {}
}
