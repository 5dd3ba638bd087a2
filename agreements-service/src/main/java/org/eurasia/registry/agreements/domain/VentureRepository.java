package org.eurasia.registry.agreements.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Joint ventures in PostgreSQL; lists are keyset-paged on the unique code. Partners count for
 * {@code organization}, {@code country} and the country statistics only once they accepted.
 */
@ApplicationScoped
public class VentureRepository implements PanacheRepositoryBase<Venture, UUID> {

  private static final String CONSENTED_ELEMENT = "p->>'acceptedOn' IS NOT NULL";

  private static final String YEAR =
      "CAST(EXTRACT(YEAR FROM COALESCE(v.established_on, CAST(v.created_at AS date))) AS text)";

  public Optional<Venture> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /** At most {@code rows} ventures matching the filter, in code order, after {@code afterCode}. */
  @SuppressWarnings("unchecked")
  public List<Venture> search(VentureFilter filter, String afterCode, int rows) {
    StringBuilder sql = new StringBuilder("SELECT v.* FROM venture v");
    Map<String, Object> params = new LinkedHashMap<>();
    appendWhere(sql, params, filter);
    if (afterCode != null) {
      sql.append(" AND v.code > :after");
      params.put("after", afterCode);
    }
    sql.append(" ORDER BY v.code LIMIT :rows");
    params.put("rows", rows);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Venture.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /** Counts of the ventures matching the filter by one dimension, largest first. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> count(VentureFilter filter, VentureDimension dimension) {
    String key =
        switch (dimension) {
          case STATUS -> "v.status";
          case KIND -> "v.kind";
          case FIELD, COUNTRY_PAIR -> "d.value";
          case YEAR -> YEAR;
        };
    String from =
        switch (dimension) {
          case FIELD -> ", jsonb_array_elements_text(v.fields) d";
          case COUNTRY_PAIR ->
              ", LATERAL (SELECT DISTINCT x.c || '-' || y.c AS value FROM"
                  + " (SELECT p->>'country' AS c FROM jsonb_array_elements(v.partners) p WHERE "
                  + CONSENTED_ELEMENT
                  + ") x,"
                  + " (SELECT p->>'country' AS c FROM jsonb_array_elements(v.partners) p WHERE "
                  + CONSENTED_ELEMENT
                  + ") y"
                  + " WHERE x.c < y.c) d";
          default -> "";
        };
    StringBuilder sql =
        new StringBuilder("SELECT " + key + " AS k, count(DISTINCT v.id) FROM venture v" + from);
    Map<String, Object> params = new LinkedHashMap<>();
    appendWhere(sql, params, filter);
    sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  private static void appendWhere(
      StringBuilder sql, Map<String, Object> params, VentureFilter filter) {
    sql.append(" WHERE 1 = 1");
    if (filter.status() != null) {
      sql.append(" AND v.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.kind() != null) {
      sql.append(" AND v.kind = :kind");
      params.put("kind", filter.kind().name());
    }
    if (filter.organization() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.partners) p WHERE p->>'organizationCode' = :organization AND "
              + CONSENTED_ELEMENT
              + ")");
      params.put("organization", filter.organization());
    }
    for (int i = 0; i < filter.countries().size(); i++) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.partners) p WHERE p->>'country' = :country"
              + i
              + " AND "
              + CONSENTED_ELEMENT
              + ")");
      params.put("country" + i, filter.countries().get(i));
    }
    if (filter.field() != null) {
      sql.append(" AND v.fields @> CAST(:field AS jsonb)");
      params.put("field", "[\"" + filter.field().name() + "\"]");
    }
    if (filter.from() != null) {
      sql.append(" AND COALESCE(v.established_on, CAST(v.created_at AS date)) >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      sql.append(" AND COALESCE(v.established_on, CAST(v.created_at AS date)) <= :to");
      params.put("to", filter.to());
    }
    if (filter.modifiedSince() != null) {
      sql.append(" AND v.updated_at >= :modifiedSince");
      params.put("modifiedSince", filter.modifiedSince());
    }
  }
}
