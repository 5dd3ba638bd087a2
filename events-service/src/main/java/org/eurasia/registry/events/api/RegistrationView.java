package org.eurasia.registry.events.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationStatus;

/** A registration, as its registrant, their organization and the organizers see it. */
@Schema(name = "Registration")
public record RegistrationView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000e0b01") UUID id,
    UUID eventId,
    String name,
    @Schema(nullable = true) String email,
    @Schema(nullable = true) String organization,
    @Schema(
            nullable = true,
            description = "Set for members registered together by a head of delegation.")
        UUID delegationId,
    RegistrationStatus status,
    @Schema(
            description =
                "When it joined its current queue; the waiting list is served in this order.")
        Instant queuedAt,
    @Schema(nullable = true) Instant checkedInAt,
    List<String> allowedTransitions,
    long version,
    Instant createdAt) {

  static RegistrationView of(Registration r) {
    return new RegistrationView(
        r.id(),
        r.eventId(),
        r.name(),
        r.email(),
        r.organization(),
        r.delegationId(),
        r.status(),
        r.queuedAt(),
        r.checkedInAt(),
        r.allowedTransitions(),
        r.version(),
        r.createdAt());
  }
}
