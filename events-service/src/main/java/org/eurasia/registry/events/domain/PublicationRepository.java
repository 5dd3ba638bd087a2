package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publications and their search. */
@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, UUID> {

  /**
   * One page of publications, newest year first then by id. Words match in two ways, so every
   * script is found: as words ({@code simple} text search: Latin, Cyrillic, Urdu), or as a
   * case-insensitive substring of the title, abstract and authors (Chinese, written without spaces,
   * has no words for the text search to split on).
   */
  @SuppressWarnings("unchecked")
  public List<Publication> search(PublicationFilter f, Integer afterYear, UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT p.* FROM publication p WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.kind() != null) {
      sql.append(" AND p.kind = :kind");
      params.put("kind", f.kind().name());
    }
    if (f.organization() != null) {
      sql.append(" AND p.publisher = :organization");
      params.put("organization", f.organization());
    }
    if (f.country() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM organization_projection o WHERE o.code = p.publisher AND o.country = :country)");
      params.put("country", f.country());
    }
    if (f.fromYear() != null) {
      sql.append(" AND p.published_year >= :fromYear");
      params.put("fromYear", f.fromYear());
    }
    if (f.toYear() != null) {
      sql.append(" AND p.published_year <= :toYear");
      params.put("toYear", f.toYear());
    }
    contains(sql, params, "linked_events", "event", f.eventId());
    contains(sql, params, "linked_agreements", "agreement", f.agreementId());
    contains(sql, params, "linked_ventures", "venture", f.ventureId());
    if (f.text() != null) {
      sql.append(
          " AND (p.search @@ websearch_to_tsquery('simple', :text)"
              + " OR p.search_text ILIKE '%' || :like || '%' ESCAPE '\\')");
      params.put("text", f.text());
      params.put("like", f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
    }
    if (f.modifiedSince() != null) {
      sql.append(" AND p.updated_at >= :since");
      params.put("since", f.modifiedSince());
    }
    if (afterId != null) {
      sql.append(
          " AND (p.published_year < :afterYear OR (p.published_year = :afterYear AND p.id > :afterId))");
      params.put("afterYear", afterYear);
      params.put("afterId", afterId);
    }
    sql.append(" ORDER BY p.published_year DESC, p.id LIMIT :limit");
    params.put("limit", limit);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Publication.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void contains(
      StringBuilder sql, Map<String, Object> params, String column, String name, UUID id) {
    if (id != null) {
      sql.append(" AND p.").append(column).append(" @> CAST(:").append(name).append(" AS jsonb)");
      params.put(name, "[\"" + id + "\"]");
    }
  }
}
