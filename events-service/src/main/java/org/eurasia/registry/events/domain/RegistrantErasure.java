package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The tombstone an erasure sends: the registrant's personal data (name, e-mail) is gone, so a
 * consumer, the change feed and webhook receivers drop any copy they kept of it. Ids only. Each
 * erasure is its own fact (version 0); the registration stays under its id. Schema: {@code
 * contract/events/registry.registrant.v1.schema.json}.
 *
 * @param audience the event's organizers and the registrant's organization; not in the payload
 */
public record RegistrantErasure(
    UUID registrationId, UUID eventId, Instant erasedAt, long version, Audience audience)
    implements DomainEvent {

  public static final String ERASED = "registry.registrant.erased.v1";
  public static final String AGGREGATE_TYPE = "registrant";

  public static RegistrantErasure of(Registration r, Event event, Instant now) {
    Set<String> readers = new TreeSet<>(event.organizers());
    if (r.organization() != null) {
      readers.add(r.organization());
    }
    return new RegistrantErasure(r.id(), r.eventId(), now, 0, Audience.only(readers));
  }

  @Override
  public String eventType() {
    return ERASED;
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return registrationId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  @Override
  public boolean tombstone() {
    return true;
  }
}
