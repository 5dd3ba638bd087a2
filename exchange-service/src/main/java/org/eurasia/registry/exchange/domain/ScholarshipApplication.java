package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An institution of a mobility applies for a scholarship for it. The application is that
 * institution's consent: it makes the mobility visible to the scholarship's funder (a minimal view,
 * never personal data) and lets the funder award it. A funder may award without one only a mobility
 * it is itself an institution of.
 */
@Entity
@Table(name = "scholarship_application")
public class ScholarshipApplication {

  @Id private UUID id;

  @Column(name = "scholarship_id", nullable = false)
  private UUID scholarshipId;

  @Column(name = "mobility_id", nullable = false)
  private UUID mobilityId;

  /** The institution that applied (and so consented), or the one a registrar recorded it for. */
  @Column(name = "applied_by", nullable = false)
  private String appliedBy;

  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;

  protected ScholarshipApplication() {}

  /**
   * An application by one of the mobility's institutions; the caller has checked it may act for
   * that institution and that the mobility meets the scholarship's eligibility.
   */
  public static ScholarshipApplication apply(
      UUID id, Scholarship scholarship, Mobility mobility, String institution, Instant now) {
    if (!mobility.institutionCodes().contains(institution)) {
      throw new IllegalArgumentException(
          institution + " is not an institution of mobility " + mobility.id());
    }
    ScholarshipApplication a = new ScholarshipApplication();
    a.id = Objects.requireNonNull(id);
    a.scholarshipId = scholarship.id();
    a.mobilityId = mobility.id();
    a.appliedBy = institution;
    a.appliedAt = now;
    return a;
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

  public String appliedBy() {
    return appliedBy;
  }

  public Instant appliedAt() {
    return appliedAt;
  }
}
