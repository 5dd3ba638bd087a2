package org.eurasia.registry.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.agreements.client.CooperationField;

/** Mobilities, their lists and the counts behind planned-versus-actual and mobility statistics. */
@ApplicationScoped
public class MobilityRepository implements PanacheRepositoryBase<Mobility, UUID> {

  /**
   * A mobility and its participant (none once erased) in one round trip, as a read of one mobility
   * shows them: two queries made it under half the database's own rate (issue 23).
   */
  public Optional<MobilityReading> findReading(UUID id) {
    return getEntityManager()
        .createQuery(
            "select m, p from Mobility m left join Participant p on p.id = m.participantId"
                + " where m.id = :id",
            Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(
            row ->
                new MobilityReading((Mobility) row[0], Optional.ofNullable((Participant) row[1])));
  }

  /**
   * One page of mobilities, oldest first. {@code involved} null: every mobility (a registrar);
   * otherwise only those whose home or host institution is that organization, since mobilities
   * concern identifiable people.
   */
  @SuppressWarnings("unchecked")
  public List<Mobility> search(
      MobilityFilter f, String involved, MobilityPosition after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT m.* FROM mobility m WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (involved != null) {
      sql.append(" AND (m.home_institution = :involved OR m.host_institution = :involved)");
      params.put("involved", involved);
    }
    if (f.programId() != null) {
      sql.append(" AND m.program_id = :program");
      params.put("program", f.programId());
    }
    if (f.status() != null) {
      sql.append(" AND m.status = :status");
      params.put("status", f.status().name());
    }
    if (f.academicYear() != null) {
      sql.append(" AND m.academic_year = :year");
      params.put("year", f.academicYear());
    }
    if (f.institution() != null) {
      sql.append(" AND (m.home_institution = :inst OR m.host_institution = :inst)");
      params.put("inst", f.institution());
    }
    if (f.countryA() != null) {
      sql.append(
          " AND ((m.home_country = :ca AND m.host_country = :cb) OR (m.home_country = :cb AND m.host_country = :ca))");
      params.put("ca", f.countryA());
      params.put("cb", f.countryB());
    }
    if (f.isced() != null) {
      sql.append(" AND m.isced_code = :isced");
      params.put("isced", f.isced());
    }
    if (f.modifiedSince() != null) {
      sql.append(" AND m.updated_at >= :since");
      params.put("since", f.modifiedSince());
    }
    if (f.attention() != null) {
      sql.append(
          f.attention()
              ? " AND m.attention_reason IS NOT NULL"
              : " AND m.attention_reason IS NULL");
    }
    appendAgreementScope(sql, params, f.field(), f.framework());
    if (after != null) {
      sql.append(" AND (m.created_at, m.id) > (:afterAt, :afterId)");
      params.put("afterAt", after.createdAt());
      params.put("afterId", after.id());
    }
    sql.append(" ORDER BY m.created_at, m.id LIMIT :limit");
    params.put("limit", limit);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Mobility.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  public List<Mobility> ofParticipant(UUID participantId) {
    return list("participantId", participantId);
  }

  /**
   * Erasure: blanks the free texts written about the participant (a rejection's or cancellation's
   * reason) in all their mobilities. A bulk update on purpose: the mobility's published state does
   * not change (the reason was never published), so neither does its version.
   *
   * @return how many mobilities held such a text
   */
  public int forgetFreeTextsOf(UUID participantId) {
    return update(
        "statusReason = null where participantId = ?1 and statusReason is not null", participantId);
  }

  /**
   * The running mobilities ({@link Mobility#RUNNING}) under any programme of an agreement, whatever
   * the programme's state, oldest first.
   */
  @SuppressWarnings("unchecked")
  public List<Mobility> runningUnderAgreement(UUID agreementId) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT m.* FROM mobility m JOIN program p ON p.id = m.program_id"
                + " WHERE p.agreement_id = ?1 AND m.status IN ('ACCEPTED', 'IN_MOBILITY')"
                + " ORDER BY m.created_at, m.id",
            Mobility.class)
        .setParameter(1, agreementId)
        .getResultList();
  }

  /** The mobilities under an agreement flagged because it left force, oldest first. */
  @SuppressWarnings("unchecked")
  public List<Mobility> flaggedUnderAgreement(UUID agreementId) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT m.* FROM mobility m JOIN program p ON p.id = m.program_id"
                + " WHERE p.agreement_id = ?1 AND m.attention_reason IS NOT NULL"
                + " ORDER BY m.created_at, m.id",
            Mobility.class)
        .setParameter(1, agreementId)
        .getResultList();
  }

  /**
   * Planned versus actual for one programme: per year and direction, how many nominated, accepted,
   * completed.
   */
  @SuppressWarnings("unchecked")
  public Map<String, long[]> progress(UUID programId) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT academic_year, direction, count(*),"
                    + " count(*) FILTER (WHERE holds_place OR status IN ('IN_MOBILITY', 'COMPLETED')),"
                    + " count(*) FILTER (WHERE status = 'COMPLETED')"
                    + " FROM mobility WHERE program_id = ?1 GROUP BY academic_year, direction")
            .setParameter(1, programId)
            .getResultList();
    Map<String, long[]> result = new HashMap<>();
    for (Object[] r : rows) {
      result.put(r[0] + " " + r[1], new long[] {num(r[2]), num(r[3]), num(r[4])});
    }
    return result;
  }

  /**
   * Counts per country pair, year and kind. Mobilities of programmes under confidential agreements
   * count only for a reader who may see those programmes ({@code reader} null: a registrar). Every
   * mobility counted is one of a programme both institutions accepted: nominations need the
   * programme OPEN, and it opens only once both did. Each row also counts the flagged mobilities
   * among its own ({@link Mobility#attention}).
   */
  @SuppressWarnings("unchecked")
  public List<MobilityCountRow> count(MobilityCountFilter filter, Reader reader) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT m.home_country, m.host_country, m.academic_year, m.program_kind, m.status, count(*),"
                + " count(*) FILTER (WHERE m.attention_reason IS NOT NULL),"
                // Issue 24: how many of the row's mobilities the reader may read itself.
                + (reader == null
                    ? " count(*)"
                    : " count(*) FILTER (WHERE m.home_institution = :reader"
                        + " OR m.host_institution = :reader)")
                + " FROM mobility m JOIN program p ON p.id = m.program_id WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    appendCountFilter(sql, params, filter, reader);
    sql.append(
        " GROUP BY m.home_country, m.host_country, m.academic_year, m.program_kind, m.status"
            + " ORDER BY m.home_country, m.host_country, m.academic_year, m.program_kind");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    Map<String, Object[]> grouped = new java.util.LinkedHashMap<>();
    Map<String, Map<MobilityStatus, Long>> byStatus = new HashMap<>();
    Map<String, Long> attention = new HashMap<>();
    Map<String, Long> readable = new HashMap<>();
    for (Object[] r : rows) {
      String key = r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3];
      grouped.putIfAbsent(key, r);
      byStatus
          .computeIfAbsent(key, k -> new java.util.EnumMap<>(MobilityStatus.class))
          .put(MobilityStatus.valueOf((String) r[4]), num(r[5]));
      attention.merge(key, num(r[6]), Long::sum);
      readable.merge(key, num(r[7]), Long::sum);
    }
    // Immutable all the way down: anonymous callers may share one result (see
    // MobilityService#statistics).
    return grouped.entrySet().stream()
        .map(
            e ->
                new MobilityCountRow(
                    (String) e.getValue()[0],
                    (String) e.getValue()[1],
                    (String) e.getValue()[2],
                    ProgramKind.valueOf((String) e.getValue()[3]),
                    java.util.Collections.unmodifiableMap(byStatus.get(e.getKey())),
                    attention.get(e.getKey()),
                    readable.get(e.getKey())))
        .toList();
  }

  /**
   * How many mobilities have each value of one dimension ({@link MobilityDimension} says how a
   * mobility with several values counts), largest first; the same mobilities {@link #count} counts
   * for the same reader. Immutable, like {@link #count}.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Long> countBy(
      MobilityDimension dimension, MobilityCountFilter filter, Reader reader) {
    String key =
        switch (dimension) {
          case COUNTRY, FIELD, FRAMEWORK -> "d.value";
          case COUNTRY_PAIR ->
              "LEAST(m.home_country, m.host_country) || '-' || GREATEST(m.home_country, m.host_country)";
          case ACADEMIC_YEAR -> "m.academic_year";
          case STATUS -> "m.status";
          case KIND -> "m.program_kind";
        };
    String from =
        switch (dimension) {
          case COUNTRY -> ", LATERAL (VALUES (m.home_country), (m.host_country)) d(value)";
          case FIELD -> ", jsonb_array_elements_text(ag.fields) d(value)";
          case FRAMEWORK -> ", jsonb_array_elements_text(ag.frameworks) d(value)";
          default -> "";
        };
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + key
                + " AS k, count(DISTINCT m.id) FROM mobility m JOIN program p ON p.id = m.program_id"
                + " JOIN agreement_projection ag ON ag.agreement_id = p.agreement_id"
                + from
                + " WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    appendCountFilter(sql, params, filter, reader);
    sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      counts.put(String.valueOf(row[0]), num(row[1]));
    }
    return java.util.Collections.unmodifiableMap(counts);
  }

  private static void appendCountFilter(
      StringBuilder sql, Map<String, Object> params, MobilityCountFilter f, Reader reader) {
    if (f.academicYear() != null) {
      sql.append(" AND m.academic_year = :year");
      params.put("year", f.academicYear());
    }
    if (f.kind() != null) {
      sql.append(" AND m.program_kind = :kind");
      params.put("kind", f.kind().name());
    }
    appendAgreementScope(sql, params, f.field(), f.framework());
    if (reader != null) {
      sql.append(" AND ").append(ProgramRepository.visibleTo("p"));
      ProgramRepository.bindReader(params, reader);
    }
  }

  /**
   * Mobilities whose programme's agreement names this field and framework (parameters {@code
   * :field}, {@code :framework}): a mobility has no field of its own, it has its agreement's.
   */
  private static void appendAgreementScope(
      StringBuilder sql, Map<String, Object> params, CooperationField field, String framework) {
    if (field == null && framework == null) {
      return;
    }
    sql.append(
        " AND EXISTS (SELECT 1 FROM program sp JOIN agreement_projection sa"
            + " ON sa.agreement_id = sp.agreement_id WHERE sp.id = m.program_id");
    if (field != null) {
      sql.append(" AND sa.fields @> jsonb_build_array(CAST(:field AS text))");
      params.put("field", field.name());
    }
    if (framework != null) {
      sql.append(" AND sa.frameworks @> jsonb_build_array(CAST(:framework AS text))");
      params.put("framework", framework);
    }
    sql.append(")");
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }
}
