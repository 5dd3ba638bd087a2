package org.eurasia.registry.events.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.AgreementProjection;
import org.eurasia.registry.events.domain.AgreementProjectionRepository;
import org.eurasia.registry.events.domain.CountRow;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventChange;
import org.eurasia.registry.events.domain.EventDimension;
import org.eurasia.registry.events.domain.EventFilter;
import org.eurasia.registry.events.domain.EventLinks;
import org.eurasia.registry.events.domain.EventNotice;
import org.eurasia.registry.events.domain.EventPosition;
import org.eurasia.registry.events.domain.EventReading;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.EventSession;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.EventTerms;
import org.eurasia.registry.events.domain.OrganizationDirectory;
import org.eurasia.registry.events.domain.OrganizationProjectionRepository;
import org.eurasia.registry.events.domain.ProgramProjectionRepository;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.events.domain.Requester;
import org.eurasia.registry.events.domain.SeatCount;
import org.eurasia.registry.events.domain.Speaker;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;
import org.eurasia.registry.platform.statistics.SmallCounts;
import org.eurasia.registry.platform.statistics.StatisticsConfig;

/**
 * Event use cases. Only the consenting organizers of an event (and registrars) manage it; a partner
 * must be among the organizers of an event it creates, which binds its own organization only: the
 * others it names are invited until their partner accepts ({@link #accept}). An event never
 * published exists only for its organizers, invited ones and registrars. Links to agreements and
 * programmes are checked against the projections and the caller's rights on them ({@link
 * EventLinks}). Every organization named anew — an organizer of a new event, one a revision adds,
 * an invited one accepting — must be active in the directory ({@link OrganizationDirectory}); those
 * an event already names are kept even once retired. Every change is in the change log: announced
 * once the event was published, in its history only before.
 */
@ApplicationScoped
@Transactional
public class EventService {

  /**
   * The most sessions an agenda holds: the whole agenda travels in every event notice and the
   * agenda list is read in pages of at most 100.
   */
  public static final int AGENDA_MAX_SESSIONS = 200;

  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  @Inject EventRepository events;

  @Inject RegistrationRepository registrations;

  @Inject AgreementProjectionRepository agreements;

  @Inject ProgramProjectionRepository programs;

  @Inject OrganizationProjectionRepository organizations;

  @Inject WaitingList waitingList;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject ObjectMapper json;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject StatisticsConfig statistics;

  /**
   * The search: its cost grows with the data (full text, overlapping periods), so anonymous calls
   * are bounded.
   */
  @ExpensiveRead
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Event> list(EventFilter filter, int limit, Cursor after) {
    EventPosition position =
        after == null ? null : new EventPosition(after.instant(0), after.uuid(1));
    List<Event> rows =
        events.search(
            filter, caller.organization().orElse(null), caller.isRegistrar(), position, limit + 1);
    return Slice.fromOverfetch(
        rows, limit, e -> Cursor.of(e.startsAt().toString(), e.id().toString()));
  }

  /**
   * An event the caller may see: one never published is a 404 for anyone but its organizers
   * (invited too) and registrars.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Event get(UUID id) {
    return events
        .findByIdOptional(id)
        .filter(this::isVisible)
        .orElseThrow(() -> ProblemException.notFound("Event", id));
  }

  /**
   * An event the caller may see (as {@link #get}), with its seats and whether the caller may see
   * its join link, read in one round trip: what {@code GET /events/{id}} shows.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Reading read(UUID id) {
    EventReading reading =
        events
            .findReading(id, caller.isAnonymous() ? null : caller.principal())
            .filter(r -> isVisible(r.event()))
            .orElseThrow(() -> ProblemException.notFound("Event", id));
    Event event = reading.event();
    return new Reading(
        event,
        new Seats(reading.seats().confirmed(), reading.seats().waitlisted()),
        mayManage(event) || reading.holdsConfirmedSeat());
  }

  /** An event as its read shows it: the seats taken, and whether the caller may join. */
  public record Reading(Event event, Seats seats, boolean mayJoin) {}

  /**
   * One page of the history of an event the caller may see, oldest first. Its organizers, invited
   * ones and registrars see every change; everyone else only the announced ones, from its
   * publication on: what happened to a draft stays private for good.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    Event event = get(id);
    Slice<ChangeEntry> page =
        changeLog.history(EventNotice.AGGREGATE_TYPE, id.toString(), after, limit);
    if (mayManage(event) || caller.organization().filter(event::isInvited).isPresent()) {
      return page;
    }
    // The cursor stays the unfiltered page's, so a page may hold fewer entries than asked.
    return new Slice<>(
        page.items().stream().filter(entry -> entry.eventId() != null).toList(), page.next());
  }

  /**
   * Counts of published events only. Registrations count people: for anyone but a registrar (who
   * may read them all) a count from 1 to 4 is withheld (issue 24). Anonymous callers share one
   * answer for a while.
   */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CountRow> statistics(EventFilter filter) {
    List<CountRow> rows = events.count(filter);
    if (caller.isRegistrar()) {
      return rows;
    }
    SmallCounts small = statistics.smallCounts();
    return rows.stream().map(r -> r.withheld(small)).toList();
  }

  /**
   * How many published events have each value of a dimension, largest first: like {@link
   * #statistics(EventFilter)}, the same for every caller and shared among anonymous ones.
   */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> statistics(EventDimension groupBy, EventFilter filter) {
    return events.countBy(groupBy, filter);
  }

  public Event create(String code, EventTerms terms) {
    if (!caller.isRegistrar()) {
      caller.requireMayActForAny(terms.organizers());
    }
    if (events.findPublishedByCode(code).isPresent()) {
      throw ProblemException.conflict("A published event already has the code '" + code + "'");
    }
    directory().requireNameable("organizers", terms.organizers(), Set.of());
    links()
        .check(terms.kind(), terms.linkedAgreements(), Set.of(), terms.linkedPrograms(), Set.of());
    // The creator binds its own organization; a registrar acts for every organization it names.
    Set<String> bound =
        caller.isRegistrar() ? terms.organizers() : Set.of(caller.organization().orElseThrow());
    Event event = Event.draft(UUID.randomUUID(), code, terms, bound, clock.instant());
    events.persist(event);
    return inHistoryOnly("drafted", event);
  }

  /**
   * Replaces an event's terms under its row lock, the lock every change of seats takes: a capacity
   * is checked against the seats confirmed at that moment (never set below them), and the seats a
   * higher capacity adds go to the waiting list in the same transaction. Announced once the event
   * was published.
   */
  public Event revise(UUID id, ExpectedVersion expected, EventTerms terms) {
    Event event =
        manageable(
            events
                .lock(id)
                .filter(this::isVisible)
                .orElseThrow(() -> ProblemException.notFound("Event", id)),
            expected);
    EventTerms current = event.terms();
    // A partner may not write its own organization out of the event it is changing.
    caller.requireMayActForAny(terms.organizers());
    // Nor write out another organizer that consented: that organization's own partner withdraws it
    // (or a registrar).
    // Invitations not yet accepted may be withdrawn by any organizer.
    for (String organizer : event.organizers()) {
      if (!terms.organizers().contains(organizer) && !caller.mayActFor(organizer)) {
        throw ProblemException.forbidden(
            "'"
                + organizer
                + "' consented to organize "
                + event.code()
                + "; only its own partner (or a registrar) may withdraw it");
      }
    }
    // Organizers the event already names (consented or invited) stay, even once retired; only
    // those added must be active in the directory.
    Set<String> named = new HashSet<>(event.organizers());
    named.addAll(event.invitedOrganizers());
    directory().requireNameable("organizers", terms.organizers(), named);
    // Links already on the event were checked when they were made: a co-organizer keeps a link it
    // may not read itself.
    // A change of kind re-checks them all (a signing ceremony links only agreements not yet in
    // force).
    boolean sameKind = terms.kind() == current.kind();
    links()
        .check(
            terms.kind(),
            terms.linkedAgreements(),
            sameKind ? Set.copyOf(current.linkedAgreements()) : Set.of(),
            terms.linkedPrograms(),
            sameKind ? Set.copyOf(current.linkedPrograms()) : Set.of());
    EventChange change =
        event.revise(
            terms,
            caller.isRegistrar() ? terms.organizers() : Set.of(),
            registrations.seatCount(id).confirmed(),
            clock.instant());
    events.flush();
    waitingList.settle(event);
    // A draft's revisions stay private, like everything about it before publication.
    return event.wasPublished() ? announce(change, event) : inHistoryOnly(change, event);
  }

  /**
   * An organization named as organizer consents, by its own partner or a registrar. The event must
   * be visible to the caller first (404 as for an unknown id); then the caller must act for that
   * organization (403), whatever the event's state.
   */
  public Event accept(UUID id, ExpectedVersion expected, String organizationCode) {
    Event event = get(id);
    caller.requireMayActFor(organizationCode);
    if (!caller.isRegistrar()
        && !event.organizers().contains(organizationCode)
        && !event.invitedOrganizers().contains(organizationCode)) {
      // A partner the event does not name has no right on it at all; a registrar naming a wrong one
      // gets not-named.
      throw ProblemException.forbidden(
          "'" + organizationCode + "' is not named as an organizer of event " + event.code());
    }
    if (expected == ExpectedVersion.any()) {
      // A consent binds the version the organization read, as a signature binds an agreement's.
      throw new ProblemException(
          Problem.of(
              ProblemType.PRECONDITION_REQUIRED,
              "An acceptance binds one version of the event: send that version's ETag in If-Match"
                  + " (not *)"));
    }
    expected.check(event.version());
    if (event.invitedOrganizers().contains(organizationCode)) {
      // Consenting is naming anew: an organization retired since its invitation may not.
      directory().requireNameable("organizationCode", organizationCode);
    }
    EventChange change = event.accept(organizationCode, clock.instant());
    // A published event's organizers are public (feeds, lists, notices); a draft's change stays
    // quiet.
    return event.wasPublished() ? announce(change, event) : inHistoryOnly(change, event);
  }

  public Event publish(UUID id, ExpectedVersion expected) {
    Event event = manageable(id, expected);
    if (event.status() == EventStatus.DRAFT) {
      // Codes are unique among published events. The published event holding it is public, so
      // naming it reveals
      // nothing; a concurrent publication with the same code is stopped by the index (409 as well).
      events
          .findPublishedByCode(event.code())
          .ifPresent(
              other -> {
                throw ProblemException.conflict(
                    "Event "
                        + other.id()
                        + " is already published with the code '"
                        + event.code()
                        + "'");
              });
    }
    return announce(event.publish(clock.instant()), event);
  }

  public Event reschedule(
      UUID id, ExpectedVersion expected, Instant start, Instant end, String zone, String reason) {
    Event event = manageable(id, expected);
    EventChange change = event.reschedule(start, end, zone, reason, clock.instant());
    // A draft moves quietly: nobody outside its organizers knows it yet.
    return event.wasPublished() ? announce(change, event) : inHistoryOnly(change, event);
  }

  public Event cancel(UUID id, ExpectedVersion expected, String reason) {
    Event event = manageable(id, expected);
    EventChange change = event.cancel(reason, clock.instant());
    // A draft cancelled before publication stays private: not announced, and still invisible to
    // everyone else.
    return event.wasPublished() ? announce(change, event) : inHistoryOnly(change, event);
  }

  public Event complete(UUID id, ExpectedVersion expected) {
    Event event = manageable(id, expected);
    return announce(event.complete(clock.instant()), event);
  }

  /**
   * The completion job's step for one event, in its own transaction: a system action, so no caller
   * to authorize.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean completeIfEnded(UUID id) {
    Event event = events.findById(id);
    if (event == null
        || event.status() != EventStatus.PUBLISHED
        || event.endsAt().isAfter(clock.instant())) {
      return false;
    }
    announce(event.complete(clock.instant()), event);
    return true;
  }

  /** One page of the agenda of an event the caller may see, in start order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<EventSession> sessions(UUID eventId, int limit, Cursor after) {
    get(eventId);
    var query =
        events
            .getEntityManager()
            .createQuery(
                "from EventSession where eventId = :event"
                    + (after == null
                        ? ""
                        : " and (startsAt > :at or (startsAt = :at and id > :id))")
                    + " order by startsAt, id",
                EventSession.class)
            .setParameter("event", eventId)
            .setMaxResults(limit + 1);
    if (after != null) {
      query.setParameter("at", after.instant(0)).setParameter("id", after.uuid(1));
    }
    return Slice.fromOverfetch(
        query.getResultList(), limit, s -> Cursor.of(s.startsAt().toString(), s.id().toString()));
  }

  /**
   * One session of the agenda, with the visibility of its event: a 404 for an event the caller may
   * not see, as for a session that is not on that event's agenda.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public EventSession session(UUID eventId, UUID sessionId) {
    get(eventId);
    EventSession session = events.getEntityManager().find(EventSession.class, sessionId);
    if (session == null || !session.eventId().equals(eventId)) {
      throw ProblemException.notFound("Session", sessionId);
    }
    return session;
  }

  public EventSession addSession(
      UUID eventId,
      ExpectedVersion expected,
      Map<String, String> title,
      Instant start,
      Instant end,
      String room,
      List<Speaker> speakers,
      List<String> topics) {
    Event event = lockedForAgenda(eventId, expected);
    long sessions =
        events
            .getEntityManager()
            .createQuery("select count(s) from EventSession s where s.eventId = :event", Long.class)
            .setParameter("event", eventId)
            .getSingleResult();
    if (sessions >= AGENDA_MAX_SESSIONS) {
      throw ProblemException.ruleViolated(
          "agenda-full",
          "An agenda holds at most " + AGENDA_MAX_SESSIONS + " sessions; remove one first");
    }
    EventSession session =
        new EventSession(
            UUID.randomUUID(), event, title, start, end, room, speakers, topics, clock.instant());
    events.getEntityManager().persist(session);
    agendaChanged(event);
    return session;
  }

  public void removeSession(UUID eventId, UUID sessionId, ExpectedVersion expected) {
    Event event = lockedForAgenda(eventId, expected);
    EventSession session = events.getEntityManager().find(EventSession.class, sessionId);
    if (session == null || !session.eventId().equals(eventId)) {
      throw ProblemException.notFound("Session", sessionId);
    }
    events.getEntityManager().remove(session);
    agendaChanged(event);
  }

  /**
   * An event whose agenda the caller may change, its row locked: each agenda change then takes its
   * own version of the event, in order.
   */
  private Event lockedForAgenda(UUID eventId, ExpectedVersion expected) {
    return manageable(
        events
            .lock(eventId)
            .filter(this::isVisible)
            .orElseThrow(() -> ProblemException.notFound("Event", eventId)),
        expected);
  }

  /** The agenda is part of a published event's public state: announced, with the whole agenda. */
  private void agendaChanged(Event event) {
    EventChange change = event.changeAgenda(clock.instant());
    if (event.wasPublished()) {
      announce(change, event);
    } else {
      inHistoryOnly(change, event);
    }
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
    for (SeatCount count : registrations.seatCounts(seats.keySet())) {
      seats.put(count.eventId(), new Seats(count.confirmed(), count.waitlisted()));
    }
    return seats;
  }

  /** Confirmed and wait-listed registrations of an event. */
  public record Seats(long confirmed, long waitlisted) {}

  /**
   * Whether the caller may see the join link: organizers, registrars and holders of a confirmed
   * seat.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean mayJoin(Event event) {
    return mayManage(event)
        || (!caller.isAnonymous()
            && registrations.hasConfirmedSeat(event.id(), caller.principal()));
  }

  /** Consenting organizers and registrars manage an event; an invited organizer only reads it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean mayManage(Event event) {
    return caller.isRegistrar() || caller.organization().filter(event::isOrganizedBy).isPresent();
  }

  /**
   * The linked agreements as the caller may see them: a confidential agreement's code and status
   * are shown only to its parties and registrars; others see only that a link exists.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LinkedAgreement> linkedAgreements(Event event) {
    List<UUID> linked = event.linkedAgreements();
    if (linked.isEmpty()) {
      return List.of();
    }
    EventLinks links = links();
    return linked.stream()
        .map(
            id ->
                links
                    .readableAgreement(id)
                    .map(a -> new LinkedAgreement(id, a.code(), a.status()))
                    .orElse(new LinkedAgreement(id, null, null)))
        .toList();
  }

  /**
   * The linked programmes as the caller may see them: code and status only of programmes the caller
   * may read (one under a confidential agreement only for its institutions, the agreement's parties
   * and registrars).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LinkedProgram> linkedPrograms(Event event) {
    List<UUID> linked = event.linkedPrograms();
    if (linked.isEmpty()) {
      return List.of();
    }
    EventLinks links = links();
    return linked.stream()
        .map(
            id ->
                links
                    .readableProgram(id)
                    .map(p -> new LinkedProgram(id, p.code(), p.status()))
                    .orElse(new LinkedProgram(id, null, null)))
        .toList();
  }

  /**
   * The agreement with this id when the caller may read it: a confidential one is as unknown to
   * outsiders as a missing one.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AgreementProjection> readableAgreement(UUID id) {
    return links().readableAgreement(id);
  }

  /** Which organizations something new may name. */
  private OrganizationDirectory directory() {
    return new OrganizationDirectory(organizations::byCodes);
  }

  /** The rules on linked records, for this caller. */
  private EventLinks links() {
    return new EventLinks(
        agreements::findByIdOptional,
        programs::findByIdOptional,
        new Requester(caller.isRegistrar(), caller.organization().orElse(null)));
  }

  /**
   * Loads an event the caller may see and manage, at the version the caller based the change on.
   */
  private Event manageable(UUID id, ExpectedVersion expected) {
    return manageable(get(id), expected);
  }

  private Event manageable(Event event, ExpectedVersion expected) {
    if (!mayManage(event)) {
      throw ProblemException.forbidden(
          "Only the organizers of " + event.code() + " or a registrar may change it");
    }
    expected.check(event.version());
    return event;
  }

  /**
   * A published event is public for good (even once cancelled); one never published is visible only
   * to its organizers, the organizations invited to organize it (so they can decide) and
   * registrars. Like {@link #mayManage}, a check every read makes: it joins the caller's
   * transaction but never begins one (the class's default would, on every read).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isVisible(Event event) {
    return event.wasPublished()
        || mayManage(event)
        || caller.organization().filter(event::isInvited).isPresent();
  }

  /**
   * A change of a never-published event: written to its history (which only those who may read the
   * draft see), never announced. The entry holds the state a notice would carry.
   */
  private Event inHistoryOnly(EventChange change, Event event) {
    return inHistoryOnly(change.name().toLowerCase(Locale.ROOT).replace('_', '-'), event);
  }

  private Event inHistoryOnly(String what, Event event) {
    events.flush();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("change", what);
    // The notice's type is not part of its payload: any change gives the same state.
    entry.putAll(
        json.convertValue(
            EventNotice.of(EventChange.UPDATED, event, events.agenda(event.id())), PAYLOAD));
    changeLog.append(EventNotice.AGGREGATE_TYPE, event.id().toString(), event.version(), entry);
    return event;
  }

  private Event announce(EventChange change, Event event) {
    outbox.announce(() -> EventNotice.of(change, event, events.agenda(event.id())));
    return event;
  }

  /**
   * A linked agreement with its current status; code and status null when unknown or not to be
   * shown.
   */
  public record LinkedAgreement(UUID agreementId, String code, String status) {}

  /** A linked programme with its current status. */
  public record LinkedProgram(UUID programId, String code, String status) {}
}
