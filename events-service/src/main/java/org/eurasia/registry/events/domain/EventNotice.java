package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * An event's public state after a change, as other services hear it ("notice" because "EventEvent"
 * reads badly). The join link is not in it: only confirmed participants get that. Schema: {@code
 * contract/events/registry.event.v1.schema.json}; the wire shape (absent values left out, the type
 * only in the envelope) is the messaging package's {@code NoticeWireFormat}.
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
    long version)
    implements DomainEvent {

  public static EventNotice of(EventChange change, Event e) {
    Venue venue = e.venue();
    return new EventNotice(
        change.eventType(),
        e.id(),
        e.code(),
        e.kind(),
        e.title(),
        e.organizers(),
        e.format(),
        venue == null ? null : venue.city(),
        venue == null ? null : venue.country(),
        e.timeZone(),
        e.startsAt(),
        e.endsAt(),
        e.status(),
        e.cancellationReason(),
        e.sequence(),
        e.linkedAgreements(),
        e.linkedPrograms(),
        e.capacity(),
        e.version());
  }

  @Override
  public String aggregateType() {
    return "event";
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
