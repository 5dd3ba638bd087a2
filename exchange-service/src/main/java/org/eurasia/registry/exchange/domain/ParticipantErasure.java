package org.eurasia.registry.exchange.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The tombstone an erasure sends: a participant's personal data is gone, so a consumer (and the
 * change feed, and a webhook receiver) drops any copy it kept of it. Ids only. Each erasure is its
 * own fact (version 0). Schema: {@code contract/events/registry.participant.v1.schema.json}.
 *
 * @param mobilityIds the participant's mobilities, which stay under the pseudonymous id
 * @param audience the institutions of those mobilities; not part of the payload
 */
public record ParticipantErasure(
    UUID participantId, List<UUID> mobilityIds, Instant erasedAt, long version, Audience audience)
    implements DomainEvent {

  public static final String ERASED = "registry.participant.erased.v1";
  public static final String AGGREGATE_TYPE = "participant";

  public static ParticipantErasure of(UUID participantId, List<Mobility> theirs, Instant now) {
    return new ParticipantErasure(
        participantId,
        theirs.stream().map(Mobility::id).toList(),
        now,
        0,
        Audience.only(
            theirs.stream().flatMap(m -> m.institutionCodes().stream()).distinct().toList()));
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
    return participantId.toString();
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
