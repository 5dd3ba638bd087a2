package org.eurasia.registry.platform.changes;

import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;

/**
 * A change that announced an event, fired (synchronously, inside the writing transaction) after its
 * change-log entry was appended. Observers that must not miss one (webhook fan-out) write in the
 * same transaction; nothing they do may call out of the process.
 *
 * @param eventId the CloudEvent id, the same on Kafka, in the feed and in webhook deliveries
 * @param payload the event's JSON payload
 */
public record AnnouncedChange(
    UUID eventId,
    String eventType,
    String recordType,
    String recordId,
    long recordVersion,
    Instant occurredAt,
    String payload,
    boolean tombstone,
    Audience audience) {}
