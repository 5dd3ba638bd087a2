package org.eurasia.registry.events.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.application.EventService.LinkedAgreement;
import org.eurasia.registry.events.domain.Author;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.PublicationKind;
import org.eurasia.registry.events.domain.PublicationTerms;

/** A publication as the API shows it, its links with their live status. */
@Schema(name = "Publication")
public record PublicationView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000e2a01") UUID id,
    PublicationKind kind,
    String title,
    @JsonProperty("abstract") Map<String, String> summary,
    @Schema(description = "The byline of the published work.") List<Author> authors,
    String publisher,
    int year,
    List<String> languages,
    @Schema(nullable = true) String doi,
    @Schema(nullable = true) String url,
    @Schema(description = "Linked events with their current status.")
        List<LinkedEvent> linkedEvents,
    @Schema(
            description =
                "Linked agreements with their current status (code and status hidden for confidential ones you are "
                    + "not party to).")
        List<LinkedAgreement> linkedAgreements,
    @Schema(description = "Linked joint ventures with their current status.")
        List<LinkedVenture> linkedVentures,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static PublicationView of(
      UUID id,
      PublicationTerms t,
      List<LinkedEvent> events,
      List<LinkedAgreement> agreements,
      List<LinkedVenture> ventures,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    return new PublicationView(
        id,
        t.kind(),
        t.title(),
        t.summary(),
        t.authors(),
        t.publisher(),
        t.year(),
        t.languages(),
        t.doi(),
        t.url(),
        events,
        agreements,
        ventures,
        version,
        createdAt,
        updatedAt);
  }

  /** A linked event as it stands now. */
  @Schema(name = "PublicationLinkedEvent")
  public record LinkedEvent(UUID eventId, String code, EventStatus status) {}

  /** A linked joint venture as it stands now; code, name and status null when not known. */
  @Schema(name = "PublicationLinkedVenture")
  public record LinkedVenture(
      UUID ventureId,
      @Schema(nullable = true) String code,
      @Schema(nullable = true) Map<String, String> name,
      @Schema(nullable = true) String status) {}
}
