package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One award of a scholarship to one mobility; a mobility receives a given scholarship at most once.
 */
@Entity
@Table(name = "scholarship_award")
public class ScholarshipAward {

  @Id private UUID id;

  @Column(name = "scholarship_id", nullable = false)
  private UUID scholarshipId;

  @Column(name = "mobility_id", nullable = false)
  private UUID mobilityId;

  @Column(name = "participant_id", nullable = false)
  private UUID participantId;

  @Column(name = "awarded_at", nullable = false)
  private Instant awardedAt;

  protected ScholarshipAward() {}

  public ScholarshipAward(UUID id, Scholarship scholarship, Mobility mobility, Instant now) {
    this.id = id;
    this.scholarshipId = scholarship.id();
    this.mobilityId = mobility.id();
    this.participantId = mobility.participantId();
    this.awardedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID scholarshipId() {
    return scholarshipId;
  }

  public UUID mobilityId() {
    return mobilityId;
  }

  public UUID participantId() {
    return participantId;
  }

  public Instant awardedAt() {
    return awardedAt;
  }
}
