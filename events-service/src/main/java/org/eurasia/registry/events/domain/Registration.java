package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.problem.InvalidTransition;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * One person's registration for an event. Its status is decided by {@link Seating} under the event's lock; this class
 * holds the transitions. The person is identified within the event by {@code participantKey} (token subject, or e-mail
 * for delegation members); name and e-mail are shown only to the registrant, their delegation and the organizers.
 */
@Entity
@Table(name = "registration")
public class Registration {

  @Id private UUID id;

  @Column(name = "event_id", nullable = false)
  private UUID eventId;

  @Column(name = "participant_key", nullable = false)
  private String participantKey;

  @Column(nullable = false)
  private String name;

  private String email;

  private String organization;

  @Column(name = "delegation_id")
  private UUID delegationId;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RegistrationStatus status;

  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  @Column(name = "checked_in_at")
  private Instant checkedInAt;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Registration() {}

  public Registration(UUID id, UUID eventId, Person person, UUID delegationId, String registeredBy, RegistrationStatus status, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.eventId = eventId;
    this.participantKey = person.participantKey();
    this.name = person.name();
    this.email = person.email();
    this.organization = person.organization();
    this.delegationId = delegationId;
    this.registeredBy = registeredBy;
    this.status = status;
    this.queuedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** An organizer's decision on a moderated registration: a seat if one is free, else the waiting list. */
  public RegistrationChange approve(boolean seatFree, Instant now) {
    requireOneOf("approve", RegistrationStatus.PENDING);
    status = seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
    queuedAt = now;
    updatedAt = now;
    return seatFree ? RegistrationChange.CONFIRMED : RegistrationChange.WAIT_LISTED;
  }

  public RegistrationChange decline(Instant now) {
    requireOneOf("decline", RegistrationStatus.PENDING);
    status = RegistrationStatus.DECLINED;
    updatedAt = now;
    return RegistrationChange.DECLINED;
  }

  /** A freed seat goes to this waiting registration. */
  public RegistrationChange promote(Instant now) {
    requireOneOf("promote", RegistrationStatus.WAITLISTED);
    status = RegistrationStatus.CONFIRMED;
    updatedAt = now;
    return RegistrationChange.PROMOTED;
  }

  /** @return whether a seat was freed (the caller then promotes the next on the waiting list) */
  public boolean cancel(Instant now) {
    requireOneOf("cancel", RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
    boolean freesSeat = status == RegistrationStatus.CONFIRMED;
    status = RegistrationStatus.CANCELLED;
    updatedAt = now;
    return freesSeat;
  }

  public RegistrationChange checkIn(Instant now) {
    requireOneOf("check in", RegistrationStatus.CONFIRMED);
    if (checkedInAt != null) {
      throw ProblemException.conflict("Registration " + id + " was checked in at " + checkedInAt);
    }
    checkedInAt = now;
    updatedAt = now;
    return RegistrationChange.CHECKED_IN;
  }

  public List<String> allowedTransitions() {
    return switch (status) {
      case PENDING -> List.of("approve", "decline", "cancel");
      case CONFIRMED -> checkedInAt == null ? List.of("check in", "cancel") : List.of("cancel");
      case WAITLISTED -> List.of("cancel");
      case DECLINED, CANCELLED -> List.of();
    };
  }

  private void requireOneOf(String attempted, RegistrationStatus... allowed) {
    for (RegistrationStatus candidate : allowed) {
      if (status == candidate) {
        return;
      }
    }
    throw new InvalidTransition("a registration", status, attempted, allowedTransitions());
  }

  /** Who registers: their key within the event, name, e-mail and organization. */
  public record Person(String participantKey, String name, String email, String organization) {}

  public UUID id() { return id; }
  public UUID eventId() { return eventId; }
  public String participantKey() { return participantKey; }
  public String name() { return name; }
  public String email() { return email; }
  public String organization() { return organization; }
  public UUID delegationId() { return delegationId; }
  public String registeredBy() { return registeredBy; }
  public RegistrationStatus status() { return status; }
  public Instant queuedAt() { return queuedAt; }
  public Instant checkedInAt() { return checkedInAt; }
  public long version() { return version; }
  public Instant createdAt() { return createdAt; }
  public Instant updatedAt() { return updatedAt; }
}
