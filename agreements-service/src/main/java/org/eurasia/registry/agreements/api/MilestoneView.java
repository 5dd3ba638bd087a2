package org.eurasia.registry.agreements.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.Milestone;
import org.eurasia.registry.agreements.domain.MilestoneStatus;
import org.eurasia.registry.agreements.domain.PlanSubject;

/** A milestone of an implementation plan as the API shows it, with its computed overdue flag. */
@Schema(name = "Milestone")
public record MilestoneView(
    UUID id,
    PlanSubject subjectType,
    UUID subjectId,
    Map<String, String> title,
    @Schema(example = "most.gov.pk") String responsibleOrganization,
    LocalDate dueOn,
    MilestoneStatus status,
    @Schema(description = "PLANNED and due before today (UTC).") boolean overdue,
    List<String> evidence,
    @Schema(description = "Status changes it allows.") List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static MilestoneView of(Milestone m, boolean overdue) {
    return new MilestoneView(
        m.id(),
        m.subjectType(),
        m.subjectId(),
        m.title(),
        m.responsibleOrganization(),
        m.dueOn(),
        m.status(),
        overdue,
        m.evidence().stream().map(Object::toString).toList(),
        m.allowedTransitions(),
        m.version(),
        m.createdAt(),
        m.updatedAt());
  }

  /** How much of a plan was delivered. */
  @Schema(name = "PlanDelivery")
  public record Delivery(
      PlanSubject subjectType,
      UUID subjectId,
      @Schema(description = "Milestones by status (PLANNED, DONE, MISSED, DROPPED).")
          Map<String, Long> byStatus,
      @Schema(description = "PLANNED milestones due before today (UTC).") long overdue,
      @Schema(description = "All milestones of the plan.") long total) {

    static Delivery of(PlanSubject type, UUID id, Map<String, Long> counts) {
      Map<String, Long> byStatus = new java.util.LinkedHashMap<>(counts);
      long overdue = byStatus.remove("OVERDUE");
      long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
      return new Delivery(type, id, byStatus, overdue, total);
    }
  }
}
