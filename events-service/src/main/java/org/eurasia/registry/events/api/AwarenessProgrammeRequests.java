package org.eurasia.registry.events.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.AwarenessAudience;
import org.eurasia.registry.events.domain.AwarenessProgrammeTerms;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the awareness programmes API. */
public final class AwarenessProgrammeRequests {

  private AwarenessProgrammeRequests() {}

  /** Body of {@code POST /awareness-programmes}: a new draft. */
  @Schema(name = "AwarenessProgrammeDraft")
  public record NewProgramme(
      @NotNull
          @Pattern(
              regexp = EventRequests.CODE,
              message = "must be 3 to 64 of A-Z, 0-9, '/', '.', '-' such as PK-BY/AWARENESS/2027")
          @Schema(
              description = "Human-readable code, unique among announced programmes.",
              example = "PK-BY/AWARENESS/2028")
          String code,
      @NotNull @Valid @Schema(implementation = Details.class) Details details) {}

  /** What describes an awareness programme; the body of {@code PUT /awareness-programmes/{id}}. */
  @Schema(name = "AwarenessProgrammeDetails")
  public record Details(
      @NotNull
          @LanguageTagged
          @Schema(
              description = "Title per language; single-line.",
              example = "{\"en\": \"Pakistan–Belarus cooperation awareness series\"}")
          Map<String, String> title,
      @MultiLine
          @LanguageTagged(
              required = {},
              maxLength = 4000)
          @Schema(
              description = "Description per language; multi-line (line feeds and tabs allowed).",
              example = "{\"en\": \"Webinars and seminars on joint ventures for students.\"}")
          Map<String, String> description,
      @NotBlank
          @Size(max = 200)
          @Schema(
              description = "What the programme raises awareness of; single-line.",
              example = "Academic and economic joint ventures")
          String theme,
      @NotNull
          @Size(min = 1, max = 6)
          @JsonDeserialize(as = LinkedHashSet.class)
          @Schema(description = "Whom it addresses.", example = "[\"STUDENTS\", \"ACADEMICS\"]")
          Set<@NotNull AwarenessAudience> audiences,
      @NotNull
          @Size(min = 1, max = 10)
          @Schema(
              description =
                  "The organizations organizing it. As for events, naming one does not bind it: the creator's own "
                      + "organization (every one, when a registrar creates the programme) consents by creating; the others "
                      + "are invited until their partner accepts (`POST /awareness-programmes/{id}/acceptances`). A partner "
                      + "must name its own organization, and keep it when revising; each one named anew must be in the "
                      + "directory and not retired (`unknown-reference` naming `organizers[i]`).",
              example = "[\"ncp.edu.pk\"]")
          @JsonDeserialize(as = LinkedHashSet.class)
          Set<@NotNull @SchacCode String> organizers,
      @NotNull @Schema(description = "First day of the period.", example = "2028-01-01")
          LocalDate startsOn,
      @NotNull
          @Schema(
              description = "Last day of the period, included; not before `startsOn`.",
              example = "2028-12-31")
          LocalDate endsOn) {

    AwarenessProgrammeTerms toTerms() {
      return new AwarenessProgrammeTerms(
          title,
          description == null ? Map.of() : description,
          theme,
          audiences,
          organizers,
          startsOn,
          endsOn);
    }
  }

  /** Body of {@code POST /awareness-programmes/{id}/events}: a published event joins. */
  @Schema(name = "AwarenessProgrammeEventLink")
  public record EventLink(
      @NotNull
          @Schema(
              description =
                  "A published event the caller organizes (or any, for a registrar); the caller must also organize the "
                      + "programme.",
              example = "5eed0000-0000-4000-8000-0000000e0a03")
          UUID eventId) {}
}
