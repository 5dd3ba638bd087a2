package org.eurasia.registry.exchange.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.application.ProgramService;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.CefrLevel;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramTerms;
import org.eurasia.registry.exchange.domain.ProgramTerms.QuotaPlan;
import org.eurasia.registry.exchange.domain.StayDuration;
import org.eurasia.registry.platform.validation.LanguageCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the programmes API. */
public final class ProgramRequests {

  static final String CODE = "^[A-Z0-9][A-Z0-9/.\\-]{2,63}$";
  static final String ISCED = "^\\d{4}$";

  private ProgramRequests() {}

  /** Body of {@code POST /programs}. */
  @Schema(name = "ProgramDraft")
  public record NewProgram(
      @NotNull
          @Pattern(
              regexp = CODE,
              message = "must be 3 to 64 of A-Z, 0-9, '/', '.', '-' such as QAU-BSU/TEACH/2026")
          @Schema(
              description = "Human-readable code, unique among the programmes of its agreement.",
              example = "QAU-BSU/STUD/2027")
          String code,
      @NotNull @Schema(example = "STUDENT_EXCHANGE") ProgramKind kind,
      @NotNull
          @Schema(
              description = "The agreement in force it runs under.",
              example = "5eed0000-0000-4000-8000-0000000a0002")
          UUID agreementId,
      @NotNull @SchacCode @Schema(example = "qau.edu.pk") String sendingInstitution,
      @NotNull @SchacCode @Schema(example = "bsu.by") String receivingInstitution,
      @NotNull @Valid @Schema(implementation = Terms.class) Terms terms) {

    ProgramService.NewProgram toNewProgram() {
      return new ProgramService.NewProgram(
          kind, agreementId, sendingInstitution, receivingInstitution, terms.toTerms());
    }
  }

  /** The negotiable terms of a programme; the body of {@code PUT /programs/{id}}. */
  @Schema(name = "ProgramTerms")
  public record Terms(
      @NotNull
          @LanguageTagged
          @Schema(example = "{\"en\": \"Software development student exchange\"}")
          Map<String, String> title,
      @NotNull
          @Size(min = 1, max = 10)
          @Schema(
              description = "Academic years it runs, each like 2026/2027.",
              example = "[\"2026/2027\"]")
          List<
                  @NotNull
                  @Pattern(
                      regexp = AcademicYear.REGEX,
                      message = "must be an academic year such as 2026/2027")
                  String>
              academicYears,
      @NotNull
          @Size(max = 20)
          @Schema(
              description =
                  "Places per academic year and direction; a direction without a quota takes no mobilities.")
          List<@NotNull @Valid QuotaRequest> quotas,
      @NotNull @Valid DurationRequest duration,
      @Size(max = 20) @Schema(description = "ISCED-F 2013 subject areas.", example = "[\"0613\"]")
          Set<
                  @NotNull
                  @Pattern(regexp = ISCED, message = "must be a four-digit ISCED-F 2013 code")
                  String>
              iscedCodes,
      @Size(max = 8)
          @Schema(description = "EQF levels 5 to 8 (short cycle to doctorate).", example = "[6, 7]")
          Set<@NotNull @Min(5) @Max(8) Integer> eqfLevels,
      @LanguageCode @Schema(description = "ISO 639-1 language of instruction.", example = "en")
          String language,
      @Schema(
              description = "Minimum CEFR level in that language; given together with language.",
              example = "B2")
          CefrLevel minimumCefr,
      @Schema(description = "First day nominations are accepted (UTC).", example = "2026-03-01")
          LocalDate applicationsOpenOn,
      @Schema(description = "Last day nominations are accepted (UTC).", example = "2026-05-31")
          LocalDate applicationsCloseOn) {

    ProgramTerms toTerms() {
      return new ProgramTerms(
          title,
          academicYears,
          quotas.stream()
              .map(q -> new QuotaPlan(q.academicYear(), q.direction(), q.places()))
              .toList(),
          new StayDuration(duration.amount(), duration.unit()),
          iscedCodes == null ? null : List.copyOf(iscedCodes),
          eqfLevels == null ? null : List.copyOf(eqfLevels),
          language,
          minimumCefr,
          applicationsOpenOn,
          applicationsCloseOn);
    }
  }

  /** Places for one academic year and direction. */
  @Schema(name = "QuotaRequest")
  public record QuotaRequest(
      @NotNull
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Schema(example = "2026/2027")
          String academicYear,
      @NotNull @Schema(example = "SENDING_TO_RECEIVING") Direction direction,
      @Min(0)
          @Max(10000)
          @Schema(
              description = "Omit (or null) for \"not yet defined\": no limit is enforced.",
              example = "20")
          Integer places) {}

  /**
   * Length of one mobility, as a request gives it. Named apart from the domain's {@code
   * StayDuration}, which responses carry: one schema name per shape.
   */
  @Schema(name = "StayDurationRequest")
  public record DurationRequest(
      @NotNull @Min(1) @Max(1000) @Schema(example = "5") Integer amount,
      @NotNull @Schema(example = "MONTHS") StayDuration.Unit unit) {}

  /**
   * Body of {@code POST /programs/{id}/acceptances}: the institution that accepts, acted for by the
   * caller.
   */
  @Schema(name = "ProgramAcceptance")
  public record AcceptanceRequest(
      @NotNull
          @SchacCode
          @Schema(
              description =
                  "The accepting institution: the caller's own organization (a registrar: any named institution).",
              example = "bsuir.by")
          String organizationCode) {}

  /** Body of {@code POST /programs/{id}/suspension}. */
  @Schema(name = "ProgramSuspension")
  public record SuspensionRequest(
      @NotBlank @Size(max = 500) @Schema(example = "Partner laboratory closed for renovation")
          String reason) {}
}
