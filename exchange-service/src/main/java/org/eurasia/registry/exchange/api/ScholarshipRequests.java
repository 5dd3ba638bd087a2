package org.eurasia.registry.exchange.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.domain.Scholarship.CountryPair;
import org.eurasia.registry.exchange.domain.ScholarshipTerms;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the scholarships API. */
public final class ScholarshipRequests {

  private ScholarshipRequests() {}

  /** Body of {@code POST /scholarships}. */
  @Schema(name = "ScholarshipDraft")
  public record NewScholarship(
      @NotNull
          @Pattern(
              regexp = ProgramRequests.CODE,
              message = "must be 3 to 64 of A-Z, 0-9, '/', '.', '-' such as MOST/PK-BY/2026")
          @Schema(example = "MOST/PK-BY/2027")
          String code,
      @NotNull
          @LanguageTagged
          @Schema(example = "{\"en\": \"Pakistan–Belarus science scholarship\"}")
          Map<String, String> title,
      @NotNull
          @SchacCode
          @Schema(description = "The funding organization.", example = "most.gov.pk")
          String funder,
      @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("1000000000")
          @Schema(description = "Amount per award.", example = "450000")
          BigDecimal amount,
      @NotNull
          @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as PKR")
          @Schema(example = "PKR")
          String currency,
      @NotNull @Min(1) @Max(100000) @Schema(description = "How many awards.", example = "10")
          Integer awards,
      @Valid @Schema(description = "Who may receive it; empty lists mean anyone.")
          Eligibility eligibility) {

    ScholarshipTerms toTerms() {
      return terms(title, amount, currency, awards, eligibility);
    }

    /** The one mapping onto the domain's terms, for setting up and for revising. */
    static ScholarshipTerms terms(
        Map<String, String> title,
        BigDecimal amount,
        String currency,
        int awards,
        Eligibility eligibility) {
      Eligibility e = eligibility == null ? new Eligibility(null, null, null) : eligibility;
      return new ScholarshipTerms(
          title,
          amount,
          currency,
          awards,
          e.eqfLevels() == null ? null : List.copyOf(e.eqfLevels()),
          e.iscedCodes() == null ? null : List.copyOf(e.iscedCodes()),
          e.directions() == null
              ? null
              : e.directions().stream().map(d -> new CountryPair(d.from(), d.to())).toList());
    }
  }

  /**
   * Body of {@code PUT /scholarships/{id}}: the terms of {@link NewScholarship}, whole; the code
   * and funder never change.
   */
  @Schema(name = "ScholarshipTerms")
  public record Terms(
      @NotNull
          @LanguageTagged
          @Schema(example = "{\"en\": \"Pakistan–Belarus science scholarship\"}")
          Map<String, String> title,
      @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("1000000000")
          @Schema(description = "Amount per award.", example = "450000")
          BigDecimal amount,
      @NotNull
          @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as PKR")
          @Schema(example = "PKR")
          String currency,
      @NotNull
          @Min(1)
          @Max(100000)
          @Schema(
              description = "How many awards; never fewer than are made already.",
              example = "12")
          Integer awards,
      @Valid @Schema(description = "Who may receive it; empty lists mean anyone.")
          Eligibility eligibility) {

    ScholarshipTerms toTerms() {
      return NewScholarship.terms(title, amount, currency, awards, eligibility);
    }
  }

  /**
   * Eligibility: EQF levels, ISCED-F fields and directions between countries; an empty list means
   * "any".
   */
  @Schema(name = "Eligibility")
  public record Eligibility(
      @Size(max = 8) @Schema(example = "[7, 8]") Set<@NotNull @Min(5) @Max(8) Integer> eqfLevels,
      @Size(max = 20) @Schema(example = "[\"0533\"]")
          Set<
                  @NotNull
                  @Pattern(
                      regexp = ProgramRequests.ISCED,
                      message = "must be a four-digit ISCED-F 2013 code")
                  String>
              iscedCodes,
      @Size(max = 20) @Schema(example = "[{\"from\": \"PK\", \"to\": \"BY\"}]")
          List<@NotNull @Valid CountryPairRequest> directions) {}

  /**
   * A direction of travel: from one country to another. Named apart from the domain's {@code
   * CountryPair}, which responses carry: one schema name per shape.
   */
  @Schema(name = "CountryPairRequest")
  public record CountryPairRequest(
      @NotNull @CountryCode @Schema(example = "PK") String from,
      @NotNull @CountryCode @Schema(example = "BY") String to) {}

  /** Body of {@code POST /scholarships/{id}/awards}. */
  @Schema(name = "AwardRequest")
  public record AwardRequest(
      @NotNull
          @Schema(
              description =
                  "A mobility that applied for this scholarship, or one the funder is an institution of.",
              example = "5eed0000-0000-4000-8000-0000000c0005")
          UUID mobilityId) {}

  /** Body of {@code POST /scholarships/{id}/applications}. */
  @Schema(name = "ScholarshipApplicationRequest")
  public record ApplicationRequest(
      @NotNull
          @Schema(
              description = "A mobility of the caller's institution.",
              example = "5eed0000-0000-4000-8000-0000000c0005")
          UUID mobilityId) {}
}
