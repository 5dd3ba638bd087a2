package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Agreements in PostgreSQL; searches are keyset-paged on the sort key, the code and the id (codes
 * repeat: a confidential agreement's code is unique only among what its readers can see) and use
 * the JSON containment indexes.
 */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

  @Inject ObjectMapper json;

  /**
   * Whether an agreement other than {@code except} with this code exists that the reader may see. A
   * code held only by agreements the reader cannot see is free for it: answering otherwise would
   * confirm that a confidential code exists.
   *
   * @param readerOrganization as in {@link #search}
   */
  public boolean codeVisibleTo(String code, String readerOrganization, UUID except) {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM agreement a WHERE a.code = :code");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("code", code);
    if (except != null) {
      sql.append(" AND a.id <> CAST(:except AS uuid)");
      params.put("except", except.toString());
    }
    appendVisibility(sql, params, readerOrganization);
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    return ((Number) query.getSingleResult()).longValue() > 0;
  }

  /** Those of {@code ids} the reader may see, in the given order. */
  @SuppressWarnings("unchecked")
  public List<UUID> visibleAmong(List<UUID> ids, String readerOrganization) {
    if (ids.isEmpty() || readerOrganization == null) {
      return List.copyOf(ids);
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT CAST(a.id AS text) FROM agreement a WHERE a.id = ANY (CAST(:ids AS uuid[]))");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ids", "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}");
    appendVisibility(sql, params, readerOrganization);
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    Set<String> visible = new HashSet<>(query.getResultList());
    return ids.stream().filter(id -> visible.contains(id.toString())).toList();
  }

  /**
   * At most {@code rows} agreements matching the filter and visible to the reader, in the filter's
   * order after {@code after}.
   *
   * @param readerOrganization null for a registrar (sees everything); otherwise confidential
   *     agreements are returned only when this organization is a party ("" for an anonymous reader)
   */
  @SuppressWarnings("unchecked")
  public List<Agreement> search(
      AgreementFilter filter, String readerOrganization, Position after, int rows) {
    StringBuilder sql = new StringBuilder("SELECT a.* FROM agreement a");
    Map<String, Object> params = new LinkedHashMap<>();
    appendWhere(sql, params, filter, readerOrganization);
    switch (filter.sort()) {
      case CODE -> {
        if (after != null) {
          sql.append(" AND (a.code, a.id) > (:afterCode, CAST(:afterId AS uuid))");
          params.put("afterCode", after.code());
          params.put("afterId", after.id().toString());
        }
        sql.append(" ORDER BY a.code, a.id");
      }
      case UPDATED -> {
        if (after != null) {
          sql.append(
              " AND (a.updated_at, a.code, a.id) < (CAST(:afterUpdated AS timestamptz), :afterCode, CAST(:afterId AS uuid))");
          params.put("afterUpdated", after.key());
          params.put("afterCode", after.code());
          params.put("afterId", after.id().toString());
        }
        sql.append(" ORDER BY a.updated_at DESC, a.code DESC, a.id DESC");
      }
      case RELEVANCE -> {
        // Rank is recomputed from the stored vector; it is the same for a row on every page, so it
        // can be a key.
        if (after != null) {
          sql.append(
              " AND (ts_rank(search_text, query) < CAST(:afterRank AS real)"
                  + " OR (ts_rank(search_text, query) = CAST(:afterRank AS real) AND (a.code, a.id) > (:afterCode, CAST(:afterId AS uuid))))");
          params.put("afterRank", after.key());
          params.put("afterCode", after.code());
          params.put("afterId", after.id().toString());
        }
        sql.append(" ORDER BY ts_rank(search_text, query) DESC, a.code, a.id");
      }
    }
    sql.append(" LIMIT :rows");
    params.put("rows", rows);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Agreement.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * Completes the FROM list with the text query (when there is one) and adds the WHERE clause: the
   * text match, the filter's conditions and what the reader may see. Search and statistics share
   * it, so they always agree.
   */
  private void appendWhere(
      StringBuilder sql,
      Map<String, Object> params,
      AgreementFilter filter,
      String readerOrganization) {
    if (filter.text() != null) {
      sql.append(", websearch_to_tsquery('simple', :text) query");
      params.put("text", filter.text());
    }
    sql.append(" WHERE 1 = 1");
    if (filter.text() != null) {
      sql.append(" AND search_text @@ query");
    }
    appendFilter(sql, params, filter, readerOrganization);
  }

  /**
   * What the reader may see: public agreements, and confidential ones its organization is named in.
   */
  private void appendVisibility(
      StringBuilder sql, Map<String, Object> params, String readerOrganization) {
    if (readerOrganization != null) {
      sql.append(" AND (a.visibility = 'PUBLIC' OR a.parties @> CAST(:reader AS jsonb))");
      params.put("reader", contains(Map.of("organizationCode", readerOrganization)));
    }
  }

  /**
   * The filter's conditions, including what the reader may see. {@code party} and {@code countries}
   * match only parties that consented (signed, or accepted): naming an organization does not make
   * the agreement its own, so it must not be listed or counted as such. {@code invitedParty} finds
   * the agreements that name an organization which has not consented yet (its drafts to sign, its
   * invitations). The containment operator finds the candidates through the GIN index; the JSON
   * path then keeps those where that very party consented.
   */
  private void appendFilter(
      StringBuilder sql,
      Map<String, Object> params,
      AgreementFilter filter,
      String readerOrganization) {
    appendVisibility(sql, params, readerOrganization);
    if (filter.status() != null) {
      sql.append(" AND a.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.kind() != null) {
      sql.append(" AND a.kind = :kind");
      params.put("kind", filter.kind().name());
    }
    if (filter.party() != null) {
      sql.append(
          " AND a.parties @> CAST(:party AS jsonb)"
              + " AND jsonb_path_exists(a.parties, CAST(:consentedParty AS jsonpath), jsonb_build_object('value', CAST(:partyCode AS text)))");
      params.put("party", contains(Map.of("organizationCode", filter.party())));
      params.put("consentedParty", CONSENTED_ORGANIZATION);
      params.put("partyCode", filter.party());
    }
    if (filter.invitedParty() != null) {
      sql.append(
          " AND a.parties @> CAST(:invited AS jsonb)"
              + " AND NOT jsonb_path_exists(a.parties, CAST(:consentedInvited AS jsonpath), jsonb_build_object('value', CAST(:invitedCode AS text)))");
      params.put("invited", contains(Map.of("organizationCode", filter.invitedParty())));
      params.put("consentedInvited", CONSENTED_ORGANIZATION);
      params.put("invitedCode", filter.invitedParty());
    }
    int n = 0;
    for (String country : filter.countries()) {
      // Each country must have a consenting party: two countries give the bilateral view (e.g. PK
      // and BY).
      sql.append(" AND a.parties @> CAST(:country")
          .append(n)
          .append(" AS jsonb)")
          .append(" AND jsonb_path_exists(a.parties, CAST(:consentedCountry")
          .append(n)
          .append(" AS jsonpath),")
          .append(" jsonb_build_object('value', CAST(:countryCode")
          .append(n)
          .append(" AS text)))");
      params.put("country" + n, contains(Map.of("country", country)));
      params.put("consentedCountry" + n, CONSENTED_COUNTRY);
      params.put("countryCode" + n++, country);
    }
    if (filter.field() != null) {
      sql.append(" AND a.fields @> CAST(:field AS jsonb)");
      params.put("field", array(filter.field().name()));
    }
    if (filter.isced() != null) {
      sql.append(" AND a.isced_codes @> CAST(:isced AS jsonb)");
      params.put("isced", array(filter.isced()));
    }
    if (filter.framework() != null) {
      sql.append(" AND a.frameworks @> CAST(:framework AS jsonb)");
      params.put("framework", array(filter.framework()));
    }
    if (filter.modifiedSince() != null) {
      sql.append(" AND a.updated_at >= :modifiedSince");
      params.put("modifiedSince", filter.modifiedSince());
    }
    if (filter.from() != null) {
      // In force on or after `from`: entered into force, and not ended (expired, terminated)
      // before it. A withdrawn draft never entered into force.
      sql.append(
          " AND a.entry_into_force IS NOT NULL AND (a.ended_on IS NULL OR a.ended_on >= :from)");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      sql.append(" AND a.entry_into_force <= :to");
      params.put("to", filter.to());
    }
    if (filter.entryIntoForceFrom() != null) {
      sql.append(" AND a.entry_into_force >= :entryIntoForceFrom");
      params.put("entryIntoForceFrom", filter.entryIntoForceFrom());
    }
    if (filter.entryIntoForceTo() != null) {
      sql.append(" AND a.entry_into_force <= :entryIntoForceTo");
      params.put("entryIntoForceTo", filter.entryIntoForceTo());
    }
    if (filter.expiringBefore() != null) {
      sql.append(" AND a.expires_on < :expiringBefore");
      params.put("expiringBefore", filter.expiringBefore());
    }
  }

  /**
   * How many agreements matching the filter (and visible to the reader) fall under each value of a
   * dimension. An agreement with several fields, frameworks or countries counts once under each.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Long> count(
      AgreementFilter filter, String readerOrganization, Dimension dimension) {
    String key =
        switch (dimension) {
          case STATUS -> "a.status";
          case KIND -> "a.kind";
          case FIELD -> "d.value";
          case FRAMEWORK -> "d.value";
          case COUNTRY -> "d.value";
          case COUNTRY_PAIR -> "d.value";
          case YEAR ->
              "CAST(EXTRACT(YEAR FROM COALESCE(a.entry_into_force, CAST(a.created_at AS date))) AS text)";
        };
    String from =
        switch (dimension) {
          case FIELD -> ", jsonb_array_elements_text(a.fields) d";
          case FRAMEWORK -> ", jsonb_array_elements_text(a.frameworks) d";
          // Countries of consenting parties only: an organization named by someone else counts once
          // it consented.
          case COUNTRY ->
              ", LATERAL (SELECT DISTINCT p->>'country' AS value FROM jsonb_array_elements(a.parties) p"
                  + " WHERE "
                  + CONSENTED_ELEMENT
                  + ") d";
          case COUNTRY_PAIR ->
              ", LATERAL (SELECT DISTINCT x.c || '-' || y.c AS value FROM"
                  + " (SELECT p->>'country' AS c FROM jsonb_array_elements(a.parties) p WHERE "
                  + CONSENTED_ELEMENT
                  + ") x,"
                  + " (SELECT p->>'country' AS c FROM jsonb_array_elements(a.parties) p WHERE "
                  + CONSENTED_ELEMENT
                  + ") y"
                  + " WHERE x.c < y.c) d";
          default -> "";
        };
    StringBuilder sql =
        new StringBuilder("SELECT " + key + " AS k, count(DISTINCT a.id) FROM agreement a" + from);
    Map<String, Object> params = new LinkedHashMap<>();
    appendWhere(sql, params, filter, readerOrganization);
    sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
    Query query = getEntityManager().createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /**
   * Agreements in force or suspended whose expiry date is before {@code day}: candidates for expiry
   * or renewal.
   */
  public List<Agreement> dueToExpire(LocalDate day, int rows) {
    return find(
            "status in (?1, ?2) and expiresOn < ?3 order by expiresOn",
            AgreementStatus.IN_FORCE,
            AgreementStatus.SUSPENDED,
            day)
        .range(0, rows - 1)
        .list();
  }

  private String contains(Map<String, String> element) {
    return write(List.of(element));
  }

  private String array(String value) {
    return write(List.of(value));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The rank of a row under {@link SearchSort#RELEVANCE}, to build the next page's position. */
  public float rankOf(Agreement agreement, String text) {
    Object rank =
        getEntityManager()
            .createNativeQuery(
                "SELECT ts_rank(search_text, websearch_to_tsquery('simple', ?1)) FROM agreement WHERE id = ?2")
            .setParameter(1, text)
            .setParameter(2, agreement.id())
            .getSingleResult();
    return ((Number) rank).floatValue();
  }

  /**
   * A party (a JSON element {@code p} of {@code parties}) that consented: a signatory signed, any
   * other role accepted. The same rule as {@link Party#consented()}, in SQL.
   */
  private static final String CONSENTED_ELEMENT =
      "(jsonb_typeof(p->'signature') = 'object' OR jsonb_typeof(p->'acceptance') = 'object')";

  /**
   * JSON paths for "the party with this code (or of this country, in {@code $value}) consented".
   */
  private static final String CONSENTED_ORGANIZATION =
      "$[*] ? (@.organizationCode == $value && (exists(@.signature.date) || exists(@.acceptance.date)))";

  private static final String CONSENTED_COUNTRY =
      "$[*] ? (@.country == $value && (exists(@.signature.date) || exists(@.acceptance.date)))";
}
