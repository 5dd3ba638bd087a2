package org.eurasia.registry.platform.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a record's history: who did what to it, when, through which request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One change to a record: who made it, when, how, and what changed.")
public record ChangeEntry(
    @Schema(description = "When the change was written.", required = true) Instant at,
    @Schema(required = true) Actor actor,
    @Schema(
            description =
                "The API operation (its `operationId`) that made the change, or the job or event"
                    + " reaction for changes the service made itself.",
            examples = "signAgreement",
            required = true)
        String operation,
    @Schema(
            description =
                "The request's id (its `X-Request-Id`, or one the service assigned and echoed).")
        String requestId,
    @Schema(description = "The kind of record, e.g. `agreement`.", required = true)
        String recordType,
    @Schema(description = "The record's id.", required = true) String recordId,
    @Schema(description = "The record's version after the change.", required = true) long version,
    @Schema(description = "The event the change announced, when it announced one.") UUID eventId,
    @Schema(description = "The announced event's type, e.g. `registry.agreement.signed.v1`.")
        String eventType,
    @Schema(
            description = "True when the change deleted, retired or erased the record.",
            required = true)
        boolean tombstone,
    @Schema(
            description =
                "What changed: the announced event's payload (its schema is the event's, see the"
                    + " AsyncAPI document), or the changed fields for a change without an event.",
            type = SchemaType.OBJECT,
            required = true)
        @JsonRawValue
        String change) {}
