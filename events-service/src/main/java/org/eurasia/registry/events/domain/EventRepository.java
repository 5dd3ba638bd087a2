package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events, their search and statistics. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

  /**
   * The published event holding this code, if any. Codes are unique among published events only
   * (partial index event_published_code): those are public, so a clash with one confirms nothing;
   * drafts never hold a code.
   */
  public Optional<Event> findPublishedByCode(String code) {
    return find("code = ?1 and publishedAt is not null", code).firstResultOptional();
  }

  /**
   * An event with what a read of it shows beside its own row, in one round trip: its confirmed and
   * wait-listed seats, and whether {@code participantKey} (null for an anonymous caller) holds a
   * confirmed one. A read of one event is the service's most frequent request; three queries made
   * it 0.17 × the database's own rate of reads by id (issue 23).
   */
  public Optional<EventReading> findReading(UUID id, String participantKey) {
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select e,"
                    + " (select count(r) from Registration r where r.eventId = e.id and r.status = :confirmed),"
                    + " (select count(r) from Registration r where r.eventId = e.id and r.status = :waitlisted),"
                    + " (select count(r) from Registration r where r.eventId = e.id and r.status = :confirmed"
                    + " and r.participantKey = :participant)"
                    + " from Event e where e.id = :id",
                Object[].class)
            .setParameter("id", id)
            .setParameter("confirmed", RegistrationStatus.CONFIRMED)
            .setParameter("waitlisted", RegistrationStatus.WAITLISTED)
            // No registration holds the empty key: an anonymous caller holds no seat.
            .setParameter("participant", participantKey == null ? "" : participantKey)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new EventReading(
                    (Event) row[0],
                    new SeatCount(id, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()),
                    ((Number) row[3]).longValue() > 0));
  }

  /**
   * Locks the event's row for the rest of the transaction. Registration, delegation, approval,
   * decline, cancellation and a revision of the event (its capacity) take this lock first, so
   * counting the seats, serving the waiting list and adding one is a single step for every
   * concurrent request. Take it before reading the event in the transaction: on an event already
   * read, JPA checks the version read as it locks, and a revision committed meanwhile fails the
   * request.
   */
  public Optional<Event> lock(UUID id) {
    return Optional.ofNullable(
        getEntityManager().find(Event.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The event's whole agenda, in start order. */
  public List<EventSession> agenda(UUID eventId) {
    return getEntityManager()
        .createQuery(
            "from EventSession where eventId = :event order by startsAt, id", EventSession.class)
        .setParameter("event", eventId)
        .getResultList();
  }

  /** Published events that ended at or before this instant, the earliest ended first. */
  public List<UUID> publishedEndedBy(Instant now, int limit) {
    return getEntityManager()
        .createQuery(
            "select e.id from Event e where e.status = ?1 and e.endsAt <= ?2 order by e.endsAt",
            UUID.class)
        .setParameter(1, EventStatus.PUBLISHED)
        .setParameter(2, now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * One page of events ordered by start. Events never published are listed only to their organizers
   * and invited organizers ({@code reader}) and registrars ({@code seesDrafts}).
   */
  @SuppressWarnings("unchecked")
  public List<Event> search(
      EventFilter f, String reader, boolean seesDrafts, EventPosition after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT e.* FROM event e WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    where(f, sql, params);
    if (!seesDrafts && reader == null) {
      sql.append(" AND e.published_at IS NOT NULL");
    } else if (!seesDrafts) {
      sql.append(
          " AND (e.published_at IS NOT NULL OR e.organizers @> CAST(:readerJson AS jsonb)"
              + " OR e.invited_organizers @> CAST(:readerJson AS jsonb))");
      params.put("readerJson", jsonArray(reader));
    }
    if (after != null) {
      sql.append(" AND (e.starts_at, e.id) > (:afterAt, :afterId)");
      params.put("afterAt", after.startsAt());
      params.put("afterId", after.id());
    }
    sql.append(" ORDER BY e.starts_at, e.id LIMIT :limit");
    params.put("limit", limit);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Event.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * The events a calendar feed shows: published ones, in whatever status now (never one that was
   * not published), by consenting organizer or linked agreement, overlapping {@code from} to {@code
   * to}.
   */
  public List<Event> forFeed(
      String organizer, UUID agreementId, Instant from, Instant to, int max) {
    EventFilter filter =
        new EventFilter(
            null,
            organizer,
            null,
            null,
            null,
            from,
            to,
            agreementId,
            null,
            null,
            null,
            null,
            null,
            null);
    return search(filter, null, false, null, max);
  }

  /**
   * Events per kind, venue country (empty for online events) and month of the start in the event's
   * own zone; only events that were published count (never a draft, even a cancelled one).
   */
  @SuppressWarnings("unchecked")
  public List<CountRow> count(EventFilter f) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.kind, coalesce(e.venue_country, ''), to_char(e.starts_at AT TIME ZONE e.time_zone, 'YYYY-MM'),"
                + " count(*), coalesce(sum(e.capacity), 0),"
                + " coalesce(sum((SELECT count(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'CONFIRMED')), 0),"
                + " coalesce(sum((SELECT count(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'WAITLISTED')), 0)"
                + " FROM event e WHERE e.published_at IS NOT NULL");
    Map<String, Object> params = new HashMap<>();
    where(f, sql, params);
    sql.append(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new CountRow(
                    EventKind.valueOf((String) r[0]),
                    (String) r[1],
                    (String) r[2],
                    num(r[3]),
                    num(r[4]),
                    num(r[5]),
                    num(r[6])))
        .toList();
  }

  /**
   * How many published events have each value of one dimension ({@link EventDimension} says how an
   * event with several values counts), largest first, over the same events as {@link #count}.
   * Immutable: anonymous callers may share it.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Long> countBy(EventDimension dimension, EventFilter f) {
    String key =
        switch (dimension) {
          case COUNTRY, COUNTRY_PAIR, FIELD, FRAMEWORK -> "d.value";
          case YEAR -> "to_char(e.starts_at AT TIME ZONE e.time_zone, 'YYYY')";
          case KIND -> "e.kind";
          case FORMAT -> "e.format";
        };
    String from =
        switch (dimension) {
          case COUNTRY -> ", LATERAL (" + COUNTRIES + ") d";
          case COUNTRY_PAIR ->
              ", LATERAL (SELECT x.value || '-' || y.value AS value FROM ("
                  + COUNTRIES
                  + ") x, ("
                  + COUNTRIES
                  + ") y WHERE x.value < y.value) d";
          case FIELD -> ", LATERAL (" + linkedAgreements("fields") + ") d";
          case FRAMEWORK -> ", LATERAL (" + linkedAgreements("frameworks") + ") d";
          default -> "";
        };
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + key
                + " AS k, count(DISTINCT e.id) FROM event e"
                + from
                + " WHERE e.published_at IS NOT NULL");
    Map<String, Object> params = new HashMap<>();
    where(f, sql, params);
    sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      counts.put(String.valueOf(row[0]), num(row[1]));
    }
    return java.util.Collections.unmodifiableMap(counts);
  }

  /**
   * The countries an event takes part in: its venue's, if it has one, and its consenting
   * organizers' (as the countryPair filter reads them).
   */
  private static final String COUNTRIES =
      "SELECT e.venue_country AS value WHERE e.venue_country IS NOT NULL"
          + " UNION SELECT o.country FROM organization_projection o"
          + " WHERE e.organizers @> jsonb_build_array(o.code)";

  /**
   * The values of one list ({@code fields} or {@code frameworks}) of the public agreements an event
   * links: a confidential agreement's are never announced to this service, and never counted.
   */
  private static String linkedAgreements(String column) {
    return "SELECT DISTINCT v.value FROM jsonb_array_elements_text(e.linked_agreements) l(id)"
        + " JOIN agreement_projection sa ON sa.agreement_id = CAST(l.id AS uuid)"
        + " AND sa.visibility = 'PUBLIC', jsonb_array_elements_text(sa."
        + column
        + ") v(value)";
  }

  private void where(EventFilter f, StringBuilder sql, Map<String, Object> params) {
    if (f.kind() != null) {
      sql.append(" AND e.kind = :kind");
      params.put("kind", f.kind().name());
    }
    if (f.organizer() != null) {
      // `organizers` holds the consenting organizers only: an invited one is nobody's organizer
      // yet.
      sql.append(" AND e.organizers @> CAST(:organizer AS jsonb)");
      params.put("organizer", jsonArray(f.organizer()));
    }
    if (f.country() != null) {
      sql.append(" AND e.venue_country = :country");
      params.put("country", f.country());
    }
    if (f.countryA() != null) {
      for (String side : List.of("pairA", "pairB")) {
        sql.append(" AND (e.venue_country = :")
            .append(side)
            .append(" OR EXISTS (SELECT 1 FROM organization_projection o WHERE o.country = :")
            .append(side)
            .append(" AND e.organizers @> jsonb_build_array(o.code)))");
      }
      params.put("pairA", f.countryA());
      params.put("pairB", f.countryB());
    }
    if (f.from() != null) {
      // Overlapping events end after `from`; none of them starts before `from` minus the longest
      // event, and that bound
      // lets the page range-scan event_starts.
      sql.append(" AND e.ends_at > :from AND e.starts_at > :earliestStart");
      params.put("from", f.from());
      params.put("earliestStart", f.from().minus(longestEvent()));
    }
    if (f.to() != null) {
      sql.append(" AND e.starts_at < :to");
      params.put("to", f.to());
    }
    if (f.agreementId() != null) {
      sql.append(" AND e.linked_agreements @> CAST(:agreement AS jsonb)");
      params.put("agreement", jsonArray(f.agreementId().toString()));
    }
    if (f.programId() != null) {
      sql.append(" AND e.linked_programs @> CAST(:program AS jsonb)");
      params.put("program", jsonArray(f.programId().toString()));
    }
    if (f.text() != null) {
      sql.append(" AND e.search @@ websearch_to_tsquery('simple', :text)");
      params.put("text", f.text());
    }
    if (f.status() != null) {
      sql.append(" AND e.status = :status");
      params.put("status", f.status().name());
    }
    if (f.modifiedSince() != null) {
      sql.append(" AND e.updated_at >= :since");
      params.put("since", f.modifiedSince());
    }
    if (f.field() != null || f.framework() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.linked_agreements) l(id)"
              + " JOIN agreement_projection sa ON sa.agreement_id = CAST(l.id AS uuid)"
              + " WHERE sa.visibility = 'PUBLIC'");
      if (f.field() != null) {
        sql.append(" AND sa.fields @> jsonb_build_array(CAST(:field AS text))");
        params.put("field", f.field().name());
      }
      if (f.framework() != null) {
        sql.append(" AND sa.frameworks @> jsonb_build_array(CAST(:framework AS text))");
        params.put("framework", f.framework());
      }
      sql.append(")");
    }
  }

  /**
   * The length of the longest event (one entry of the event_duration index); zero when there are
   * none.
   */
  private Duration longestEvent() {
    Object seconds =
        getEntityManager()
            .createNativeQuery(
                "SELECT coalesce(extract(epoch FROM max(ends_at - starts_at)), 0) FROM event")
            .getSingleResult();
    return Duration.ofMillis((long) Math.ceil(((Number) seconds).doubleValue() * 1000));
  }

  /**
   * A one-element JSON array for containment queries; the value is JSON-escaped, never spliced into
   * SQL.
   */
  private static String jsonArray(String value) {
    return "[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }
}
