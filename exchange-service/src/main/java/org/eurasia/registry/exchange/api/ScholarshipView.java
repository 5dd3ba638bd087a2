package org.eurasia.registry.exchange.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.application.ScholarshipService;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.Scholarship;
import org.eurasia.registry.exchange.domain.ScholarshipApplication;
import org.eurasia.registry.exchange.domain.ScholarshipAward;
import org.eurasia.registry.exchange.domain.ScholarshipTerms;

/** A scholarship as the API shows it, with how many awards are left. */
@Schema(name = "Scholarship")
public record ScholarshipView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000d0001") UUID id,
    String code,
    Map<String, String> title,
    String funder,
    @Schema(description = "Per award.") BigDecimal amount,
    String currency,
    int awards,
    int awarded,
    int remaining,
    List<Integer> eligibleEqfLevels,
    List<String> eligibleIscedCodes,
    List<Scholarship.CountryPair> eligibleDirections,
    @Schema(
            nullable = true,
            description =
                "When its funder closed it: no more applications or awards. Null while open.")
        Instant closedAt,
    long version,
    Instant createdAt) {

  /** The scholarship's terms, with how many awards are made and left. */
  static ScholarshipView of(Scholarship s) {
    ScholarshipTerms terms = s.terms();
    return new ScholarshipView(
        s.id(),
        s.code(),
        terms.title(),
        s.funder(),
        terms.amount(),
        terms.currency(),
        terms.awards(),
        s.awarded(),
        terms.awards() - s.awarded(),
        terms.eligibleEqfLevels(),
        terms.eligibleIscedCodes(),
        terms.eligibleDirections(),
        s.closedAt(),
        s.version(),
        s.createdAt());
  }

  /**
   * An application for a scholarship, with the part of its mobility the funder may see once an
   * institution applied: never the participant or any personal data; the programme's code only when
   * the reader may see the programme.
   */
  @Schema(name = "ScholarshipApplication")
  public record ApplicationView(
      UUID id,
      UUID scholarshipId,
      @Schema(
              description =
                  "The institution that applied, and so consented to show the mobility to the funder.")
          String appliedBy,
      Instant appliedAt,
      ApplicantMobility mobility) {

    static ApplicationView of(ScholarshipService.ApplicationSeen seen) {
      ScholarshipApplication a = seen.application();
      Mobility m = seen.mobility();
      return new ApplicationView(
          a.id(),
          a.scholarshipId(),
          a.appliedBy(),
          a.appliedAt(),
          new ApplicantMobility(
              m.id(),
              m.programId(),
              seen.programCode(),
              m.programKind(),
              m.academicYear(),
              m.direction(),
              m.homeCountry(),
              m.hostCountry(),
              m.eqfLevel(),
              m.iscedCode(),
              m.status()));
    }
  }

  /**
   * What a funder sees of a mobility that applied: what its eligibility is about, nothing about the
   * person.
   */
  @Schema(name = "ApplicantMobility")
  public record ApplicantMobility(
      UUID id,
      UUID programId,
      @Schema(
              nullable = true,
              description =
                  "Null when the reader may not see the programme (one under a confidential agreement).")
          String programCode,
      ProgramKind programKind,
      String academicYear,
      Direction direction,
      String homeCountry,
      String hostCountry,
      @Schema(nullable = true) Integer eqfLevel,
      @Schema(nullable = true) String iscedCode,
      MobilityStatus status) {}

  /** One award. */
  @Schema(name = "ScholarshipAward")
  public record AwardView(
      UUID id, UUID scholarshipId, UUID mobilityId, UUID participantId, Instant awardedAt) {
    static AwardView of(ScholarshipAward a) {
      return new AwardView(
          a.id(), a.scholarshipId(), a.mobilityId(), a.participantId(), a.awardedAt());
    }
  }
}
