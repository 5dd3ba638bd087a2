package org.eurasia.registry.agreements.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change to a milestone of an implementation plan sends: the milestone whole, with the
 * agreement or venture it belongs to. Schema: {@code
 * contract/events/registry.milestone.v1.schema.json}. A confidential agreement's milestones are
 * told only to its parties ({@code restrictedTo}, which the payload leaves out).
 */
public record MilestoneNotice(
    String eventType,
    UUID milestoneId,
    PlanSubject subjectType,
    UUID subjectId,
    Map<String, String> title,
    String responsibleOrganization,
    LocalDate dueOn,
    MilestoneStatus status,
    List<String> evidence,
    long version,
    List<String> restrictedTo)
    implements DomainEvent {

  public static final String PLANNED = "registry.milestone.planned.v1";
  public static final String UPDATED = "registry.milestone.updated.v1";
  public static final String DONE = "registry.milestone.done.v1";
  public static final String MISSED = "registry.milestone.missed.v1";
  public static final String DROPPED = "registry.milestone.dropped.v1";

  public static final String AGGREGATE_TYPE = "milestone";

  /** The notice of a new milestone. */
  public static MilestoneNotice planned(Milestone m, List<String> restrictedTo) {
    return of(PLANNED, m, restrictedTo);
  }

  /** The notice of a change: its new status's, or updated while it stays planned. */
  public static MilestoneNotice changed(Milestone m, List<String> restrictedTo) {
    String type =
        switch (m.status()) {
          case PLANNED -> UPDATED;
          case DONE -> DONE;
          case MISSED -> MISSED;
          case DROPPED -> DROPPED;
        };
    return of(type, m, restrictedTo);
  }

  private static MilestoneNotice of(String type, Milestone m, List<String> restrictedTo) {
    return new MilestoneNotice(
        type,
        m.id(),
        m.subjectType(),
        m.subjectId(),
        m.title(),
        m.responsibleOrganization(),
        m.dueOn(),
        m.status(),
        m.evidence().stream().map(Object::toString).toList(),
        m.version(),
        restrictedTo);
  }

  @Override
  public Audience audience() {
    return restrictedTo == null ? Audience.everyone() : Audience.only(restrictedTo);
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return milestoneId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
