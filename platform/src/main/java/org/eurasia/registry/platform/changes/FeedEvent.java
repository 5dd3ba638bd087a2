package org.eurasia.registry.platform.changes;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change as a partner receives it, from the change feed or a webhook: a CloudEvent in
 * structured JSON mode, the same attributes Kafka carries plus {@code tombstone}.
 */
@Schema(
    name = "ChangeEvent",
    description =
        "A change as a CloudEvent (structured JSON mode): the same event the suite's services"
            + " exchange, with `tombstone` set when the record was deleted, retired or erased.")
public record FeedEvent(
    @Schema(description = "CloudEvents version.", examples = "1.0", required = true)
        String specversion,
    @Schema(
            description = "The event's id; the same in the feed, in webhooks and on Kafka.",
            required = true)
        String id,
    @Schema(
            description = "The service that announced it.",
            examples = "/agreements-service",
            required = true)
        String source,
    @Schema(
            description = "The event type.",
            examples = "registry.agreement.signed.v1",
            required = true)
        String type,
    @Schema(description = "The record's id.", required = true) String subject,
    @Schema(description = "When the change was written.", required = true) Instant time,
    @Schema(examples = "application/json", required = true) String datacontenttype,
    @Schema(description = "The kind of record, e.g. `agreement`.", required = true)
        String aggregatetype,
    @Schema(description = "The record's version after the change.", required = true)
        long aggregateversion,
    @Schema(
            description = "True when the change deleted, retired or erased the record.",
            required = true)
        boolean tombstone,
    @Schema(
            description =
                "The event's payload; its schema is the event type's (AsyncAPI document).",
            type = SchemaType.OBJECT,
            required = true)
        @JsonRawValue
        String data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";
}
