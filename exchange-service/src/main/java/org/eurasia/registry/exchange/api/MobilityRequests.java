package org.eurasia.registry.exchange.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.MobilityTerms;

/** Request bodies of the mobilities API. */
public final class MobilityRequests {

  private MobilityRequests() {}

  /** Body of {@code POST /mobilities}: a nomination. */
  @Schema(name = "Nomination")
  public record NominationRequest(
      @NotNull @Schema(example = "5eed0000-0000-4000-8000-0000000b0002") UUID programId,
      @NotNull
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Schema(example = "2026/2027")
          String academicYear,
      @NotNull @Schema(example = "SENDING_TO_RECEIVING") Direction direction,
      @NotNull @Valid Person participant,
      @Min(5) @Max(8) @Schema(description = "EQF level of study.", example = "7") Integer eqfLevel,
      @Pattern(regexp = ProgramRequests.ISCED, message = "must be a four-digit ISCED-F 2013 code")
          @Schema(example = "0613")
          String iscedCode,
      @NotNull @Schema(example = "2026-09-01") LocalDate plannedStart,
      @NotNull @Schema(example = "2027-01-31") LocalDate plannedEnd) {

    MobilityTerms toTerms() {
      return new MobilityTerms(
          academicYear, direction, eqfLevel, iscedCode, plannedStart, plannedEnd);
    }
  }

  /** The participant's personal data: kept apart from the mobility, never published, erasable. */
  @Schema(name = "Person")
  public record Person(
      @NotBlank @Size(max = 200) @Schema(example = "Ayesha") String givenName,
      @NotBlank @Size(max = 200) @Schema(example = "Khan") String familyName,
      @Email @Size(max = 320) @Schema(example = "ayesha.khan@qau.edu.pk") String email) {

    MobilityService.PersonalData toPersonalData() {
      return new MobilityService.PersonalData(givenName.strip(), familyName.strip(), email);
    }
  }

  /** Body of rejection and cancellation: why. */
  @Schema(name = "Reason")
  public record ReasonRequest(
      @NotBlank @Size(max = 500) @Schema(example = "Language requirement not met") String reason) {}

  /** Body of {@code POST /mobilities/{id}/start}: the day it started (today when omitted). */
  @Schema(name = "MobilityStart")
  public record StartRequest(@Schema(example = "2026-09-01") LocalDate startedOn) {}

  /**
   * Body of {@code POST /mobilities/{id}/completion}: the day it ended and the home institution's
   * recognition.
   */
  @Schema(name = "MobilityCompletion")
  public record CompletionRequest(
      @Schema(example = "2027-01-31") LocalDate endedOn,
      @NotNull
          @Schema(
              description = "Whether the home institution recognised the stay.",
              example = "true")
          Boolean recognized,
      @Min(0) @Max(120) @Schema(description = "ECTS credits recognised.", example = "30")
          Integer ectsCredits) {}
}
