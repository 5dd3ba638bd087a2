package org.eurasia.registry.agreements.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementTerms;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.PartialDate;
import org.eurasia.registry.agreements.domain.Party;
import org.eurasia.registry.agreements.domain.PartyRole;
import org.eurasia.registry.agreements.domain.Visibility;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.validation.LanguageCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the agreements API. */
public final class AgreementRequests {

  static final String CODE = "^[A-Z0-9][A-Z0-9/.\\-]{2,63}$";

  private AgreementRequests() {}

  /** Body of {@code POST /agreements}: a new draft. */
  @Schema(name = "AgreementDraft")
  public record NewAgreement(
      @NotNull
          @Pattern(
              regexp = CODE,
              message = "must be 3 to 64 of A-Z, 0-9, '/', '.', '-' such as PK-BY/MOU/2021/ST-014")
          @Schema(description = "Human-readable unique code.", example = "PK-BY/MOU/2026/ST-101")
          String code,
      @NotNull @Valid @Schema(implementation = Terms.class) Terms terms) {}

  /**
   * The negotiable content of a draft; the body of {@code PUT /agreements/{id}}. The agreement an
   * amendment amends is not part of it: it comes from the path of {@code POST
   * /agreements/{id}/amendments} and never changes.
   */
  @Schema(
      name = "AgreementTerms",
      description =
          "The negotiable content of a draft. Text fields are single-line (no "
              + "control characters) except `summary`, whose texts may hold line feeds and tabs.")
  public record Terms(
      @NotNull
          @Schema(
              description =
                  "AMENDMENT only through POST /agreements/{id}/amendments; a revision may not change "
                      + "the kind to or from AMENDMENT.",
              example = "MEMORANDUM_OF_UNDERSTANDING")
          AgreementKind kind,
      @Schema(
              description =
                  "Defaults to PUBLIC. CONFIDENTIAL agreements are visible only to their parties. An amendment "
                      + "of a PUBLIC agreement must be PUBLIC.")
          Visibility visibility,
      @NotNull
          @LanguageTagged
          @Schema(
              description = "Single-line texts by ISO 639-1 language; `en` required.",
              example =
                  "{\"en\": \"MoU on cooperation in physics\", \"ru\": \"Меморандум о сотрудничестве в области физики\"}")
          Map<String, String> title,
      @LanguageTagged(
              required = {},
              maxLength = 4000)
          @MultiLine
          @Schema(
              description =
                  "Multi-line texts by language: line feeds and tabs allowed (CR LF is stored as LF).")
          Map<String, String> summary,
      @NotNull
          @Size(min = 2, max = 50)
          @Schema(
              description = "Two or more parties, each organization once; at least one SIGNATORY.",
              example =
                  "[{\"organizationCode\": \"qau.edu.pk\", \"role\": \"SIGNATORY\"}, {\"organizationCode\": \"bsu.by\", \"role\": \"SIGNATORY\"}]")
          List<@NotNull @Valid PartyRef> parties,
      @Size(max = 20) @Schema(example = "[\"SCIENCE_AND_TECHNOLOGY\", \"HIGHER_EDUCATION\"]")
          Set<@NotNull CooperationField> fields,
      @Size(max = 50)
          Set<
                  @NotNull
                  @Pattern(regexp = "^\\d{4}$", message = "must be a four-digit ISCED-F 2013 code")
                  String>
              iscedCodes,
      @Size(max = 20)
          Set<
                  @NotNull
                  @Pattern(
                      regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$",
                      message = "must be a framework code such as CPEC")
                  String>
              frameworks,
      @Size(max = 12)
          @Schema(
              description = "ISO 639-1 languages of the authentic texts.",
              example = "[\"en\", \"ru\", \"ur\"]")
          Set<@NotNull @LanguageCode String> languages,
      @Size(max = 30) List<@NotNull @Valid DocumentRef> documents,
      @Min(1) @Max(1200) @Schema(description = "Duration after entry into force.", example = "60")
          Integer durationMonths,
      @Schema(description = "Explicit expiry date (else computed from the duration).")
          LocalDate expiresOn,
      @Schema(description = "Renew for another duration when it expires.") Boolean autoRenewal,
      @Valid
          @Schema(
              description =
                  "Registrar only (403 for anyone else): let the agreement name frameworks some party's "
                      + "country is not a member of today (else 422 rule-violated `framework-membership`). Not a "
                      + "term: recorded on the agreement as `frameworkOverride` (who, when, why, which countries) "
                      + "only when the rule would have refused, and replaced by the next revision.")
          FrameworkOverrideRequest frameworkOverride) {

    /** The reason of a registrar's override of the framework rule, when one was requested. */
    String overrideReason() {
      return frameworkOverride == null ? null : frameworkOverride.reason();
    }

    /** The terms proposed; the domain's record applies the defaults. */
    AgreementTerms toTerms() {
      return new AgreementTerms(
          kind,
          visibility,
          title,
          summary,
          parties.stream()
              .map(
                  p ->
                      new AgreementTerms.NamedParty(
                          p.organizationCode(),
                          p.role(),
                          Boolean.TRUE.equals(p.ratificationRequired())))
              .toList(),
          listOf(fields),
          listOf(iscedCodes),
          listOf(frameworks),
          listOf(languages),
          documents == null
              ? null
              : documents.stream()
                  .map(d -> new Agreement.Document(d.url(), d.language(), d.sha256()))
                  .toList(),
          durationMonths,
          expiresOn,
          Boolean.TRUE.equals(autoRenewal));
    }

    private static <T> List<T> listOf(Set<T> set) {
      return set == null ? null : List.copyOf(set);
    }
  }

  /**
   * A registrar's override of the framework membership rule: why the agreement may name frameworks
   * some of its parties' countries were not members of.
   */
  @Schema(name = "FrameworkOverrideRequest")
  public record FrameworkOverrideRequest(
      @NotBlank
          @Size(max = 1000)
          @Schema(
              example =
                  "Belarus takes part in CPEC projects as a partner country under a separate agreement")
          String reason) {}

  /** Where an authentic text is, its language, and the SHA-256 of the file. */
  @Schema(name = "DocumentRef")
  public record DocumentRef(
      @NotNull
          @Size(max = 2000)
          @Pattern(regexp = "^https://[^\\s]+$", message = "must be an https URL")
          @Schema(example = "https://docs.registry.example/PK-BY-MOU-2026-ST-101-en.pdf")
          String url,
      @NotNull @LanguageCode @Schema(example = "en") String language,
      @NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lower-case hex SHA-256")
          String sha256) {}

  /** A party named by its organization code. */
  @Schema(
      name = "PartyRef",
      description =
          "Naming an organization binds it to nothing: a signatory consents by signing, "
              + "any other role by its own acceptance; until then it is invited.")
  public record PartyRef(
      @NotNull @SchacCode @Schema(example = "qau.edu.pk") String organizationCode,
      @NotNull @Schema(example = "SIGNATORY") PartyRole role,
      @Schema(
              description =
                  "A signatory that must ratify (or approve, or accept) after signing before entry into force; "
                      + "only signatories ratify.")
          Boolean ratificationRequired) {}

  /** Body of {@code POST /agreements/{id}/signatures}. */
  @Schema(name = "SignatureRequest")
  public record SignatureRequest(
      @NotNull @SchacCode @Schema(description = "The signing party.", example = "qau.edu.pk")
          String organizationCode,
      @NotNull
          @Pattern(
              regexp = "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
              message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
          @Schema(
              description = "Signature date, possibly known only to the month or year.",
              example = "2026-03-15")
          String date,
      @Size(max = 200) @Schema(example = "Islamabad") String place,
      @Size(max = 200) @Schema(example = "Vice-Chancellor") String signerTitle,
      @Valid
          @Schema(
              description =
                  "Registrar only (403 for anyone else): when this is the last signature, let the agreement "
                      + "name frameworks some party's country was not a member of on the signing date (else 422 "
                      + "rule-violated `framework-membership`); recorded as the agreement's `frameworkOverride`.")
          FrameworkOverrideRequest frameworkOverride) {

    String overrideReason() {
      return frameworkOverride == null ? null : frameworkOverride.reason();
    }

    Party.Signature toSignature() {
      try {
        return new Party.Signature(PartialDate.parse(date), place, signerTitle);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("date", e.getMessage());
      }
    }
  }

  /**
   * Body of {@code POST /agreements/{id}/acceptances}: a non-signing party's consent to being
   * named.
   */
  @Schema(name = "AcceptanceRequest")
  public record AcceptanceRequest(
      @NotNull
          @SchacCode
          @Schema(description = "The accepting party (not a signatory).", example = "most.gov.pk")
          String organizationCode,
      @Pattern(
              regexp = "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
              message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
          @Schema(
              description = "Date of the acceptance; defaults to today (UTC).",
              example = "2026-05-04")
          String date) {

    PartialDate toDate() {
      if (date == null) {
        return null;
      }
      try {
        return PartialDate.parse(date);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("date", e.getMessage());
      }
    }
  }

  /** Body of {@code POST /agreements/{id}/ratifications}. */
  @Schema(name = "RatificationRequest")
  public record RatificationRequest(
      @NotNull @SchacCode @Schema(example = "most.gov.pk") String organizationCode,
      @NotNull
          @Pattern(
              regexp = "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
              message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
          @Schema(example = "2026-04-20")
          String date,
      @NotNull @Schema(example = "RATIFICATION") Party.RatificationKind kind) {

    Party.Ratification toRatification() {
      try {
        return new Party.Ratification(PartialDate.parse(date), kind);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("date", e.getMessage());
      }
    }
  }

  /** Body of {@code POST /agreements/{id}/entry-into-force}. */
  @Schema(name = "EntryIntoForceRequest")
  public record EntryIntoForceRequest(@NotNull @Schema(example = "2026-04-01") LocalDate date) {}

  /** Body of {@code POST /agreements/{id}/suspension}. */
  @Schema(name = "SuspensionRequest")
  public record SuspensionRequest(
      @NotBlank @Size(max = 1000) @Schema(example = "Programme under review") String reason) {}

  /** Body of {@code POST /agreements/{id}/withdrawal}. */
  @Schema(name = "WithdrawalRequest")
  public record WithdrawalRequest(
      @NotBlank
          @Size(max = 1000)
          @Schema(example = "Superseded by a trilateral memorandum with BSUIR")
          String reason) {}

  /** Body of {@code POST /agreements/{id}/termination}. */
  @Schema(name = "TerminationRequest")
  public record TerminationRequest(
      @NotNull @Schema(example = "2026-12-31") LocalDate date,
      @NotBlank @Size(max = 1000) @Schema(example = "Denunciation by bsu.by") String reason) {}
}
