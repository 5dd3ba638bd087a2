package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as its owner reads it; the secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Webhook")
public record WebhookView(
    @Schema(required = true) UUID id,
    @Schema(required = true, example = "https://integration.nust.edu.pk/registry/webhooks")
        String url,
    @Schema(required = true, example = "[\"registry.agreement.*\"]") List<String> eventTypes,
    String description,
    @Schema(
            description =
                "ACTIVE: delivered. PAUSED: its receiver kept failing (see `statusReason`);"
                    + " deliveries are kept and sent after resumption. DISABLED: its receiver"
                    + " answered 410 Gone; nothing is collected until resumption.",
            required = true,
            enumeration = {"ACTIVE", "PAUSED", "DISABLED"})
        String status,
    @Schema(description = "Why it is paused or disabled: since when, and the last error.")
        String statusReason,
    @Schema(description = "The organisation that owns it; absent for a registrar's.")
        String ownerOrganization,
    @Schema(
            description =
                "The signing secret (`whsec_` and base64), shown only in the answer that created"
                    + " the subscription: store it then.")
        String secret,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt,
    @Schema(required = true) long version) {

  WebhookView withSecret(String secret) {
    return new WebhookView(
        id,
        url,
        eventTypes,
        description,
        status,
        statusReason,
        ownerOrganization,
        secret,
        createdAt,
        updatedAt,
        version);
  }
}
