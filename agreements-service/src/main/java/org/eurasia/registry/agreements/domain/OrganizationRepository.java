package org.eurasia.registry.agreements.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Organisations in PostgreSQL; lists are keyset-paged on the unique code. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

  public Optional<Organization> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  public boolean hasChildren(UUID id) {
    return count("parentId", id) > 0;
  }

  /**
   * At most {@code rows} organisations matching the filter, in code order, after the code {@code
   * afterCode}.
   */
  public List<Organization> search(OrganizationFilter filter, String afterCode, int rows) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.country() != null) {
      where.append(" and country = :country");
      params.put("country", filter.country());
    }
    if (filter.kind() != null) {
      where.append(" and kind = :kind");
      params.put("kind", filter.kind());
    }
    if (filter.parentId() != null) {
      where.append(" and parentId = :parentId");
      params.put("parentId", filter.parentId());
    }
    if (filter.modifiedSince() != null) {
      where.append(" and updatedAt >= :modifiedSince");
      params.put("modifiedSince", filter.modifiedSince());
    }
    if (afterCode != null) {
      where.append(" and code > :after");
      params.put("after", afterCode);
    }
    return find(where + " order by code", params).range(0, rows - 1).list();
  }
}
