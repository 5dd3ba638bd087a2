package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Awareness programmes, their search, their events' feed and their statistics. */
@ApplicationScoped
public class AwarenessProgrammeRepository
    implements PanacheRepositoryBase<AwarenessProgramme, UUID> {

  /** The announced programme holding this code, if any (codes are unique among those only). */
  public Optional<AwarenessProgramme> findAnnouncedByCode(String code) {
    return find("code = ?1 and announcedAt is not null", code).firstResultOptional();
  }

  /** Locks the programme's row: links take it, so two joins never lose one another. */
  public Optional<AwarenessProgramme> lock(UUID id) {
    return Optional.ofNullable(
        getEntityManager().find(AwarenessProgramme.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * One page of programmes ordered by first day then id. Drafts are listed only to their organizers
   * and invited organizers ({@code reader}) and registrars ({@code seesDrafts}).
   */
  @SuppressWarnings("unchecked")
  public List<AwarenessProgramme> search(
      AwarenessProgrammeFilter f,
      String reader,
      boolean seesDrafts,
      LocalDate afterStartsOn,
      UUID afterId,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT p.* FROM awareness_programme p WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    where(f, sql, params);
    if (!seesDrafts && reader == null) {
      sql.append(" AND p.announced_at IS NOT NULL");
    } else if (!seesDrafts) {
      sql.append(
          " AND (p.announced_at IS NOT NULL OR p.organizers @> CAST(:readerJson AS jsonb)"
              + " OR p.invited_organizers @> CAST(:readerJson AS jsonb))");
      params.put("readerJson", jsonArray(reader));
    }
    if (afterId != null) {
      sql.append(" AND (p.starts_on, p.id) > (:afterOn, :afterId)");
      params.put("afterOn", afterStartsOn);
      params.put("afterId", afterId);
    }
    sql.append(" ORDER BY p.starts_on, p.id LIMIT :limit");
    params.put("limit", limit);
    Query query = getEntityManager().createNativeQuery(sql.toString(), AwarenessProgramme.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * The programme's events a calendar feed shows: published ones (in whatever status now) that
   * overlap {@code from} to {@code to}, by start.
   */
  @SuppressWarnings("unchecked")
  public List<Event> eventsForFeed(UUID programmeId, Instant from, Instant to, int max) {
    Query query =
        getEntityManager()
            .createNativeQuery(
                "SELECT e.* FROM event e JOIN awareness_programme p ON p.events @> jsonb_build_array(e.id::text)"
                    + " WHERE p.id = :programme AND e.published_at IS NOT NULL"
                    + " AND e.ends_at > :from AND e.starts_at < :to ORDER BY e.starts_at, e.id LIMIT :max",
                Event.class)
            .setParameter("programme", programmeId)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("max", max);
    return query.getResultList();
  }

  /**
   * Per announced programme: its published events and their confirmed and wait-listed
   * registrations, in code order.
   */
  @SuppressWarnings("unchecked")
  public List<AwarenessProgrammeCountRow> count(AwarenessProgrammeFilter f, int max) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT p.id, p.code, p.status,"
                + " (SELECT count(*) FROM event e WHERE p.events @> jsonb_build_array(e.id::text) AND e.published_at IS NOT NULL),"
                + " (SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id"
                + "   WHERE p.events @> jsonb_build_array(e.id::text) AND e.published_at IS NOT NULL AND r.status = 'CONFIRMED'),"
                + " (SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id"
                + "   WHERE p.events @> jsonb_build_array(e.id::text) AND e.published_at IS NOT NULL AND r.status = 'WAITLISTED')"
                + " FROM awareness_programme p WHERE p.announced_at IS NOT NULL");
    Map<String, Object> params = new HashMap<>();
    where(f, sql, params);
    sql.append(" ORDER BY p.code, p.id LIMIT :max");
    params.put("max", max);
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new AwarenessProgrammeCountRow(
                    (UUID) r[0],
                    (String) r[1],
                    AwarenessProgrammeStatus.valueOf((String) r[2]),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue()))
        .toList();
  }

  private void where(AwarenessProgrammeFilter f, StringBuilder sql, Map<String, Object> params) {
    if (f.organization() != null) {
      sql.append(" AND p.organizers @> CAST(:organization AS jsonb)");
      params.put("organization", jsonArray(f.organization()));
    }
    if (f.country() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM organization_projection o WHERE o.country = :country"
              + " AND p.organizers @> jsonb_build_array(o.code))");
      params.put("country", f.country());
    }
    if (f.from() != null) {
      sql.append(" AND p.ends_on >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      sql.append(" AND p.starts_on <= :to");
      params.put("to", f.to());
    }
    if (f.status() != null) {
      sql.append(" AND p.status = :status");
      params.put("status", f.status().name());
    }
    if (f.audience() != null) {
      sql.append(" AND p.audiences @> CAST(:audience AS jsonb)");
      params.put("audience", jsonArray(f.audience().name()));
    }
    if (f.modifiedSince() != null) {
      sql.append(" AND p.updated_at >= :since");
      params.put("since", f.modifiedSince());
    }
  }

  /** A one-element JSON array for containment queries; the value is escaped, never spliced in. */
  private static String jsonArray(String value) {
    return "[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }
}
