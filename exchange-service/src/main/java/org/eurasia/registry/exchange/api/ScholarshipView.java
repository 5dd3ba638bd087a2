package org.eurasia.registry.exchange.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.domain.Scholarship;
import org.eurasia.registry.exchange.domain.ScholarshipAward;

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
    long version,
    Instant createdAt) {

  static ScholarshipView of(Scholarship s) {
    return new ScholarshipView(
        s.id(), s.code(), s.title(), s.funder(), s.amount(), s.currency(), s.awards(), s.awarded(), s.awards() - s.awarded(),
        s.eligibleEqfLevels(), s.eligibleIscedCodes(), s.eligibleDirections(), s.version(), s.createdAt());
  }

  /** One award. */
  @Schema(name = "ScholarshipAward")
  public record AwardView(UUID id, UUID scholarshipId, UUID mobilityId, UUID participantId, Instant awardedAt) {
    static AwardView of(ScholarshipAward a) {
      return new AwardView(a.id(), a.scholarshipId(), a.mobilityId(), a.participantId(), a.awardedAt());
    }
  }
}
