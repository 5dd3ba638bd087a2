package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A summit, conference, seminar or webinar. Times are UTC instants with the IANA zone the event is
 * held in; a reschedule keeps the old times in {@link #reschedules()} and bumps the iCalendar
 * {@link #sequence()} so calendar clients replace their copy. Registration rules that need the seat
 * count are {@link Seating}'s.
 *
 * <p>What the organizers propose and revise is one record, {@link EventTerms}: {@link #draft} and
 * {@link #revise} take it, {@link #terms()} gives it back; the columns below hold it. The rest is
 * what happened to the event (status, consent, publication, reschedules, sequence).
 *
 * <p>Naming an organization as co-organizer does not bind it: {@link #organizers()} are those that
 * consented (the creator's organization, every one named by a registrar, and each invited one once
 * its partner {@link #accept}ed), {@link #invitedOrganizers()} the others. Only consenting
 * organizers manage the event or are shown as its organizers.
 *
 * <p>An event is public once it has been published ({@link #publishedAt()}), whatever happens to it
 * later; a draft that is cancelled without ever being published stays as private as it was.
 *
 * <p>Which command each status allows is {@link #LIFECYCLE}, the one table behind every guard and
 * the {@code allowedTransitions} a view shows. Refusals are the domain's own ({@code
 * platform.domain}); the edge gives them their problem and status.
 */
@Entity
@Table(name = "event")
public class Event {

  /**
   * draft → published → completed, or cancelled. Revising ({@code update}) and accepting an
   * invitation to organize ({@code accept}) leave the status as it is but are allowed only while
   * the event is not over.
   */
  public static final Lifecycle<EventStatus> LIFECYCLE =
      Lifecycle.of(EventStatus.class, "an event")
          .in(EventStatus.DRAFT, "publish", "reschedule", "cancel", "update", "accept")
          .in(EventStatus.PUBLISHED, "reschedule", "cancel", "complete", "update", "accept")
          .build();

  /**
   * The term a refusal about the end of the registration window names: the {@link EventTerms}
   * component it is about.
   */
  public static final String REGISTRATION_CLOSES_AT = "registrationClosesAt";

  @Id private UUID id;

  /**
   * Unique among published events only (partial index event_published_code): a draft never confirms
   * a code.
   */
  @Column(nullable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> description;

  /** The organizers that consented. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> organizers;

  /** Named as organizers, not yet consented. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "invited_organizers", nullable = false)
  private List<String> invitedOrganizers;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventFormat format;

  @Column(name = "venue_name")
  private String venueName;

  @Column(name = "venue_city")
  private String venueCity;

  @Column(name = "venue_country")
  private String venueCountry;

  @Column(name = "join_url")
  private String joinUrl;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventStatus status;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Reschedule> reschedules;

  @Column(nullable = false)
  private int sequence;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "linked_agreements", nullable = false)
  private List<UUID> linkedAgreements;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "linked_programs", nullable = false)
  private List<UUID> linkedPrograms;

  @Column(name = "registration_opens_at")
  private Instant registrationOpensAt;

  @Column(name = "registration_closes_at")
  private Instant registrationClosesAt;

  private Integer capacity;

  @Column(name = "delegation_seat_cap")
  private Integer delegationSeatCap;

  @Column(nullable = false)
  private boolean moderated;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Event() {}

  /**
   * A new event, in draft: only its organizers (invited ones included) and registrars see it until
   * it is published.
   *
   * @param bound the named organizers bound from the start: the creator's organization, or all of
   *     them when a registrar creates the event (a registrar acts for every organization); the
   *     others are invited
   */
  public static Event draft(
      UUID id, String code, EventTerms terms, Set<String> bound, Instant now) {
    Event e = new Event();
    e.id = Objects.requireNonNull(id);
    e.code = Objects.requireNonNull(code);
    e.status = EventStatus.DRAFT;
    e.reschedules = new ArrayList<>();
    e.sequence = 0;
    e.createdAt = now;
    e.organizers = List.of();
    e.invitedOrganizers = List.of();
    e.name(terms.organizers(), bound);
    e.apply(terms, now);
    checkTimes(e.startsAt, e.endsAt);
    return e;
  }

  /**
   * Replaces what describes the event. Times change only through {@link #reschedule} once
   * published; a draft may move freely. Changes a calendar shows (title, place, kind) bump the
   * sequence of a published event. Organizers may be added (invited, unless in {@code bound}) or
   * removed; those kept keep their consent, or their invitation.
   *
   * @param bound organizations bound if this revision adds them (all of them when a registrar
   *     revises)
   * @param confirmed the seats confirmed now, counted under the event's row lock: a capacity is
   *     never set below them ({@link Seating#requireRoom})
   */
  public EventChange revise(EventTerms terms, Set<String> bound, long confirmed, Instant now) {
    LIFECYCLE.require(status, "update");
    Seating.requireRoom(capacity, terms.capacity(), confirmed);
    boolean moved =
        !terms.startsAt().equals(startsAt)
            || !terms.endsAt().equals(endsAt)
            || !terms.timeZone().equals(timeZone);
    if (moved && status != EventStatus.DRAFT) {
      throw new InvalidValue("schedule", "a published event changes its times by rescheduling");
    }
    boolean visible =
        !terms.title().equals(title)
            || terms.format() != format
            || !Objects.equals(terms.venue(), venue())
            || !Objects.equals(terms.description(), description);
    Set<String> added = new LinkedHashSet<>(terms.organizers());
    added.removeAll(organizers);
    added.removeAll(invitedOrganizers);
    Set<String> nowBound = new LinkedHashSet<>(organizers);
    added.stream().filter(bound::contains).forEach(nowBound::add);
    name(terms.organizers(), nowBound);
    apply(terms, now);
    checkTimes(startsAt, endsAt);
    if (visible && status == EventStatus.PUBLISHED) {
      sequence++;
    }
    return EventChange.UPDATED;
  }

  /**
   * Records that a session was added to or removed from the agenda: the agenda is part of the
   * event, so its version moves with it (the sessions are rows of their own). The caller holds the
   * event's row lock, so concurrent agenda changes take one version each.
   */
  public EventChange changeAgenda(Instant now) {
    updatedAt = now;
    return EventChange.AGENDA_CHANGED;
  }

  /** Makes the event public, for good: from now on it is shown to everyone, even once cancelled. */
  public EventChange publish(Instant now) {
    LIFECYCLE.require(status, "publish");
    if (!startsAt.isAfter(now)) {
      throw new RuleViolation(
          "event-in-the-past",
          "Event " + code + " started at " + startsAt + "; only future events are published");
    }
    status = EventStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
    return EventChange.PUBLISHED;
  }

  /**
   * An invited organizer consents, through its own partner (or a registrar recording it): from now
   * on it is one of the organizers, manages the event and has it in its feed.
   *
   * @throws InvalidTransition when the event is over (completed or cancelled)
   * @throws StateConflict when the organization consented already
   * @throws RuleViolation {@code not-named} when the organization is not named as an organizer
   */
  public EventChange accept(String organizationCode, Instant now) {
    LIFECYCLE.require(status, "accept");
    if (organizers.contains(organizationCode)) {
      throw new StateConflict("'" + organizationCode + "' already organizes event " + code);
    }
    if (!invitedOrganizers.contains(organizationCode)) {
      throw new RuleViolation(
          "not-named",
          "organizationCode: '"
              + organizationCode
              + "' is not named as an organizer of event "
              + code);
    }
    List<String> consented = new ArrayList<>(organizers);
    consented.add(organizationCode);
    organizers = List.copyOf(consented);
    invitedOrganizers =
        invitedOrganizers.stream().filter(o -> !o.equals(organizationCode)).toList();
    updatedAt = now;
    return EventChange.ORGANIZER_ACCEPTED;
  }

  /** Moves a published event, keeping the previous times with the reason. */
  public EventChange reschedule(
      Instant newStart, Instant newEnd, String zoneId, String reason, Instant now) {
    LIFECYCLE.require(status, "reschedule");
    checkTimes(newStart, newEnd);
    reschedules.add(new Reschedule(startsAt, endsAt, timeZone, reason, now));
    startsAt = newStart;
    endsAt = newEnd;
    timeZone = zoneId;
    sequence++;
    updatedAt = now;
    return EventChange.RESCHEDULED;
  }

  public EventChange cancel(String reason, Instant now) {
    LIFECYCLE.require(status, "cancel");
    status = EventStatus.CANCELLED;
    cancellationReason = reason;
    sequence++;
    updatedAt = now;
    return EventChange.CANCELLED;
  }

  /** Completes a published event once it has ended. */
  public EventChange complete(Instant now) {
    LIFECYCLE.require(status, "complete");
    if (endsAt.isAfter(now)) {
      throw new RuleViolation("event-not-ended", "Event " + code + " ends at " + endsAt);
    }
    status = EventStatus.COMPLETED;
    updatedAt = now;
    return EventChange.COMPLETED;
  }

  /**
   * Whether seats freed or added still go to the waiting list: only while the event is published. A
   * cancelled or completed event seats nobody new, so a registration cancelled then promotes
   * nobody.
   */
  public boolean fillsFreedSeats() {
    return status == EventStatus.PUBLISHED;
  }

  /** Checks a session lies inside the event. */
  public void requireInside(Instant sessionStart, Instant sessionEnd) {
    if (!sessionEnd.isAfter(sessionStart)) {
      throw new InvalidValue("end", "must be after the start");
    }
    if (sessionStart.isBefore(startsAt) || sessionEnd.isAfter(endsAt)) {
      throw new RuleViolation(
          "session-outside-event",
          "A session must lie between the event's start " + startsAt + " and end " + endsAt);
    }
  }

  /**
   * Checks that registration is open at this instant: published, inside the window, before the
   * start.
   */
  public void requireRegistrationOpen(Instant now) {
    if (status != EventStatus.PUBLISHED) {
      throw new RuleViolation(
          "registration-closed",
          "Event " + code + " is " + status + "; registration needs it PUBLISHED");
    }
    if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
      throw new RuleViolation(
          "registration-not-open", "Registration for " + code + " opens at " + registrationOpensAt);
    }
    Instant closes = registrationClosesAt != null ? registrationClosesAt : startsAt;
    if (!now.isBefore(closes)) {
      throw new RuleViolation(
          "registration-closed", "Registration for " + code + " closed at " + closes);
    }
  }

  /** Whether this organization consented to organize the event (and so manages it). */
  public boolean isOrganizedBy(String organizationCode) {
    return organizers.contains(organizationCode);
  }

  /**
   * Whether this organization is named as organizer but has not consented: it may read the event,
   * nothing more.
   */
  public boolean isInvited(String organizationCode) {
    return invitedOrganizers.contains(organizationCode);
  }

  /**
   * Whether the event has been published at some point: then it is public, in whatever status it is
   * now.
   */
  public boolean wasPublished() {
    return publishedAt != null;
  }

  /** Whether the event has a join link (its format keeps one). */
  public boolean hasJoinLink() {
    return joinUrl != null;
  }

  /**
   * The agreements the event is linked to. A read asks for them, and for the programmes, without
   * building the whole of {@link #terms()}.
   */
  public List<UUID> linkedAgreements() {
    return linkedAgreements == null ? List.of() : List.copyOf(linkedAgreements);
  }

  /** The programmes the event is linked to. */
  public List<UUID> linkedPrograms() {
    return linkedPrograms == null ? List.of() : List.copyOf(linkedPrograms);
  }

  /**
   * The event's terms as they stand: what was proposed, with the venue and join link its format
   * keeps, and the times of its last reschedule. {@code organizers} are all those named, the
   * consenting ones first.
   */
  public EventTerms terms() {
    Set<String> named = new LinkedHashSet<>(organizers);
    named.addAll(invitedOrganizers);
    return new EventTerms(
        kind,
        Map.copyOf(title),
        Map.copyOf(description),
        named,
        format,
        venue(),
        joinUrl,
        timeZone,
        startsAt,
        endsAt,
        linkedAgreements,
        linkedPrograms,
        registrationOpensAt,
        registrationClosesAt,
        capacity,
        delegationSeatCap,
        moderated);
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** The commands the event's status allows, as {@link #LIFECYCLE} lists them. */
  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  /** Sets the terms, each column from its component; the format decides venue and join link. */
  private void apply(EventTerms d, Instant now) {
    if (d.format().hasVenue()
        && (d.venue() == null || d.venue().country() == null || d.venue().city() == null)) {
      throw new InvalidValue(
          "venue", "an " + d.format() + " event needs a venue with city and country");
    }
    if (d.format().hasJoinLink() && d.joinUrl() == null) {
      throw new InvalidValue("joinUrl", "an " + d.format() + " event needs a join link");
    }
    if (d.registrationOpensAt() != null
        && d.registrationClosesAt() != null
        && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
      throw new InvalidValue(REGISTRATION_CLOSES_AT, "must be after opensAt");
    }
    if (d.registrationClosesAt() != null && d.registrationClosesAt().isAfter(d.endsAt())) {
      throw new InvalidValue(REGISTRATION_CLOSES_AT, "must not be after the event ends");
    }
    kind = d.kind();
    title = new LinkedHashMap<>(d.title());
    description = new LinkedHashMap<>(d.description());
    format = d.format();
    venueName = d.format().hasVenue() ? d.venue().name() : null;
    venueCity = d.format().hasVenue() ? d.venue().city() : null;
    venueCountry = d.format().hasVenue() ? d.venue().country() : null;
    joinUrl = d.format().hasJoinLink() ? d.joinUrl() : null;
    timeZone = d.timeZone();
    startsAt = d.startsAt();
    endsAt = d.endsAt();
    linkedAgreements = List.copyOf(d.linkedAgreements());
    linkedPrograms = List.copyOf(d.linkedPrograms());
    registrationOpensAt = d.registrationOpensAt();
    registrationClosesAt = d.registrationClosesAt();
    capacity = d.capacity();
    delegationSeatCap = d.delegationSeatCap();
    moderated = d.moderated();
    updatedAt = now;
  }

  /**
   * Splits the named organizers into consenting ({@code bound}) and invited; at least one must
   * consent.
   */
  private void name(Set<String> named, Set<String> bound) {
    List<String> consenting = named.stream().filter(bound::contains).toList();
    if (consenting.isEmpty()) {
      throw new RuleViolation(
          "no-consenting-organizer",
          "organizers: at least one organizer must have consented; invited ones consent by accepting");
    }
    organizers = consenting;
    invitedOrganizers = named.stream().filter(o -> !bound.contains(o)).toList();
  }

  private Venue venue() {
    return venueName == null && venueCity == null && venueCountry == null
        ? null
        : new Venue(venueName, venueCity, venueCountry);
  }

  private static void checkTimes(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new InvalidValue("end", "must be after the start");
    }
  }

  /** Previous times of a rescheduled event. */
  public record Reschedule(
      Instant startsAt, Instant endsAt, String timeZone, String reason, Instant changedAt) {}

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public List<String> organizers() {
    return organizers;
  }

  public List<String> invitedOrganizers() {
    return invitedOrganizers;
  }

  public String timeZone() {
    return timeZone;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public EventStatus status() {
    return status;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String cancellationReason() {
    return cancellationReason;
  }

  public List<Reschedule> reschedules() {
    return List.copyOf(reschedules);
  }

  public int sequence() {
    return sequence;
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
