package org.eurasia.registry.exchange.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A scholarship was awarded to a mobility. The award is its own aggregate (version 0, never changed): awards of one
 * scholarship are separate facts, so ordering them by a shared version would make consumers skip all but the newest.
 * Schema: {@code contract/events/registry.scholarship.v1.schema.json}.
 */
public record ScholarshipAwarded(
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

  public static final String TYPE = "registry.scholarship.awarded.v1";

  public static ScholarshipAwarded of(ScholarshipAward award, Scholarship s) {
    return new ScholarshipAwarded(
        award.id(), s.id(), s.code(), s.funder(), award.mobilityId(), award.participantId(), s.amount(), s.currency(),
        award.awardedAt(), 0);
  }

  @Override
  @JsonIgnore
  public String eventType() {
    return TYPE;
  }

  @Override
  @JsonIgnore
  public String aggregateType() {
    return "scholarship-award";
  }

  @Override
  @JsonIgnore
  public String aggregateId() {
    return awardId.toString();
  }

  @Override
  @JsonIgnore
  public long aggregateVersion() {
    return version;
  }
}
