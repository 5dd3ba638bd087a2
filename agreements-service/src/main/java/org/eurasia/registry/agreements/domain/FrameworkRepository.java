package org.eurasia.registry.agreements.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Regional frameworks; lists are keyset-paged on the unique code. */
@ApplicationScoped
public class FrameworkRepository implements PanacheRepositoryBase<Framework, UUID> {

  public Optional<Framework> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /**
   * At most {@code rows} frameworks after {@code afterCode}, optionally only those a country has
   * ever belonged to.
   */
  @SuppressWarnings("unchecked")
  public List<Framework> search(String memberCountry, String afterCode, int rows) {
    StringBuilder sql = new StringBuilder("SELECT * FROM framework WHERE 1 = 1");
    if (memberCountry != null) {
      sql.append(" AND members @> CAST(:member AS jsonb)");
    }
    if (afterCode != null) {
      sql.append(" AND code > :after");
    }
    sql.append(" ORDER BY code LIMIT :rows");
    var query =
        getEntityManager()
            .createNativeQuery(sql.toString(), Framework.class)
            .setParameter("rows", rows);
    if (memberCountry != null) {
      query.setParameter("member", "[{\"country\": \"" + memberCountry + "\"}]");
    }
    if (afterCode != null) {
      query.setParameter("after", afterCode);
    }
    return query.getResultList();
  }

  /** True when an agreement names the framework. */
  public boolean isUsed(String code) {
    Object used =
        getEntityManager()
            .createNativeQuery(
                "SELECT EXISTS (SELECT 1 FROM agreement WHERE frameworks @> CAST(?1 AS jsonb))")
            .setParameter(1, "[\"" + code + "\"]")
            .getSingleResult();
    return Boolean.TRUE.equals(used);
  }
}
