package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * An awareness programme: a campaign or series of events on one theme, for named audiences, over a
 * period of days ("awareness programs" of the background article). Events join it by a link its
 * organizers make ({@link #link}); the events stay what they are.
 *
 * <p>Organizers consent as they do for events: {@link #organizers()} are those that consented (the
 * creator's organization, every one a registrar named, each invited one once it {@link #accept}ed),
 * {@link #invitedOrganizers()} the others, who may read the programme and nothing more.
 *
 * <p>A draft is private to its organizers (invited ones too) and registrars; once announced the
 * programme is public for good, closed or not. {@link #LIFECYCLE} is the one table behind every
 * guard and the {@code allowedTransitions} a view shows.
 */
@Entity
@Table(name = "awareness_programme")
public class AwarenessProgramme {

  /** draft → announced → running → closed; an announced programme may also close unstarted. */
  public static final Lifecycle<AwarenessProgrammeStatus> LIFECYCLE =
      Lifecycle.of(AwarenessProgrammeStatus.class, "an awareness programme")
          .in(AwarenessProgrammeStatus.DRAFT, "announce", "update", "accept", "link", "unlink")
          .in(
              AwarenessProgrammeStatus.ANNOUNCED,
              "start",
              "close",
              "update",
              "accept",
              "link",
              "unlink")
          .in(AwarenessProgrammeStatus.RUNNING, "close", "update", "accept", "link", "unlink")
          .build();

  /** The most events one programme groups: the whole list travels in every notice. */
  public static final int MAX_EVENTS = 100;

  @Id private UUID id;

  /** Unique among announced programmes only (partial index): a draft never confirms a code. */
  @Column(nullable = false)
  private String code;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> description;

  @Column(nullable = false)
  private String theme;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<AwarenessAudience> audiences;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> organizers;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "invited_organizers", nullable = false)
  private List<String> invitedOrganizers;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  private LocalDate endsOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AwarenessProgrammeStatus status;

  @Column(name = "announced_at")
  private Instant announcedAt;

  /** The events of the programme, in the order they joined. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<UUID> events;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AwarenessProgramme() {}

  /**
   * A new programme, in draft.
   *
   * @param bound the named organizers bound from the start: the creator's organization, or all of
   *     them when a registrar creates it; the others are invited
   */
  public static AwarenessProgramme draft(
      UUID id, String code, AwarenessProgrammeTerms terms, Set<String> bound, Instant now) {
    AwarenessProgramme p = new AwarenessProgramme();
    p.id = Objects.requireNonNull(id);
    p.code = Objects.requireNonNull(code);
    p.status = AwarenessProgrammeStatus.DRAFT;
    p.events = new ArrayList<>();
    p.createdAt = now;
    p.name(terms.organizers(), bound);
    p.apply(terms, now);
    return p;
  }

  /**
   * Replaces what describes the programme. Organizers may be added (invited, unless in {@code
   * bound}) or removed; those kept keep their consent, or their invitation.
   */
  public AwarenessProgrammeChange revise(
      AwarenessProgrammeTerms terms, Set<String> bound, Instant now) {
    LIFECYCLE.require(status, "update");
    Set<String> nowBound = new LinkedHashSet<>(organizers);
    terms.organizers().stream()
        .filter(o -> !organizers.contains(o) && !invitedOrganizers.contains(o))
        .filter(bound::contains)
        .forEach(nowBound::add);
    name(terms.organizers(), nowBound);
    apply(terms, now);
    return AwarenessProgrammeChange.UPDATED;
  }

  /** Makes the programme public, for good. */
  public AwarenessProgrammeChange announce(Instant now) {
    LIFECYCLE.require(status, "announce");
    status = AwarenessProgrammeStatus.ANNOUNCED;
    announcedAt = now;
    updatedAt = now;
    return AwarenessProgrammeChange.ANNOUNCED;
  }

  public AwarenessProgrammeChange start(Instant now) {
    LIFECYCLE.require(status, "start");
    status = AwarenessProgrammeStatus.RUNNING;
    updatedAt = now;
    return AwarenessProgrammeChange.STARTED;
  }

  /** Closes the programme for good: nothing joins or changes it any more. */
  public AwarenessProgrammeChange close(Instant now) {
    LIFECYCLE.require(status, "close");
    status = AwarenessProgrammeStatus.CLOSED;
    updatedAt = now;
    return AwarenessProgrammeChange.CLOSED;
  }

  /**
   * An invited organizer consents.
   *
   * @throws StateConflict when it consented already
   * @throws RuleViolation {@code not-named} when the programme does not name it
   */
  public AwarenessProgrammeChange accept(String organizationCode, Instant now) {
    LIFECYCLE.require(status, "accept");
    if (organizers.contains(organizationCode)) {
      throw new StateConflict("'" + organizationCode + "' already organizes programme " + code);
    }
    if (!invitedOrganizers.contains(organizationCode)) {
      throw new RuleViolation(
          "not-named",
          "organizationCode: '"
              + organizationCode
              + "' is not named as an organizer of programme "
              + code);
    }
    List<String> consented = new ArrayList<>(organizers);
    consented.add(organizationCode);
    organizers = List.copyOf(consented);
    invitedOrganizers =
        invitedOrganizers.stream().filter(o -> !o.equals(organizationCode)).toList();
    updatedAt = now;
    return AwarenessProgrammeChange.ORGANIZER_ACCEPTED;
  }

  /**
   * An event joins the programme. Only a published event joins (a draft's existence is private to
   * its organizers, and a programme's events are public once it is announced).
   *
   * @throws StateConflict when the event is in the programme already
   */
  public AwarenessProgrammeChange link(UUID eventId, boolean eventPublished, Instant now) {
    LIFECYCLE.require(status, "link");
    if (events.contains(eventId)) {
      throw new StateConflict("Event " + eventId + " is already in programme " + code);
    }
    if (!eventPublished) {
      throw new RuleViolation(
          "event-not-published", "eventId: only a published event joins a programme");
    }
    if (events.size() >= MAX_EVENTS) {
      throw new RuleViolation(
          "programme-full", "A programme groups at most " + MAX_EVENTS + " events");
    }
    List<UUID> joined = new ArrayList<>(events);
    joined.add(eventId);
    events = joined;
    updatedAt = now;
    return AwarenessProgrammeChange.EVENTS_CHANGED;
  }

  /**
   * An event leaves the programme.
   *
   * @throws RuleViolation {@code not-linked} when it is not in the programme
   */
  public AwarenessProgrammeChange unlink(UUID eventId, Instant now) {
    LIFECYCLE.require(status, "unlink");
    if (!events.contains(eventId)) {
      throw new RuleViolation("not-linked", "Event " + eventId + " is not in programme " + code);
    }
    events = events.stream().filter(e -> !e.equals(eventId)).toList();
    updatedAt = now;
    return AwarenessProgrammeChange.EVENTS_CHANGED;
  }

  public boolean isOrganizedBy(String organizationCode) {
    return organizers.contains(organizationCode);
  }

  public boolean isInvited(String organizationCode) {
    return invitedOrganizers.contains(organizationCode);
  }

  /** Announced at some point: public from then on, whatever its status now. */
  public boolean wasAnnounced() {
    return announcedAt != null;
  }

  /** The terms as they stand; {@code organizers} all those named, the consenting ones first. */
  public AwarenessProgrammeTerms terms() {
    Set<String> named = new LinkedHashSet<>(organizers);
    named.addAll(invitedOrganizers);
    return new AwarenessProgrammeTerms(
        Map.copyOf(title),
        Map.copyOf(description),
        theme,
        Set.copyOf(audiences),
        named,
        startsOn,
        endsOn);
  }

  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  private void apply(AwarenessProgrammeTerms t, Instant now) {
    if (t.endsOn().isBefore(t.startsOn())) {
      throw new InvalidValue("endsOn", "must not be before startsOn");
    }
    if (t.audiences().isEmpty()) {
      throw new InvalidValue("audiences", "must name at least one audience");
    }
    title = new LinkedHashMap<>(t.title());
    description = new LinkedHashMap<>(t.description());
    theme = t.theme();
    audiences = t.audiences().stream().sorted().toList();
    startsOn = t.startsOn();
    endsOn = t.endsOn();
    updatedAt = now;
  }

  /** Splits the named organizers into consenting and invited; at least one must consent. */
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

  public AwarenessProgrammeStatus status() {
    return status;
  }

  public Instant announcedAt() {
    return announcedAt;
  }

  public List<UUID> events() {
    return List.copyOf(events);
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
