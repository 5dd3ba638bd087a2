package org.eurasia.registry.agreements.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * One step of an agreement's or a venture's implementation plan: what was promised, by which
 * organization, due when. It is planned until it is done, missed or dropped, with links to the
 * evidence; a planned milestone past its due date is overdue.
 */
@Entity
@Table(name = "milestone")
public class Milestone {

  static final Lifecycle<MilestoneStatus> LIFECYCLE =
      Lifecycle.of(MilestoneStatus.class, "a milestone")
          .in(MilestoneStatus.PLANNED, "revise", "complete", "miss", "drop")
          .build();

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false)
  private PlanSubject subjectType;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @Column(name = "responsible_organization", nullable = false)
  private String responsibleOrganization;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MilestoneStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<URI> evidence;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Milestone() {}

  public Milestone(
      UUID id,
      PlanSubject subjectType,
      UUID subjectId,
      Map<String, String> title,
      String responsibleOrganization,
      LocalDate dueOn,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.subjectType = Objects.requireNonNull(subjectType);
    this.subjectId = Objects.requireNonNull(subjectId);
    this.title = new LinkedHashMap<>(title);
    this.responsibleOrganization = Objects.requireNonNull(responsibleOrganization);
    this.dueOn = Objects.requireNonNull(dueOn);
    this.status = MilestoneStatus.PLANNED;
    this.evidence = List.of();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Moves it to {@code next} (or keeps it planned, with a new due date): only a planned milestone
   * changes; evidence given replaces the links held, absent keeps them.
   */
  public void update(MilestoneStatus next, LocalDate newDueOn, List<URI> newEvidence, Instant now) {
    String command =
        switch (next) {
          case PLANNED -> "revise";
          case DONE -> "complete";
          case MISSED -> "miss";
          case DROPPED -> "drop";
        };
    LIFECYCLE.require(status, command);
    if (newDueOn != null) {
      this.dueOn = newDueOn;
    }
    if (newEvidence != null) {
      this.evidence = List.copyOf(newEvidence);
    }
    this.status = next;
    this.updatedAt = now;
  }

  /** Planned and due before {@code today}. */
  public boolean overdueOn(LocalDate today) {
    return status == MilestoneStatus.PLANNED && dueOn.isBefore(today);
  }

  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  public UUID id() {
    return id;
  }

  public PlanSubject subjectType() {
    return subjectType;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public Map<String, String> title() {
    return Map.copyOf(title);
  }

  public String responsibleOrganization() {
    return responsibleOrganization;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public MilestoneStatus status() {
    return status;
  }

  public List<URI> evidence() {
    return evidence;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
