package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A registration's state after a change: no name or e-mail, only the registration id and the
 * organization. Schema: {@code contract/events/registry.registration.v1.schema.json}; the wire
 * shape is the messaging package's {@code NoticeWireFormat}.
 */
public record RegistrationNotice(
    String eventType,
    UUID registrationId,
    UUID eventId,
    String organization,
    UUID delegationId,
    RegistrationStatus status,
    Instant checkedInAt,
    long version)
    implements DomainEvent {

  public static RegistrationNotice of(RegistrationChange change, Registration r) {
    return new RegistrationNotice(
        change.eventType(),
        r.id(),
        r.eventId(),
        r.organization(),
        r.delegationId(),
        r.status(),
        r.checkedInAt(),
        r.version());
  }

  @Override
  public String aggregateType() {
    return "registration";
  }

  @Override
  public String aggregateId() {
    return registrationId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
