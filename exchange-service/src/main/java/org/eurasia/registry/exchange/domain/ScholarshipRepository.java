package org.eurasia.registry.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scholarships and awards. Awards are counted like programme places: one conditional UPDATE, never
 * over the number.
 */
@ApplicationScoped
public class ScholarshipRepository implements PanacheRepositoryBase<Scholarship, UUID> {

  public Optional<Scholarship> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  public List<Scholarship> page(String funder, String currency, String afterCode, int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (funder != null) {
      q.append(" and funder = :funder");
      params.put("funder", funder);
    }
    if (currency != null) {
      q.append(" and currency = :currency");
      params.put("currency", currency);
    }
    if (afterCode != null) {
      q.append(" and code > :after");
      params.put("after", afterCode);
    }
    return find(q + " order by code", params).page(0, limit).list();
  }

  /**
   * The scholarship, its row locked until the transaction ends: a revision or closure then sees
   * every award committed before it, and awards wait for it ({@link #takeAward} needs the same
   * lock).
   */
  public Optional<Scholarship> lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Takes one award if any is left and the scholarship is open; true when taken. The row lock
   * serialises concurrent awards of one scholarship, and awards with its revision and closure.
   */
  public boolean takeAward(UUID scholarshipId) {
    return getEntityManager()
            .createNativeQuery(
                "UPDATE scholarship SET awarded = awarded + 1"
                    + " WHERE id = ?1 AND awarded < awards AND closed_at IS NULL")
            .setParameter(1, scholarshipId)
            .executeUpdate()
        == 1;
  }

  public boolean alreadyAwarded(UUID scholarshipId, UUID mobilityId) {
    return getEntityManager()
            .createQuery(
                "select count(a) from ScholarshipAward a where a.scholarshipId = ?1 and a.mobilityId = ?2",
                Long.class)
            .setParameter(1, scholarshipId)
            .setParameter(2, mobilityId)
            .getSingleResult()
        > 0;
  }

  public List<ScholarshipAward> awards(
      UUID scholarshipId, Instant afterAt, UUID afterId, int limit) {
    if (afterAt == null) {
      return getEntityManager()
          .createQuery(
              "from ScholarshipAward where scholarshipId = ?1 order by awardedAt, id",
              ScholarshipAward.class)
          .setParameter(1, scholarshipId)
          .setMaxResults(limit)
          .getResultList();
    }
    return getEntityManager()
        .createQuery(
            "from ScholarshipAward where scholarshipId = ?1 and (awardedAt > ?2 or (awardedAt = ?2 and id > ?3)) order by awardedAt, id",
            ScholarshipAward.class)
        .setParameter(1, scholarshipId)
        .setParameter(2, afterAt)
        .setParameter(3, afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  public void persistAward(ScholarshipAward award) {
    getEntityManager().persist(award);
  }

  public void persistApplication(ScholarshipApplication application) {
    getEntityManager().persist(application);
  }

  public boolean applied(UUID scholarshipId, UUID mobilityId) {
    return getEntityManager()
            .createQuery(
                "select count(a) from ScholarshipApplication a where a.scholarshipId = ?1 and a.mobilityId = ?2",
                Long.class)
            .setParameter(1, scholarshipId)
            .setParameter(2, mobilityId)
            .getSingleResult()
        > 0;
  }

  /**
   * One page of a scholarship's applications, oldest first. {@code involved} null: all of them (the
   * funder, a registrar); otherwise only those for mobilities that organization is an institution
   * of.
   */
  public List<ScholarshipApplication> applications(
      UUID scholarshipId, String involved, Instant afterAt, UUID afterId, int limit) {
    StringBuilder q =
        new StringBuilder("from ScholarshipApplication a where a.scholarshipId = :scholarship");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("scholarship", scholarshipId);
    if (involved != null) {
      q.append(
          " and exists (select 1 from Mobility m where m.id = a.mobilityId and (m.homeInstitution = :org or m.hostInstitution = :org))");
      params.put("org", involved);
    }
    if (afterAt != null) {
      q.append(" and (a.appliedAt > :afterAt or (a.appliedAt = :afterAt and a.id > :afterId))");
      params.put("afterAt", afterAt);
      params.put("afterId", afterId);
    }
    q.append(" order by a.appliedAt, a.id");
    var query = getEntityManager().createQuery(q.toString(), ScholarshipApplication.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }
}
