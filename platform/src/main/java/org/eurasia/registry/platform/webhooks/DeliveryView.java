package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery in a subscription's log; its attempts only when read alone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookDelivery")
public record DeliveryView(
    @Schema(required = true) UUID id,
    @Schema(
            description =
                "The `webhook-id` header: the CloudEvent's id, the same on every attempt.",
            required = true)
        UUID messageId,
    @Schema(required = true, example = "registry.agreement.signed.v1") String eventType,
    @Schema(required = true, example = "agreement") String recordType,
    @Schema(required = true) String recordId,
    @Schema(
            description =
                "PENDING: not yet acknowledged (retried on schedule). DELIVERED: the receiver"
                    + " answered 2xx. CANCELLED: never sent (the receiver answered 410 Gone, or a"
                    + " ping that failed).",
            required = true,
            enumeration = {"PENDING", "DELIVERED", "CANCELLED"})
        String status,
    @Schema(description = "Attempts since it was last queued.", required = true) int attempts,
    @Schema(description = "The receiver's last HTTP status code.") Integer lastStatusCode,
    @Schema(description = "How long the last attempt took, in milliseconds.") Integer lastLatencyMs,
    @Schema(description = "Why the last attempt failed.") String lastError,
    Instant lastAttemptAt,
    @Schema(description = "When it is next tried (PENDING only).") Instant nextAttemptAt,
    Instant deliveredAt,
    @Schema(required = true) Instant createdAt,
    @Schema(description = "Every attempt, oldest first (reading one delivery only).")
        List<Attempt> attemptLog) {

  /** One attempt to deliver. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "WebhookAttempt")
  public record Attempt(
      @Schema(required = true) Instant attemptedAt,
      Integer statusCode,
      Integer latencyMs,
      String error) {}

  DeliveryView withAttempts(List<Attempt> attempts) {
    return new DeliveryView(
        id,
        messageId,
        eventType,
        recordType,
        recordId,
        status,
        this.attempts,
        lastStatusCode,
        lastLatencyMs,
        lastError,
        lastAttemptAt,
        nextAttemptAt,
        deliveredAt,
        createdAt,
        attempts);
  }
}
