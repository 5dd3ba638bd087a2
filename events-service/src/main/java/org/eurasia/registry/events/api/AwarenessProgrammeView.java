package org.eurasia.registry.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.AwarenessAudience;
import org.eurasia.registry.events.domain.AwarenessProgramme;
import org.eurasia.registry.events.domain.AwarenessProgrammeStatus;
import org.eurasia.registry.events.domain.AwarenessProgrammeTerms;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventStatus;

/** An awareness programme as the API shows it, with its events' current status. */
@Schema(name = "AwarenessProgramme")
public record AwarenessProgrammeView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000e1a01") UUID id,
    String code,
    Map<String, String> title,
    Map<String, String> description,
    String theme,
    List<AwarenessAudience> audiences,
    @Schema(description = "The organizers that consented; only they (and registrars) manage it.")
        List<String> organizers,
    @Schema(description = "Named as organizers, not yet accepted: they may read it, nothing more.")
        List<String> invitedOrganizers,
    LocalDate startsOn,
    LocalDate endsOn,
    AwarenessProgrammeStatus status,
    @Schema(nullable = true, description = "When it was announced; null for a draft.")
        Instant announcedAt,
    @Schema(description = "Its events, in the order they joined, with their current status.")
        List<ProgrammeEvent> events,
    List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static AwarenessProgrammeView of(AwarenessProgramme p, List<Event> events) {
    AwarenessProgrammeTerms t = p.terms();
    return new AwarenessProgrammeView(
        p.id(),
        p.code(),
        t.title(),
        t.description(),
        t.theme(),
        t.audiences().stream().sorted().toList(),
        p.organizers(),
        p.invitedOrganizers(),
        t.startsOn(),
        t.endsOn(),
        p.status(),
        p.announcedAt(),
        events.stream()
            .map(
                e ->
                    new ProgrammeEvent(
                        e.id(), e.code(), e.terms().title(), e.status(), e.startsAt(), e.endsAt()))
            .toList(),
        p.allowedTransitions(),
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }

  /** An event of the programme, as it stands now. */
  @Schema(name = "AwarenessProgrammeEvent")
  public record ProgrammeEvent(
      UUID eventId,
      String code,
      Map<String, String> title,
      EventStatus status,
      Instant startsAt,
      Instant endsAt) {}
}
