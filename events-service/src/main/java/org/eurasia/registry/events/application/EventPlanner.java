package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.events.domain.AgreementProjection;
import org.eurasia.registry.events.domain.AgreementProjectionRepository;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventChange;
import org.eurasia.registry.events.domain.EventLinks;
import org.eurasia.registry.events.domain.EventNotice;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.EventRepository.CountRow;
import org.eurasia.registry.events.domain.EventRepository.EventFilter;
import org.eurasia.registry.events.domain.EventRepository.Position;
import org.eurasia.registry.events.domain.EventSession;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.ProgramProjection;
import org.eurasia.registry.events.domain.ProgramProjectionRepository;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.events.domain.Speaker;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * Event use cases. A partner manages only events its organization organizes (and must be among the organizers of an
 * event it creates); a registrar manages all. Drafts exist only for their organizers and registrars. Links to
 * agreements and programmes are checked against the projections ({@link EventLinks}).
 */
@ApplicationScoped
@Transactional
public class EventPlanner {

  @Inject EventRepository events;

  @Inject RegistrationRepository registrations;

  @Inject AgreementProjectionRepository agreements;

  @Inject ProgramProjectionRepository programs;

  @Inject Outbox outbox;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Event> list(EventFilter filter, int limit, Cursor after) {
    Position position = after == null ? null : new Position(after.instant(0), after.uuid(1));
    List<Event> rows = events.search(filter, caller.organization().orElse(null), caller.isRegistrar(), position, limit + 1);
    return Slice.fromOverfetch(rows, limit, e -> Cursor.of(e.startsAt().toString(), e.id().toString()));
  }

  /** An event the caller may see: a draft is a 404 for anyone but its organizers and registrars. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Event get(UUID id) {
    return events.findByIdOptional(id).filter(this::isVisible).orElseThrow(() -> ProblemException.notFound("Event", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CountRow> statistics(EventFilter filter) {
    return events.count(filter);
  }

  public Event create(String code, Event.Details details) {
    if (!caller.isRegistrar()) {
      caller.requireMayActForAny(details.organizers());
    }
    if (events.findByCode(code).isPresent()) {
      throw ProblemException.conflict("An event with code '" + code + "' already exists");
    }
    checkLinks(details);
    Event event = Event.draft(UUID.randomUUID(), code, details, clock.instant());
    events.persist(event);
    return event;
  }

  public Event revise(UUID id, ExpectedVersion expected, Event.Details details) {
    Event event = manageable(id, expected);
    // A partner may not write its own organization out of the event it is changing.
    caller.requireMayActForAny(details.organizers());
    checkLinks(details);
    event.revise(details, clock.instant());
    events.flush();
    return event;
  }

  public Event publish(UUID id, ExpectedVersion expected) {
    Event event = manageable(id, expected);
    return announce(event.publish(clock.instant()), event);
  }

  public Event reschedule(UUID id, ExpectedVersion expected, Instant start, Instant end, String zone, String reason) {
    Event event = manageable(id, expected);
    EventChange change = event.reschedule(start, end, zone, reason, clock.instant());
    // A draft moves quietly: nobody outside its organizers knows it yet.
    return event.status() == EventStatus.DRAFT ? flushed(event) : announce(change, event);
  }

  public Event cancel(UUID id, ExpectedVersion expected, String reason) {
    Event event = manageable(id, expected);
    boolean wasPublic = event.status() != EventStatus.DRAFT;
    EventChange change = event.cancel(reason, clock.instant());
    return wasPublic ? announce(change, event) : flushed(event);
  }

  public Event complete(UUID id, ExpectedVersion expected) {
    Event event = manageable(id, expected);
    return announce(event.complete(clock.instant()), event);
  }

  /** The completion job's step for one event, in its own transaction: a system action, so no caller to authorize. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean completeIfEnded(UUID id) {
    Event event = events.findById(id);
    if (event == null || event.status() != EventStatus.PUBLISHED || event.endsAt().isAfter(clock.instant())) {
      return false;
    }
    announce(event.complete(clock.instant()), event);
    return true;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EventSession> sessions(UUID eventId) {
    get(eventId);
    return events.getEntityManager()
        .createQuery("from EventSession where eventId = ?1 order by startsAt, id", EventSession.class)
        .setParameter(1, eventId)
        .getResultList();
  }

  public EventSession addSession(
      UUID eventId, Map<String, String> title, Instant start, Instant end, String room, List<Speaker> speakers, List<String> topics) {
    Event event = manageable(eventId, ExpectedVersion.any());
    EventSession session = new EventSession(UUID.randomUUID(), event, title, start, end, room, speakers, topics, clock.instant());
    events.getEntityManager().persist(session);
    return session;
  }

  public void removeSession(UUID eventId, UUID sessionId) {
    manageable(eventId, ExpectedVersion.any());
    EventSession session = events.getEntityManager().find(EventSession.class, sessionId);
    if (session == null || !session.eventId().equals(eventId)) {
      throw ProblemException.notFound("Session", sessionId);
    }
    events.getEntityManager().remove(session);
  }

  /** Seats taken and people waiting. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Seats seats(Event event) {
    return seats(List.of(event)).get(event.id());
  }

  /** Seats of each of these events, counted in one query; every event given has an entry. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Seats> seats(List<Event> page) {
    Map<UUID, Seats> seats = new HashMap<>();
    page.forEach(e -> seats.put(e.id(), new Seats(0, 0)));
    for (RegistrationRepository.SeatCount count : registrations.seatCounts(seats.keySet())) {
      seats.put(count.eventId(), new Seats(count.confirmed(), count.waitlisted()));
    }
    return seats;
  }

  /** Confirmed and wait-listed registrations of an event. */
  public record Seats(long confirmed, long waitlisted) {}

  /** Whether the caller may see the join link: organizers, registrars and holders of a confirmed seat. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean mayJoin(Event event) {
    return mayManage(event) || (!caller.isAnonymous() && registrations.hasConfirmedSeat(event.id(), caller.principal()));
  }

  public boolean mayManage(Event event) {
    return caller.isRegistrar() || caller.organization().filter(event::isOrganizedBy).isPresent();
  }

  /**
   * The linked agreements as the caller may see them: a confidential agreement's code and status are shown only to
   * its parties and registrars; others see only that a link exists.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LinkedAgreement> linkedAgreements(Event event) {
    return event.linkedAgreements().stream()
        .map(id -> {
          Optional<AgreementProjection> known = agreements.findByIdOptional(id);
          boolean shown = known.isPresent() && (!known.get().isConfidential() || caller.mayActForAny(known.get().partyCodes()));
          return shown ? new LinkedAgreement(id, known.get().code(), known.get().status()) : new LinkedAgreement(id, null, null);
        })
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LinkedProgram> linkedPrograms(Event event) {
    return event.linkedPrograms().stream()
        .map(id -> programs.findByIdOptional(id)
            .map(p -> new LinkedProgram(id, p.code(), p.status()))
            .orElse(new LinkedProgram(id, null, null)))
        .toList();
  }

  private void checkLinks(Event.Details details) {
    Map<UUID, AgreementProjection> knownAgreements = new HashMap<>();
    for (UUID id : details.linkedAgreements()) {
      agreements.findByIdOptional(id).ifPresent(a -> knownAgreements.put(id, a));
    }
    Map<UUID, ProgramProjection> knownPrograms = new HashMap<>();
    for (UUID id : details.linkedPrograms()) {
      programs.findByIdOptional(id).ifPresent(p -> knownPrograms.put(id, p));
    }
    EventLinks.check(details.kind(), details.linkedAgreements(), knownAgreements, details.linkedPrograms(), knownPrograms);
  }

  /** Loads an event the caller may see and manage, at the version the caller based the change on. */
  private Event manageable(UUID id, ExpectedVersion expected) {
    Event event = get(id);
    if (!mayManage(event)) {
      throw ProblemException.forbidden("Only the organizers of " + event.code() + " or a registrar may change it");
    }
    expected.check(event.version());
    return event;
  }

  /** Drafts are visible only to those who may manage them. */
  public boolean isVisible(Event event) {
    return event.status() != EventStatus.DRAFT || mayManage(event);
  }

  private Event flushed(Event event) {
    events.flush();
    return event;
  }

  private Event announce(EventChange change, Event event) {
    events.flush();
    outbox.record(EventNotice.of(change, event));
    return event;
  }

  /** A linked agreement with its current status; code and status null when unknown or not to be shown. */
  public record LinkedAgreement(UUID agreementId, String code, String status) {}

  /** A linked programme with its current status. */
  public record LinkedProgram(UUID programId, String code, String status) {}
}
