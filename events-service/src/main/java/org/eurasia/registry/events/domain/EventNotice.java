package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * An event's public state after a change, as other services hear it ("notice" because "EventEvent"
 * reads badly), its agenda included. The join link is not in it: only confirmed participants get
 * that; nor are speakers, who are people (a consumer that prints them reads the public session).
 * Schema: {@code contract/events/registry.event.v1.schema.json}; the wire shape (absent values left
 * out, the type only in the envelope) is the messaging package's {@code NoticeWireFormat}.
 */
public record EventNotice(
    String eventType,
    UUID eventId,
    String code,
    EventKind kind,
    Map<String, String> title,
    List<String> organizers,
    EventFormat format,
    String venueCity,
    String venueCountry,
    String timeZone,
    Instant startsAt,
    Instant endsAt,
    EventStatus status,
    String cancellationReason,
    int sequence,
    List<UUID> linkedAgreements,
    List<UUID> linkedPrograms,
    Integer capacity,
    List<AgendaSession> agenda,
    long version)
    implements DomainEvent {

  /** The record type of events, in notices and the change log. */
  public static final String AGGREGATE_TYPE = "event";

  /**
   * The public part of the event's terms (no description, venue name or join link; only the
   * consenting organizers) with its state after the change and its agenda, in start order.
   */
  public static EventNotice of(EventChange change, Event e, List<EventSession> sessions) {
    EventTerms t = e.terms();
    Venue venue = t.venue();
    return new EventNotice(
        change.eventType(),
        e.id(),
        e.code(),
        t.kind(),
        t.title(),
        e.organizers(),
        t.format(),
        venue == null ? null : venue.city(),
        venue == null ? null : venue.country(),
        t.timeZone(),
        t.startsAt(),
        t.endsAt(),
        e.status(),
        e.cancellationReason(),
        e.sequence(),
        t.linkedAgreements(),
        t.linkedPrograms(),
        t.capacity(),
        sessions.stream().map(AgendaSession::of).toList(),
        e.version());
  }

  /** A session of the agenda as the notice carries it: what and when, and the room or channel. */
  public record AgendaSession(
      UUID sessionId, Map<String, String> title, Instant startsAt, Instant endsAt, String room) {
    static AgendaSession of(EventSession s) {
      return new AgendaSession(s.id(), s.title(), s.startsAt(), s.endsAt(), s.room());
    }
  }

  /**
   * Everyone: only a published event is announced, and publication makes it public for good, in
   * whatever status (a draft's changes reach only its history, see {@code EventService}).
   */
  @Override
  public Audience audience() {
    return Audience.everyone();
  }

  /**
   * A cancellation is for good: the event stays readable (calendars remove it), but nothing more
   * happens to it.
   */
  @Override
  public boolean tombstone() {
    return EventChange.CANCELLED.eventType().equals(eventType);
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return eventId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
