package org.eurasia.registry.platform.operations;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.platform.events.ParkedEvents;

/** A parked outbox row as operators see it: what it is and why it is stuck, not its payload. */
@Schema(name = "ParkedEvent")
public record ParkedEvent(
    @Schema(description = "The event's id (its CloudEvents `id`).") UUID id,
    @Schema(example = "registry.agreements") String topic,
    @Schema(example = "agreement") String aggregateType,
    String aggregateId,
    long aggregateVersion,
    @Schema(example = "registry.agreement.updated.v1") String eventType,
    Instant occurredAt,
    @Schema(description = "Refused attempts while the broker answered.") int attempts,
    @Schema(description = "The broker's last refusal.") String lastError,
    Instant parkedAt) {

  static ParkedEvent of(ParkedEvents.Parked row) {
    return new ParkedEvent(
        row.id(),
        row.topic(),
        row.aggregateType(),
        row.aggregateId(),
        row.aggregateVersion(),
        row.eventType(),
        row.occurredAt(),
        row.attempts(),
        row.lastError(),
        row.parkedAt());
  }
}
