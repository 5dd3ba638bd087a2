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
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.StateConflict;

/**
 * One person's registration for an event. Its status is decided by {@link Seating} under the
 * event's lock; this class holds the transitions. The person is identified within the event by
 * {@code participantKey} (token subject, or e-mail for delegation members); name and e-mail are
 * shown only to the registrant, their delegation and the organizers.
 */
@Entity
@Table(name = "registration")
public class Registration {

  static final String CHECK_IN = "check in";

  /**
   * The commands a caller may send in each status, behind every guard and the {@code
   * allowedTransitions} a view shows. Being checked in is a fact of a confirmed registration, not a
   * status: once it is, {@code check in} is no longer offered (see {@link #allowedTransitions}) and
   * a second one is a conflict.
   */
  public static final Lifecycle<RegistrationStatus> LIFECYCLE =
      Lifecycle.of(RegistrationStatus.class, "a registration")
          .in(RegistrationStatus.PENDING, "approve", "decline", "cancel")
          .in(RegistrationStatus.CONFIRMED, CHECK_IN, "cancel")
          .in(RegistrationStatus.WAITLISTED, "cancel")
          .build();

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

  /** The SHA-256 of the secret in the link mailed to a delegation member; null otherwise. */
  @Column(name = "self_service_token_hash")
  private String selfServiceTokenHash;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Registration() {}

  public Registration(
      UUID id,
      UUID eventId,
      Person person,
      UUID delegationId,
      String registeredBy,
      RegistrationStatus status,
      Instant now) {
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

  /**
   * An organizer's decision on a moderated registration: a seat if one is free and nobody waits,
   * else the end of the waiting list. Its place in the queue is taken now, not when it registered:
   * those already waiting were approved (or registered) earlier, and a late decision must not move
   * anyone's place back.
   *
   * @param seatFree whether {@link Seating#seatFor} gives a newcomer a seat now
   */
  public RegistrationChange approve(boolean seatFree, Instant now) {
    require("approve");
    status = seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
    queuedAt = now;
    updatedAt = now;
    return seatFree ? RegistrationChange.CONFIRMED : RegistrationChange.WAIT_LISTED;
  }

  /**
   * Issues the secret of the link that lets this registration's person see and cancel it without an
   * account (a delegation member, registered by someone else). Returned once, for the mail; only
   * its hash stays here.
   */
  public String issueSelfServiceToken() {
    String token = SelfServiceToken.issue();
    selfServiceTokenHash = SelfServiceToken.hash(token);
    return token;
  }

  /** Whether a link's {@code token} opens this registration (never once its person is erased). */
  public boolean opensWith(String token) {
    return SelfServiceToken.matches(selfServiceTokenHash, token);
  }

  public RegistrationChange decline(Instant now) {
    require("decline");
    status = RegistrationStatus.DECLINED;
    updatedAt = now;
    return RegistrationChange.DECLINED;
  }

  /**
   * A freed or added seat goes to this waiting registration: the consequence of a cancellation or a
   * higher capacity, never a command a caller sends, so it is not in {@link #LIFECYCLE} and no view
   * offers it.
   */
  public RegistrationChange promote(Instant now) {
    if (status != RegistrationStatus.WAITLISTED) {
      throw new InvalidTransition("a registration", status, "promote", allowedTransitions());
    }
    status = RegistrationStatus.CONFIRMED;
    updatedAt = now;
    return RegistrationChange.PROMOTED;
  }

  /**
   * @return whether a seat was freed (the caller then promotes the next on the waiting list)
   */
  public boolean cancel(Instant now) {
    require("cancel");
    boolean freesSeat = status == RegistrationStatus.CONFIRMED;
    status = RegistrationStatus.CANCELLED;
    updatedAt = now;
    return freesSeat;
  }

  public RegistrationChange checkIn(Instant now) {
    require(CHECK_IN);
    if (checkedInAt != null) {
      throw new StateConflict("Registration " + id + " was checked in at " + checkedInAt);
    }
    checkedInAt = now;
    updatedAt = now;
    return RegistrationChange.CHECKED_IN;
  }

  /**
   * The commands {@link #LIFECYCLE} allows in the current status, less {@code check in} once
   * checked in.
   */
  public List<String> allowedTransitions() {
    List<String> allowed = LIFECYCLE.allowedIn(status);
    return checkedInAt == null
        ? allowed
        : allowed.stream().filter(command -> !command.equals(CHECK_IN)).toList();
  }

  /**
   * The guard of every command: the table decides, and a refusal names what this registration does
   * allow.
   */
  private void require(String command) {
    if (!LIFECYCLE.allows(status, command)) {
      throw new InvalidTransition("a registration", status, command, allowedTransitions());
    }
  }

  /** Who registers: their key within the event, name, e-mail and organization. */
  public record Person(String participantKey, String name, String email, String organization) {}

  public UUID id() {
    return id;
  }

  public UUID eventId() {
    return eventId;
  }

  public String participantKey() {
    return participantKey;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String organization() {
    return organization;
  }

  public UUID delegationId() {
    return delegationId;
  }

  public String registeredBy() {
    return registeredBy;
  }

  public RegistrationStatus status() {
    return status;
  }

  public Instant queuedAt() {
    return queuedAt;
  }

  public Instant checkedInAt() {
    return checkedInAt;
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
