package org.eurasia.registry.events.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eurasia.registry.events.domain.AwarenessProgramme;
import org.eurasia.registry.events.domain.AwarenessProgrammeChange;
import org.eurasia.registry.events.domain.AwarenessProgrammeCountRow;
import org.eurasia.registry.events.domain.AwarenessProgrammeFilter;
import org.eurasia.registry.events.domain.AwarenessProgrammeNotice;
import org.eurasia.registry.events.domain.AwarenessProgrammeRepository;
import org.eurasia.registry.events.domain.AwarenessProgrammeTerms;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.OrganizationDirectory;
import org.eurasia.registry.events.domain.OrganizationProjectionRepository;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;

/**
 * Awareness programme use cases, in the shape of {@link EventService}: only consenting organizers
 * (and registrars) manage a programme; a partner creating one binds its own organization only, the
 * others it names are invited until their partner accepts. A draft exists only for its organizers,
 * invited ones and registrars, and its changes reach only its history; from its announcement on
 * every change is announced. An event joins or leaves a programme by a caller who manages both (or
 * a registrar).
 */
@ApplicationScoped
@Transactional
public class AwarenessProgrammeService {

  /** The most rows the statistics answer holds: one per announced programme. */
  public static final int MAX_STATISTICS_ROWS = 1000;

  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  private static final Pattern DAY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  @Inject AwarenessProgrammeRepository programmes;

  @Inject EventRepository events;

  @Inject EventService eventService;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject ObjectMapper json;

  @Inject Caller caller;

  @Inject Clock clock;

  @ExpensiveRead
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<AwarenessProgramme> list(AwarenessProgrammeFilter filter, int limit, Cursor after) {
    List<AwarenessProgramme> rows =
        programmes.search(
            filter,
            caller.organization().orElse(null),
            caller.isRegistrar(),
            after == null ? null : day(after),
            after == null ? null : after.uuid(1),
            limit + 1);
    return Slice.fromOverfetch(
        rows, limit, p -> Cursor.of(p.terms().startsOn().toString(), p.id().toString()));
  }

  /** The first key of a list cursor: a day; anything else is a forged cursor. */
  private static LocalDate day(Cursor after) {
    try {
      return LocalDate.parse(after.text(0, DAY));
    } catch (DateTimeParseException e) {
      throw Cursor.forged();
    }
  }

  /** A programme the caller may see: a draft is a 404 for anyone but its organizers. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwarenessProgramme get(UUID id) {
    return programmes
        .findByIdOptional(id)
        .filter(this::isVisible)
        .orElseThrow(() -> ProblemException.notFound("Awareness programme", id));
  }

  /**
   * One page of the history of a programme the caller may see ({@link #get}), oldest first. Its
   * organizers, invited ones and registrars see every change; everyone else only those announced,
   * from its announcement on: what happened to a draft stays private, as for an event.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    AwarenessProgramme programme = get(id);
    Slice<ChangeEntry> page =
        changeLog.history(AwarenessProgrammeNotice.AGGREGATE_TYPE, id.toString(), after, limit);
    if (mayManage(programme) || caller.organization().filter(programme::isInvited).isPresent()) {
      return page;
    }
    // The cursor stays the unfiltered page's, so a page may hold fewer entries than asked.
    return new Slice<>(
        page.items().stream().filter(entry -> entry.eventId() != null).toList(), page.next());
  }

  /** Counts over announced programmes only: the same for every caller. */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwarenessProgrammeCountRow> statistics(AwarenessProgrammeFilter filter) {
    return programmes.count(filter, MAX_STATISTICS_ROWS);
  }

  public AwarenessProgramme create(String code, AwarenessProgrammeTerms terms) {
    if (!caller.isRegistrar()) {
      caller.requireMayActForAny(terms.organizers());
    }
    if (programmes.findAnnouncedByCode(code).isPresent()) {
      throw ProblemException.conflict(
          "An announced awareness programme already has the code '" + code + "'");
    }
    directory().requireNameable("organizers", terms.organizers(), Set.of());
    Set<String> bound =
        caller.isRegistrar() ? terms.organizers() : Set.of(caller.organization().orElseThrow());
    AwarenessProgramme programme =
        AwarenessProgramme.draft(UUID.randomUUID(), code, terms, bound, clock.instant());
    programmes.persist(programme);
    return inHistoryOnly("drafted", programme);
  }

  /** Replaces the terms; the same organizer rules as an event's revision. */
  public AwarenessProgramme revise(
      UUID id, ExpectedVersion expected, AwarenessProgrammeTerms terms) {
    AwarenessProgramme programme = manageable(id, expected);
    caller.requireMayActForAny(terms.organizers());
    for (String organizer : programme.organizers()) {
      if (!terms.organizers().contains(organizer) && !caller.mayActFor(organizer)) {
        throw ProblemException.forbidden(
            "'"
                + organizer
                + "' consented to organize "
                + programme.code()
                + "; only its own partner (or a registrar) may withdraw it");
      }
    }
    Set<String> named = new HashSet<>(programme.organizers());
    named.addAll(programme.invitedOrganizers());
    directory().requireNameable("organizers", terms.organizers(), named);
    AwarenessProgrammeChange change =
        programme.revise(
            terms, caller.isRegistrar() ? terms.organizers() : Set.of(), clock.instant());
    return changed(change, programme);
  }

  public AwarenessProgramme accept(UUID id, ExpectedVersion expected, String organizationCode) {
    AwarenessProgramme programme = get(id);
    caller.requireMayActFor(organizationCode);
    if (!caller.isRegistrar()
        && !programme.isOrganizedBy(organizationCode)
        && !programme.isInvited(organizationCode)) {
      throw ProblemException.forbidden(
          "'"
              + organizationCode
              + "' is not named as an organizer of programme "
              + programme.code());
    }
    expected.check(programme.version());
    if (programme.isInvited(organizationCode)) {
      directory().requireNameable("organizationCode", organizationCode);
    }
    return changed(programme.accept(organizationCode, clock.instant()), programme);
  }

  public AwarenessProgramme announce(UUID id, ExpectedVersion expected) {
    AwarenessProgramme programme = manageable(id, expected);
    programmes
        .findAnnouncedByCode(programme.code())
        .filter(other -> !other.id().equals(programme.id()))
        .ifPresent(
            other -> {
              throw ProblemException.conflict(
                  "Awareness programme "
                      + other.id()
                      + " is already announced with the code '"
                      + programme.code()
                      + "'");
            });
    return announced(programme.announce(clock.instant()), programme);
  }

  public AwarenessProgramme start(UUID id, ExpectedVersion expected) {
    AwarenessProgramme programme = manageable(id, expected);
    return announced(programme.start(clock.instant()), programme);
  }

  public AwarenessProgramme close(UUID id, ExpectedVersion expected) {
    AwarenessProgramme programme = manageable(id, expected);
    return announced(programme.close(clock.instant()), programme);
  }

  /**
   * An event joins the programme, under the programme's row lock. The caller must manage both: an
   * event it may not see is a 404 like an unknown one, one it may see but not manage a 403.
   */
  public AwarenessProgramme link(UUID id, ExpectedVersion expected, UUID eventId) {
    AwarenessProgramme programme = lockedManageable(id, expected);
    Event event = managedEvent(eventId, programme);
    return changed(programme.link(event.id(), event.wasPublished(), clock.instant()), programme);
  }

  /** An event leaves the programme; the caller must manage both, as for joining. */
  public AwarenessProgramme unlink(UUID id, ExpectedVersion expected, UUID eventId) {
    AwarenessProgramme programme = lockedManageable(id, expected);
    managedEvent(eventId, programme);
    return changed(programme.unlink(eventId, clock.instant()), programme);
  }

  /** The programme's events the caller may see, in the order they joined. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Event> events(AwarenessProgramme programme) {
    List<UUID> ids = programme.events();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Event> found = new LinkedHashMap<>();
    events.list("id in ?1", ids).forEach(e -> found.put(e.id(), e));
    return ids.stream()
        .map(found::get)
        .filter(e -> e != null && eventService.isVisible(e))
        .toList();
  }

  /** Consenting organizers and registrars manage a programme; an invited one only reads it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean mayManage(AwarenessProgramme programme) {
    return caller.isRegistrar()
        || caller.organization().filter(programme::isOrganizedBy).isPresent();
  }

  /**
   * An announced programme is public; one never announced only to its organizers, invited ones and
   * registrars. A check every read makes: it never begins a transaction of its own.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isVisible(AwarenessProgramme programme) {
    return programme.wasAnnounced()
        || mayManage(programme)
        || caller.organization().filter(programme::isInvited).isPresent();
  }

  private Event managedEvent(UUID eventId, AwarenessProgramme programme) {
    Event event = eventService.get(eventId);
    if (!eventService.mayManage(event)) {
      throw ProblemException.forbidden(
          "Only those who organize both "
              + programme.code()
              + " and event "
              + event.code()
              + " (or a registrar) may link them");
    }
    return event;
  }

  private OrganizationDirectory directory() {
    return new OrganizationDirectory(organizations::byCodes);
  }

  private AwarenessProgramme manageable(UUID id, ExpectedVersion expected) {
    return manageable(get(id), expected);
  }

  private AwarenessProgramme lockedManageable(UUID id, ExpectedVersion expected) {
    return manageable(
        programmes
            .lock(id)
            .filter(this::isVisible)
            .orElseThrow(() -> ProblemException.notFound("Awareness programme", id)),
        expected);
  }

  private AwarenessProgramme manageable(AwarenessProgramme programme, ExpectedVersion expected) {
    if (!mayManage(programme)) {
      throw ProblemException.forbidden(
          "Only the organizers of " + programme.code() + " or a registrar may change it");
    }
    expected.check(programme.version());
    return programme;
  }

  /** Announced once the programme was announced; in its history only while it is a draft. */
  private AwarenessProgramme changed(AwarenessProgrammeChange change, AwarenessProgramme p) {
    return p.wasAnnounced()
        ? announced(change, p)
        : inHistoryOnly(change.name().toLowerCase(Locale.ROOT).replace('_', '-'), p);
  }

  private AwarenessProgramme announced(AwarenessProgrammeChange change, AwarenessProgramme p) {
    outbox.announce(() -> AwarenessProgrammeNotice.of(change, p));
    return p;
  }

  private AwarenessProgramme inHistoryOnly(String what, AwarenessProgramme p) {
    programmes.flush();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("change", what);
    entry.putAll(
        json.convertValue(
            AwarenessProgrammeNotice.of(AwarenessProgrammeChange.UPDATED, p), PAYLOAD));
    changeLog.append(
        AwarenessProgrammeNotice.AGGREGATE_TYPE, p.id().toString(), p.version(), entry);
    return p;
  }
}
