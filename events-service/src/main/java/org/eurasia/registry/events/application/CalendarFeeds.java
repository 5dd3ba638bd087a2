package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.Venue;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * iCalendar (RFC 5545) feeds, written with ical4j. What lets a subscribed calendar client follow changes: every event
 * keeps one UID for life, its SEQUENCE grows with every visible change (a reschedule, a cancellation), a cancelled
 * event stays in the feed with STATUS:CANCELLED (so clients remove it rather than keep a stale copy), and each time
 * zone used is defined by a VTIMEZONE from ical4j's bundled tz database. Drafts and join links never appear.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarFeeds {

  static final String PRODUCT = "-//Eurasian Cooperation Registry//events-service//EN";

  /** Enough for any organizer's or agreement's events; a feed is a subscription, not an archive export. */
  static final int MAX_EVENTS = 500;

  /** ical4j's zone definitions, loaded once (from the tz data bundled in its jar) and reused by every feed. */
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  @Inject EventRepository events;

  @Inject EventPlanner planner;

  @ConfigProperty(name = "registry.calendar.uid-domain", defaultValue = "events.eurasia-registry.org")
  String uidDomain;

  @ConfigProperty(name = "registry.calendar.public-base-url", defaultValue = "http://127.0.0.1:8083")
  String publicBaseUrl;

  /** The feed of one event (a draft is a 404 unless the caller organizes it). */
  public String ofEvent(UUID id, String language) {
    Event event = planner.get(id);
    if (event.status() == EventStatus.DRAFT) {
      throw ProblemException.ruleViolated("event-not-published", "Event " + event.code() + " is a draft; publish it to get a calendar entry");
    }
    return render("Event " + event.code(), List.of(event), language);
  }

  public String ofOrganizer(String organizer, String language) {
    return render("Events organized by " + organizer, events.forFeed(organizer, null, MAX_EVENTS), language);
  }

  public String ofAgreement(UUID agreementId, String language) {
    return render("Events about agreement " + agreementId, events.forFeed(null, agreementId, MAX_EVENTS), language);
  }

  String render(String name, List<Event> list, String language) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    Set<String> zoneIds = new TreeSet<>();
    list.forEach(e -> zoneIds.add(e.timeZone()));
    for (String zone : zoneIds) {
      calendar.add(zones.getTimeZone(zone).getVTimeZone());
    }
    for (Event e : list) {
      if (e.status() != EventStatus.DRAFT) {
        calendar.add(entry(e, language));
      }
    }
    return calendar.toString();
  }

  private VEvent entry(Event e, String language) {
    VEvent entry = new VEvent(
        ZonedDateTime.ofInstant(e.startsAt(), e.zone()), ZonedDateTime.ofInstant(e.endsAt(), e.zone()), text(e.title(), language));
    entry.replace(new DtStamp(e.updatedAt()));
    entry.add(new Uid(e.id() + "@" + uidDomain));
    entry.add(new Sequence(e.sequence()));
    entry.add(new LastModified(e.updatedAt()));
    entry.add(new Status(e.status() == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
    String description = text(e.description(), language);
    if (description != null) {
      entry.add(new Description(description));
    }
    Venue venue = e.venue();
    entry.add(new Location(venue == null ? "Online" : String.join(", ", nonNull(venue.name(), venue.city(), venue.country()))));
    entry.add(new Url(URI.create(publicBaseUrl + "/api/v1/events/" + e.id())));
    return entry;
  }

  /** The text in the asked language, else English, else any. */
  private static String text(Map<String, String> texts, String language) {
    if (texts.isEmpty()) {
      return null;
    }
    if (language != null && texts.containsKey(language)) {
      return texts.get(language);
    }
    return texts.getOrDefault("en", texts.values().iterator().next());
  }

  private static List<String> nonNull(String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
  }
}
