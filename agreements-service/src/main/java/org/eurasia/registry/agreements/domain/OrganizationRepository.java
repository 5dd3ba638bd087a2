package org.eurasia.registry.agreements.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

  /**
   * The organization, locked against a concurrent change until the transaction ends: {@code FOR
   * UPDATE} to retire it, {@code FOR SHARE} to name it as a parent. A retirement checks the
   * children and a new child checks its parent; without the lock each could miss the other and
   * leave an active child under a retired parent.
   */
  public Optional<Organization> findLocked(UUID id, boolean exclusive) {
    return findByIdOptional(
        id, exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
  }

  /** The codes of its active child organizations, in code order. */
  public List<String> activeChildCodes(UUID id) {
    return getEntityManager()
        .createQuery(
            "select o.code from Organization o where o.parentId = :id and o.status = :status"
                + " order by o.code",
            String.class)
        .setParameter("id", id)
        .setParameter("status", OrganizationStatus.ACTIVE)
        .getResultList();
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
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.put("status", filter.status());
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
