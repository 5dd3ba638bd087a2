package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a receiver answered to a test ping. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookPingResult")
public record PingResult(
    @Schema(description = "The ping's entry in the delivery log.", required = true) UUID deliveryId,
    @Schema(description = "True when the receiver answered 2xx.", required = true)
        boolean delivered,
    @Schema(description = "The receiver's HTTP status code, if it answered.") Integer statusCode,
    @Schema(description = "How long it took, in milliseconds.", required = true) int latencyMs,
    @Schema(description = "Why it failed (no answer, refused target, non-2xx).") String error) {}
