package org.eurasia.registry.agreements.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Milestones of implementation plans; a plan is listed by due date, then id (keyset-paged). */
@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

  public Optional<Milestone> findOf(PlanSubject type, UUID subjectId, UUID id) {
    return find("id = ?1 and subjectType = ?2 and subjectId = ?3", id, type, subjectId)
        .firstResultOptional();
  }

  /**
   * At most {@code rows} milestones of one plan after ({@code afterDue}, {@code afterId}),
   * optionally of one status or only the overdue ones ({@code overdue} true) or only the others.
   */
  public List<Milestone> plan(
      PlanSubject type,
      UUID subjectId,
      MilestoneStatus status,
      Boolean overdue,
      LocalDate today,
      LocalDate afterDue,
      UUID afterId,
      int rows) {
    StringBuilder where = new StringBuilder("subjectType = :type and subjectId = :subject");
    Map<String, Object> params = new HashMap<>();
    params.put("type", type);
    params.put("subject", subjectId);
    if (status != null) {
      where.append(" and status = :status");
      params.put("status", status);
    }
    if (overdue != null) {
      where.append(
          overdue
              ? " and status = :planned and dueOn < :today"
              : " and (status <> :planned or dueOn >= :today)");
      params.put("planned", MilestoneStatus.PLANNED);
      params.put("today", today);
    }
    if (afterDue != null) {
      where.append(" and (dueOn > :afterDue or (dueOn = :afterDue and id > :afterId))");
      params.put("afterDue", afterDue);
      params.put("afterId", afterId);
    }
    return find(where + " order by dueOn, id", params).range(0, rows - 1).list();
  }

  /** How much of one plan is in each status, and how much of it is overdue on {@code today}. */
  public Map<String, Long> delivery(PlanSubject type, UUID subjectId, LocalDate today) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (MilestoneStatus s : MilestoneStatus.values()) {
      counts.put(s.name(), 0L);
    }
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select m.status, count(m) from Milestone m where m.subjectType = :type and"
                    + " m.subjectId = :subject group by m.status",
                Object[].class)
            .setParameter("type", type)
            .setParameter("subject", subjectId)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(((MilestoneStatus) row[0]).name(), ((Number) row[1]).longValue());
    }
    long overdue =
        count(
            "subjectType = ?1 and subjectId = ?2 and status = ?3 and dueOn < ?4",
            type,
            subjectId,
            MilestoneStatus.PLANNED,
            today);
    counts.put("OVERDUE", overdue);
    return counts;
  }
}
