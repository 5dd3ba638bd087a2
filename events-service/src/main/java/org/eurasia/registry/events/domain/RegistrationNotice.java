package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A registration's state after a change: no name or e-mail, only the registration id and the
 * organization. Schema: {@code contract/events/registry.registration.v1.schema.json}; the wire
 * shape is the messaging package's {@code NoticeWireFormat}, which leaves {@code audience} out of
 * the payload.
 *
 * @param audience who outside the service may learn of it: a registration is personal, so only the
 *     organizations whose partners may read it ({@link #of})
 */
public record RegistrationNotice(
    String eventType,
    UUID registrationId,
    UUID eventId,
    String organization,
    UUID delegationId,
    RegistrationStatus status,
    Instant checkedInAt,
    long version,
    Audience audience)
    implements DomainEvent {

  /** The record type of registrations, in notices and the change log. */
  public static final String AGGREGATE_TYPE = "registration";

  /**
   * The notice of a registration of {@code event}, for the organizations whose partners may read
   * the registration: its own organization and the event's consenting organizers (the registrant
   * and whoever registered them are people, who do not follow the feed; registrars see everything).
   */
  public static RegistrationNotice of(RegistrationChange change, Registration r, Event event) {
    Set<String> readers = new TreeSet<>(event.organizers());
    if (r.organization() != null) {
      readers.add(r.organization());
    }
    return new RegistrationNotice(
        change.eventType(),
        r.id(),
        r.eventId(),
        r.organization(),
        r.delegationId(),
        r.status(),
        r.checkedInAt(),
        r.version(),
        Audience.only(readers));
  }

  /** A cancelled registration is over for good: partners following it drop their copy. */
  @Override
  public boolean tombstone() {
    return RegistrationChange.CANCELLED.eventType().equals(eventType);
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
}
