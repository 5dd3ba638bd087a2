package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.OrganizationDirectory;
import org.eurasia.registry.events.domain.OrganizationProjectionRepository;
import org.eurasia.registry.events.domain.RegistrantErasure;
import org.eurasia.registry.events.domain.RegistrantMail;
import org.eurasia.registry.events.domain.RegistrantMailRepository;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationChange;
import org.eurasia.registry.events.domain.RegistrationNotice;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.events.domain.RegistrationStatus;
import org.eurasia.registry.events.domain.SeatCount;
import org.eurasia.registry.events.domain.Seating;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.idempotency.IdempotentRequests;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * Registration for events. Registration management (approving, declining, checking in, the lists)
 * belongs to the event's consenting organizers and registrars; registering oneself to anyone with a
 * person's or partner's role. Every command that can take or free a seat first locks the event's
 * row, then serves the waiting list ({@link WaitingList#settle}), counts and changes registrations:
 * concurrent requests for one event queue on that lock, so capacity is never exceeded, a freed seat
 * goes to exactly one person on the waiting list, and no newcomer is seated while anyone waits. The
 * lock is held only for the few statements of one registration (measured: 500 concurrent
 * registrations for one event finish in seconds on 2 cores). A new registration names an
 * organization only when the directory has it active ({@link OrganizationDirectory}); registrations
 * made before it was retired keep it.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

  @Inject EventRepository events;

  @Inject RegistrationRepository registrations;

  @Inject EventService eventService;

  @Inject WaitingList waitingList;

  @Inject OrganizationProjectionRepository organizations;

  @Inject RegistrantMailRepository mails;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject IdempotentRequests idempotency;

  /** Keys a registration's history entries may hold the person under. */
  private static final List<String> PERSONAL_FIELDS =
      List.of("name", "email", "participantKey", "registeredBy");

  /**
   * Registers the caller (the token's subject) for the event. The registration shows the
   * organization the caller's token names (an attendee's affiliation, a partner's organization):
   * for display, and so that organization's partner may see and cancel it — never a right of the
   * attendee's. That organization must be active in the directory (refused as the token's {@code
   * org}, before anything is said of the event).
   */
  public Registration register(UUID eventId, String name, String email) {
    caller.affiliation().ifPresent(org -> directory().requireNameable("org", org));
    Event event = lockedForRegistration(eventId);
    String key = caller.principal();
    if (registrations.isActive(eventId, key)) {
      throw ProblemException.conflict("You are already registered for " + event.code());
    }
    // Seats left free by older rules go to the queue before the newcomer is counted.
    SeatCount seats = waitingList.settle(event);
    RegistrationStatus status =
        Seating.place(
            event.terms().capacity(),
            event.terms().moderated(),
            seats.confirmed(),
            seats.waitlisted());
    Registration registration =
        new Registration(
            UUID.randomUUID(),
            eventId,
            new Registration.Person(key, name, email, caller.affiliation().orElse(null)),
            null,
            key,
            status,
            clock.instant());
    registrations.persist(registration);
    return announce(changeFor(status), registration, event);
  }

  /**
   * A head of delegation registers members of their own organization at once: all seated, all on
   * the waiting list in the order listed (when {@code waitIfFull}; the first ones seated if seats
   * are free and nobody waits), or none — any problem with one member refuses the whole request.
   * Who the caller acts for is checked first (403, saying nothing of the event), then that the
   * directory has the organization active, then that the event is visible, then the registration
   * rules, among them the organizers' cap on one organization's delegations. Each member is owed a
   * mail with a link to see and cancel their own registration (they did not register themselves,
   * and may not know): written here, sent after commit by the mail job.
   */
  public List<Registration> registerDelegation(
      UUID eventId, String organization, List<Member> members, boolean waitIfFull) {
    caller.requireMayActFor(organization);
    directory().requireNameable("organization", organization);
    Event event = lockedForRegistration(eventId);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      String key = memberKey(members.get(i).email());
      if (!keys.add(key)) {
        throw ProblemException.invalidField(
            "members[" + i + "].email", "lists the same person twice");
      }
      if (registrations.isActive(eventId, key)) {
        throw ProblemException.conflict(
            members.get(i).email()
                + " is already registered for "
                + event.code()
                + "; nobody was registered");
      }
    }
    Seating.requireDelegationRoom(
        event.terms().delegationSeatCap(),
        organization,
        registrations.delegationSeatsHeld(eventId, organization),
        members.size());
    SeatCount seats = waitingList.settle(event);
    List<RegistrationStatus> statuses =
        Seating.placeDelegation(
            event.terms().capacity(),
            event.terms().moderated(),
            seats.confirmed(),
            seats.waitlisted(),
            members.size(),
            waitIfFull);
    UUID delegation = UUID.randomUUID();
    List<Registration> registered = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      // Members queue in the order listed: the head's list is the delegation's order of precedence.
      Registration r =
          new Registration(
              UUID.randomUUID(),
              eventId,
              new Registration.Person(memberKey(m.email()), m.name(), m.email(), organization),
              delegation,
              caller.principal(),
              statuses.get(i),
              now.plusNanos(i * 1000L));
      String token = r.issueSelfServiceToken();
      registrations.persist(r);
      mails.persist(new RegistrantMail(r.id(), token, now));
      registered.add(r);
    }
    registered.forEach(r -> announce(changeFor(r.status()), r, event));
    return registered;
  }

  /**
   * An organizer approves a pending registration: a seat if one is free and nobody waits, else the
   * end of the waiting list — its place in the queue is taken when it is approved, not when it
   * registered (see {@link Registration#approve}).
   */
  public Registration approve(UUID registrationId) {
    Locked locked = lockedManageable(registrationId);
    Registration registration = locked.registration();
    Event event = locked.event();
    SeatCount seats = waitingList.settle(event);
    boolean seatFree =
        Seating.seatFor(event.terms().capacity(), seats.confirmed(), seats.waitlisted());
    return announce(registration.approve(seatFree, clock.instant()), registration, event);
  }

  /**
   * Declines a pending registration, which held no seat; the queue is served as after any change.
   */
  public Registration decline(UUID registrationId) {
    Locked locked = lockedManageable(registrationId);
    announce(locked.registration().decline(clock.instant()), locked.registration(), locked.event());
    waitingList.settle(locked.event());
    return locked.registration();
  }

  /**
   * Cancels; a freed seat goes to the first on the waiting list, in the same transaction (while the
   * event is published).
   */
  public Registration cancel(UUID registrationId) {
    Locked locked = locked(registrationId);
    locked.registration().cancel(clock.instant());
    announce(RegistrationChange.CANCELLED, locked.registration(), locked.event());
    waitingList.settle(locked.event());
    return locked.registration();
  }

  /**
   * The registration a mailed self-service link opens. A wrong or missing token is answered exactly
   * as an unknown id: the link is the only right its holder has.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Registration openedByLink(UUID registrationId, String token) {
    return registrations
        .findByIdOptional(registrationId)
        .filter(r -> r.opensWith(token))
        .orElseThrow(() -> ProblemException.notFound("Registration", registrationId));
  }

  /**
   * The person a delegation registered cancels through their mailed link, as {@link #cancel} does:
   * the token is checked again under the event's lock (an erasure meanwhile closes the link).
   */
  public Registration cancelThroughLink(UUID registrationId, String token) {
    Registration registration = openedByLink(registrationId, token);
    Event event = events.lock(registration.eventId()).orElseThrow();
    registrations.getEntityManager().refresh(registration);
    if (!registration.opensWith(token)) {
      throw ProblemException.notFound("Registration", registrationId);
    }
    registration.cancel(clock.instant());
    announce(RegistrationChange.CANCELLED, registration, event);
    waitingList.settle(event);
    return registration;
  }

  /** Under the event's lock, as every write of a registration's row (see {@link #erase}). */
  public Registration checkIn(UUID registrationId) {
    Locked locked = locked(registrationId);
    Event event = locked.event();
    if (!eventService.mayManage(event)) {
      throw ProblemException.forbidden(
          "Only the organizers of " + event.code() + " or a registrar check people in");
    }
    return announce(locked.registration().checkIn(clock.instant()), locked.registration(), event);
  }

  /**
   * Erases the registrant's personal data on request: their organization's partner, the event's
   * organizers or a registrar (404 for whoever may not see the registration, 403 for one who may
   * but is none of these). Idempotent: erasing again changes nothing.
   */
  public void erase(UUID registrationId) {
    // Under the event's lock, as every command on a registration: a cancellation or promotion in
    // flight (which writes the whole row) is waited for, never written over the erasure.
    Locked locked = locked(registrationId);
    Registration registration = locked.registration();
    Event event = locked.event();
    boolean may =
        caller.isRegistrar()
            || eventService.mayManage(event)
            || (registration.organization() != null
                && caller.mayActFor(registration.organization()));
    if (!may) {
      throw ProblemException.forbidden(
          "Only the registrant's organization, the organizers of "
              + event.code()
              + " or a registrar erase a registrant's personal data");
    }
    forget(registration, event);
  }

  /** The retention job's erasure of one registration (no caller: the job decides). */
  public boolean eraseAfterRetention(UUID registrationId) {
    return registrations
        .findByIdOptional(registrationId)
        // The event's lock first, as for a request (the event is read by the lock alone).
        .map(r -> forget(r, events.lock(r.eventId()).orElseThrow()))
        .orElse(false);
  }

  /**
   * Erasure reaches every copy: the registration's columns (its self-service link with them), a
   * mail still owed to the person, the remembered responses of retried requests about it, and any
   * history entry holding the person; a tombstone tells consumers and the change feed to drop
   * theirs. The registration stays, counted by status and organization.
   */
  private boolean forget(Registration registration, Event event) {
    Instant now = clock.instant();
    mails.forget(registration.id());
    if (!registrations.erasePersonalData(registration.id(), now)) {
      return false;
    }
    String id = registration.id().toString();
    idempotency.forgetResponsesMentioning(List.of(id));
    changeLog.erase(RegistrationNotice.AGGREGATE_TYPE, List.of(id), PERSONAL_FIELDS);
    changeLog.append(
        RegistrationNotice.AGGREGATE_TYPE,
        id,
        registration.version(),
        Map.of("personalData", "erased"));
    outbox.announce(() -> RegistrantErasure.of(registration, event, now));
    return true;
  }

  /**
   * A registration the caller may see: the registrant, their organization's partner, organizers,
   * registrars.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Registration get(UUID id) {
    Registration registration =
        registrations
            .findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("Registration", id));
    Event event = events.findById(registration.eventId());
    if (!mayAct(registration, event)) {
      throw ProblemException.notFound("Registration", id);
    }
    return registration;
  }

  /** One page of the history of a registration the caller may see ({@link #get}), oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    get(id);
    return changeLog.history(RegistrationNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  /**
   * An event's registrations (all, or one status such as the waiting list in order), for organizers
   * and registrars.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Registration> list(
      UUID eventId, RegistrationStatus status, int limit, Cursor after) {
    Event event = eventService.get(eventId);
    if (!eventService.mayManage(event)) {
      throw ProblemException.forbidden(
          "Only the organizers of " + event.code() + " or a registrar list its registrations");
    }
    List<Registration> rows =
        registrations.page(
            eventId,
            status,
            after == null ? null : after.instant(0),
            after == null ? null : after.uuid(1),
            limit + 1);
    return Slice.fromOverfetch(
        rows, limit, r -> Cursor.of(r.queuedAt().toString(), r.id().toString()));
  }

  /**
   * The event, locked, once it is visible to the caller and open for registration. An event the
   * caller may not see gets exactly the answer an unknown id gets (the body names it, so: unknown
   * reference naming {@code eventId}), before any rule that would tell its state.
   */
  private Event lockedForRegistration(UUID eventId) {
    Event event =
        events
            .lock(eventId)
            .filter(eventService::isVisible)
            .orElseThrow(
                () ->
                    ProblemException.unknownReference(
                        "eventId", "Event " + eventId + " is not known"));
    event.requireRegistrationOpen(clock.instant());
    return event;
  }

  /**
   * A registration the caller may see (404 otherwise, as {@link #get}) with its event locked, the
   * registration read again under that lock: a promotion or cancellation committed while this
   * request waited for the lock is seen, not overwritten. The event is read only by the lock, never
   * before it in the transaction (on an entity already read, JPA's lock checks the version read, so
   * a revision of the event committed meanwhile would fail the request).
   */
  private Locked locked(UUID registrationId) {
    Registration registration =
        registrations
            .findByIdOptional(registrationId)
            .orElseThrow(() -> ProblemException.notFound("Registration", registrationId));
    Event event = events.lock(registration.eventId()).orElseThrow();
    registrations.getEntityManager().refresh(registration);
    if (!mayAct(registration, event)) {
      throw ProblemException.notFound("Registration", registrationId);
    }
    return new Locked(registration, event);
  }

  private Locked lockedManageable(UUID registrationId) {
    Locked locked = locked(registrationId);
    if (!eventService.mayManage(locked.event())) {
      throw ProblemException.forbidden(
          "Only the organizers of "
              + locked.event().code()
              + " or a registrar decide on registrations");
    }
    return locked;
  }

  /** A registration and its event, locked. */
  private record Locked(Registration registration, Event event) {}

  private boolean mayAct(Registration registration, Event event) {
    if (caller.isAnonymous()) {
      return false;
    }
    return registration.participantKey().equals(caller.principal())
        || registration.registeredBy().equals(caller.principal())
        || (registration.organization() != null && caller.mayActFor(registration.organization()))
        || eventService.mayManage(event);
  }

  private Registration announce(RegistrationChange change, Registration registration, Event event) {
    outbox.announce(() -> RegistrationNotice.of(change, registration, event));
    return registration;
  }

  private static RegistrationChange changeFor(RegistrationStatus status) {
    return switch (status) {
      case CONFIRMED -> RegistrationChange.CONFIRMED;
      case WAITLISTED -> RegistrationChange.WAIT_LISTED;
      case PENDING -> RegistrationChange.PENDING;
      default -> throw new IllegalStateException("a new registration is never " + status);
    };
  }

  private static String memberKey(String email) {
    return "mailto:" + email.toLowerCase(Locale.ROOT);
  }

  /** A member of a delegation. */
  public record Member(String name, String email) {}

  private OrganizationDirectory directory() {
    return new OrganizationDirectory(organizations::byCodes);
  }
}
