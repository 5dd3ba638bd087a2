package org.eurasia.registry.platform.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who made a change, as the change log records it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Who made a change.")
public record Actor(
    @Schema(
            description =
                "The token's subject (a partner system's client id, a person's id), or `system` for"
                    + " the service's own jobs and reactions to other services' events.",
            examples = "nust-integration",
            required = true)
        String subject,
    @Schema(
            description = "The organisation the actor acted for (partners only).",
            examples = "nust.edu.pk")
        String organization,
    @Schema(
            description =
                "The role the actor acted in: registrar, partner, attendee, operator, anonymous or"
                    + " system.",
            examples = "partner",
            required = true)
        String role) {

  /** The service itself: a scheduled job, or a reaction to another service's event. */
  public static final Actor SYSTEM = new Actor("system", null, "system");
}
