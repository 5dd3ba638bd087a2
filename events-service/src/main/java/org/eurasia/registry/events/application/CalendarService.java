package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eurasia.registry.events.domain.AwarenessProgramme;
import org.eurasia.registry.events.domain.AwarenessProgrammeRepository;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.EventTerms;
import org.eurasia.registry.events.domain.Venue;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.reads.ExpensiveRead;

/**
 * iCalendar (RFC 5545) feeds, written with ical4j. What lets a subscribed calendar client follow
 * changes: every event keeps one UID for life, its SEQUENCE grows with every visible change (a
 * reschedule, a cancellation), a cancelled event stays in the feed with STATUS:CANCELLED (so
 * clients remove it rather than keep a stale copy), and each time zone used is defined by a
 * VTIMEZONE from ical4j's bundled tz database. Events never published and join links never appear;
 * an organizer's feed holds only events it consented to organize.
 *
 * <p>No text from the data can add a line: ical4j escapes LF (and CR LF) in TEXT values as {@code
 * \n} but writes a lone CR, NEL or Unicode line separator as is (checked against ical4j 4.4.0), and
 * a client may take those for a line end, so an injected {@code ATTENDEE:} line would become a
 * property. Input refuses them now, but rows written before may hold them: every text is normalised
 * ({@link #plain}) before ical4j sees it.
 *
 * <p>Feeds are expensive reads: anonymous callers get them under a statement timeout, shared from a
 * cache, which is sound because for them a feed depends only on its arguments and the data.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarService {

  static final String PRODUCT = "-//Eurasian Cooperation Registry//events-service//EN";

  /**
   * The most events one feed holds; a window holding more is refused (400 naming {@code to}), never
   * cut. A feed is a subscription, not an archive export.
   */
  public static final int MAX_EVENTS = 500;

  /** A feed's window without {@code from}: from this many days before today (UTC). */
  public static final int DEFAULT_DAYS_BEFORE = 30;

  /** A feed's window without {@code to}: to this many days after today (UTC). */
  public static final int DEFAULT_DAYS_AFTER = 365;

  /** The widest window a feed spans, first day to last. */
  public static final int MAX_WINDOW_DAYS = 731;

  /**
   * ical4j's zone definitions, loaded once (from the tz data bundled in its jar) and reused by
   * every feed.
   */
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  @Inject EventRepository events;

  @Inject EventService eventService;

  @Inject AwarenessProgrammeService awarenessProgrammes;

  @Inject AwarenessProgrammeRepository programmeRepository;

  @Inject Clock clock;

  @ConfigProperty(
      name = "registry.calendar.uid-domain",
      defaultValue = "events.eurasia-registry.org")
  String uidDomain;

  @ConfigProperty(
      name = "registry.calendar.public-base-url",
      defaultValue = "http://127.0.0.1:8083")
  String publicBaseUrl;

  /**
   * The feed of one event (one never published is a 404, or {@code event-not-published} for those
   * who may see it).
   */
  @ExpensiveRead(cacheable = true)
  public String ofEvent(UUID id, String language) {
    Event event = eventService.get(id);
    if (!event.wasPublished()) {
      throw ProblemException.ruleViolated(
          "event-not-published",
          "Event " + event.code() + " was never published; publish it to get a calendar entry");
    }
    return render("Event " + event.code(), List.of(event), language);
  }

  /**
   * The events an organization consented to organize (an invited organizer's feed does not show the
   * event).
   */
  @ExpensiveRead(cacheable = true)
  public String ofOrganizer(String organizer, String language, LocalDate from, LocalDate to) {
    return render(
        "Events organized by " + organizer, inWindow(organizer, null, from, to), language);
  }

  /**
   * The events linked to an agreement. An agreement the caller may not read (confidential, caller
   * not named in it) is answered exactly like one this service has never heard of: 404.
   */
  @ExpensiveRead(cacheable = true)
  public String ofAgreement(UUID agreementId, String language, LocalDate from, LocalDate to) {
    eventService
        .readableAgreement(agreementId)
        .orElseThrow(() -> ProblemException.notFound("Agreement", agreementId));
    return render(
        "Events about agreement " + agreementId, inWindow(null, agreementId, from, to), language);
  }

  /**
   * The feed's events that overlap the days {@code from} to {@code to} (UTC, both included). By
   * default the window runs from {@link #DEFAULT_DAYS_BEFORE} days ago to {@link
   * #DEFAULT_DAYS_AFTER} days ahead; with one end given, the other lies as far from it. A window
   * wider than {@link #MAX_WINDOW_DAYS} days, or holding more than {@link #MAX_EVENTS} events, is
   * refused rather than cut: a subscriber must never miss an event silently.
   */
  private List<Event> inWindow(String organizer, UUID agreementId, LocalDate from, LocalDate to) {
    return inWindow(
        from,
        to,
        (start, end) -> events.forFeed(organizer, agreementId, start, end, MAX_EVENTS + 1));
  }

  /**
   * The events of an awareness programme (published ones only, in whatever status now), with the
   * window rules of every feed. A programme the caller may not see is a 404.
   */
  @ExpensiveRead(cacheable = true)
  public String ofAwarenessProgramme(
      UUID programmeId, String language, LocalDate from, LocalDate to) {
    AwarenessProgramme programme = awarenessProgrammes.get(programmeId);
    return render(
        "Awareness programme " + programme.code(),
        inWindow(
            from,
            to,
            (start, end) ->
                programmeRepository.eventsForFeed(programmeId, start, end, MAX_EVENTS + 1)),
        language);
  }

  /** The window rules, whatever the feed: {@code find} gets the window's first and end instants. */
  private List<Event> inWindow(
      LocalDate from, LocalDate to, BiFunction<Instant, Instant, List<Event>> find) {
    int span = DEFAULT_DAYS_BEFORE + DEFAULT_DAYS_AFTER;
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate first =
        from != null
            ? from
            : to != null ? to.minusDays(span) : today.minusDays(DEFAULT_DAYS_BEFORE);
    LocalDate last = to != null ? to : first.plusDays(span);
    if (last.isBefore(first)) {
      throw new InvalidValue("to", "must not be before from (" + first + ")");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_WINDOW_DAYS) {
      throw new InvalidValue(
          "to",
          "a feed spans at most "
              + MAX_WINDOW_DAYS
              + " days (from "
              + first
              + "); ask for a narrower window");
    }
    List<Event> found =
        find.apply(
            first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    if (found.size() > MAX_EVENTS) {
      throw new InvalidValue(
          "to",
          "the window "
              + first
              + " to "
              + last
              + " holds more than "
              + MAX_EVENTS
              + " events; ask for a narrower window (from, to)");
    }
    return found;
  }

  String render(String name, List<Event> list, String language) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", plain(name)));
    Set<String> zoneIds = new TreeSet<>();
    list.forEach(e -> zoneIds.add(e.timeZone()));
    for (String zone : zoneIds) {
      calendar.add(zones.getTimeZone(zone).getVTimeZone());
    }
    for (Event e : list) {
      if (e.wasPublished()) {
        calendar.add(entry(e, language));
      }
    }
    return calendar.toString();
  }

  private VEvent entry(Event e, String language) {
    EventTerms terms = e.terms();
    VEvent entry =
        new VEvent(
            ZonedDateTime.ofInstant(e.startsAt(), e.zone()),
            ZonedDateTime.ofInstant(e.endsAt(), e.zone()),
            text(terms.title(), language));
    entry.replace(new DtStamp(e.updatedAt()));
    entry.add(new Uid(e.id() + "@" + uidDomain));
    entry.add(new Sequence(e.sequence()));
    entry.add(new LastModified(e.updatedAt()));
    entry.add(new Status(e.status() == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
    String description = text(terms.description(), language);
    if (description != null) {
      entry.add(new Description(description));
    }
    Venue venue = terms.venue();
    entry.add(
        new Location(
            venue == null
                ? "Online"
                : plain(String.join(", ", nonNull(venue.name(), venue.city(), venue.country())))));
    entry.add(new Url(URI.create(publicBaseUrl + "/api/v1/events/" + e.id())));
    return entry;
  }

  /** The text in the asked language, else English, else any; normalised for iCalendar. */
  private static String text(Map<String, String> texts, String language) {
    if (texts.isEmpty()) {
      return null;
    }
    if (language != null && texts.containsKey(language)) {
      return plain(texts.get(language));
    }
    return plain(texts.getOrDefault("en", texts.values().iterator().next()));
  }

  /**
   * A text ical4j can write safely: every line break (CR LF, a lone CR, NEL, the Unicode line and
   * paragraph separators) becomes LF, which ical4j escapes as {@code \n}; tabs stay; any other
   * control character is dropped.
   */
  static String plain(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else if (c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> nonNull(String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
  }
}
