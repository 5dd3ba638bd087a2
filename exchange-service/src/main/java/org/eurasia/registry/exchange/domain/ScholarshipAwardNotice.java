package org.eurasia.registry.exchange.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice an award sends: a scholarship was awarded to a mobility. The award is its own
 * aggregate (version 0, never changed): awards of one scholarship are separate facts, so ordering
 * them by a shared version would make consumers skip all but the newest. Schema: {@code
 * contract/events/registry.scholarship.v1.schema.json}.
 */
public record ScholarshipAwardNotice(
    UUID awardId,
    UUID scholarshipId,
    String scholarshipCode,
    String funder,
    UUID mobilityId,
    UUID participantId,
    BigDecimal amount,
    String currency,
    Instant awardedAt,
    long version)
    implements DomainEvent {

  /** One per award; the scholarship's own changes are {@link ScholarshipNotice}s. */
  public static final String AWARDED = "registry.scholarship.awarded.v1";

  /** The award, with the amount and currency of the scholarship's terms. */
  public static ScholarshipAwardNotice of(ScholarshipAward award, Scholarship s) {
    ScholarshipTerms terms = s.terms();
    return new ScholarshipAwardNotice(
        award.id(),
        s.id(),
        s.code(),
        s.funder(),
        award.mobilityId(),
        award.participantId(),
        terms.amount(),
        terms.currency(),
        award.awardedAt(),
        0);
  }

  @Override
  public String eventType() {
    return AWARDED;
  }

  @Override
  public String aggregateType() {
    return "scholarship-award";
  }

  @Override
  public String aggregateId() {
    return awardId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  /**
   * An award names a mobility and its participant: only the funder (and registrars) learn of it, as
   * only they may list a scholarship's awards.
   */
  @Override
  public Audience audience() {
    return Audience.only(List.of(funder));
  }
}
