package org.eurasia.registry.platform.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /webhooks} and {@code PUT /webhooks/{id}}: where, what, and a note. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
    @NotBlank
        @Size(max = 2000)
        @Schema(
            description =
                "Where deliveries are POSTed: your organisation's own public HTTPS endpoint, an"
                    + " https URL whose host resolves to public addresses only (no loopback, private"
                    + " or link-local address), without user name or password. The example stands"
                    + " for such an endpoint and does not resolve: sent as it is, it is refused"
                    + " (422 naming `url`).",
            example = "https://integration.nust.edu.pk/registry/webhooks")
        String url,
    @NotNull
        @Size(min = 1, max = WebhookRequest.MAX_TYPES)
        @Schema(
            description =
                "Event types (`registry.agreement.signed.v1`), families (`registry.agreement.*`) or"
                    + " `*` for every type; at most 20.",
            example = "[\"registry.agreement.*\"]")
        List<@NotNull String> eventTypes,
    @Size(max = 500)
        @Schema(description = "A note for the owner.", example = "Agreements into our CRM")
        String description) {

  public static final int MAX_TYPES = 20;
}
