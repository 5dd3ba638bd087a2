package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A scholarship: a funder's amount per award, how many awards, and who is eligible. The number
 * already awarded is counted by the database ({@link ScholarshipRepository#takeAward}); this entity
 * never writes it, so a concurrent change of the scholarship's terms cannot overwrite the count.
 *
 * <p>Its funder may revise the terms ({@link #revise}) and close it ({@link #close}): a closed
 * scholarship takes no more applications or awards, and the awards made stay.
 */
@Entity
@Table(name = "scholarship")
public class Scholarship {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @Column(nullable = false)
  private String funder;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private int awards;

  /** Read-only here: only the conditional UPDATE in the repository changes it. */
  @Column(insertable = false, updatable = false)
  private int awarded;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "eligible_eqf_levels", nullable = false)
  private List<Integer> eligibleEqfLevels;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "eligible_isced_codes", nullable = false)
  private List<String> eligibleIscedCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "eligible_directions", nullable = false)
  private List<CountryPair> eligibleDirections;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Null while open. */
  @Column(name = "closed_at")
  private Instant closedAt;

  protected Scholarship() {}

  public static Scholarship fund(
      UUID id, String code, String funder, ScholarshipTerms terms, Instant now) {
    Scholarship s = new Scholarship();
    s.id = Objects.requireNonNull(id);
    s.code = Objects.requireNonNull(code);
    s.funder = Objects.requireNonNull(funder);
    s.apply(terms, now);
    s.createdAt = now;
    return s;
  }

  /**
   * Replaces the terms of an open scholarship. Never fewer awards than are made already: {@code
   * awarded} must be read under the row lock the award's UPDATE takes, or an award committed
   * meanwhile would be missed. Awards and applications made stay as they are.
   *
   * @throws StateConflict when the scholarship is closed
   * @throws RuleViolation {@code awards-below-awarded}
   */
  public void revise(ScholarshipTerms terms, Instant now) {
    requireOpen();
    if (terms.awards() < awarded) {
      throw new RuleViolation(
          "awards-below-awarded",
          "awards: scholarship "
              + code
              + " has made "
              + awarded
              + " awards already; it cannot offer fewer");
    }
    apply(terms, now);
  }

  /**
   * Closes the scholarship: no more applications or awards.
   *
   * @throws StateConflict when it is closed already
   */
  public void close(Instant now) {
    requireOpen();
    closedAt = now;
    updatedAt = now;
  }

  /**
   * Refuses applications and awards once the scholarship is closed.
   *
   * @throws RuleViolation {@code scholarship-closed}
   */
  public void requireAwarding() {
    if (closedAt != null) {
      throw new RuleViolation(
          "scholarship-closed",
          "Scholarship "
              + code
              + " was closed at "
              + closedAt
              + "; it takes no more applications or awards");
    }
  }

  private void requireOpen() {
    if (closedAt != null) {
      throw new StateConflict("Scholarship " + code + " was closed at " + closedAt);
    }
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  private void apply(ScholarshipTerms terms, Instant now) {
    title = new LinkedHashMap<>(terms.title());
    amount = terms.amount();
    currency = terms.currency();
    awards = terms.awards();
    eligibleEqfLevels = List.copyOf(terms.eligibleEqfLevels());
    eligibleIscedCodes = List.copyOf(terms.eligibleIscedCodes());
    eligibleDirections = List.copyOf(terms.eligibleDirections());
    updatedAt = now;
  }

  /**
   * Checks that a mobility may receive an award: accepted or under way, and inside every
   * eligibility list that is not empty (an empty list means "any"). Each refusal names the
   * condition.
   */
  public void requireEligible(Mobility m) {
    if (m.status() != MobilityStatus.ACCEPTED && m.status() != MobilityStatus.IN_MOBILITY) {
      throw new RuleViolation(
          "mobility-not-accepted",
          "Mobility " + m.id() + " is " + m.status() + "; awards go to accepted mobilities");
    }
    if (!eligibleEqfLevels.isEmpty()
        && (m.eqfLevel() == null || !eligibleEqfLevels.contains(m.eqfLevel()))) {
      throw new RuleViolation(
          "level-not-eligible",
          "Scholarship "
              + code
              + " is for EQF levels "
              + eligibleEqfLevels
              + "; the mobility has "
              + m.eqfLevel());
    }
    if (!eligibleIscedCodes.isEmpty()
        && (m.iscedCode() == null || !eligibleIscedCodes.contains(m.iscedCode()))) {
      throw new RuleViolation(
          "field-not-eligible",
          "Scholarship "
              + code
              + " is for ISCED-F "
              + eligibleIscedCodes
              + "; the mobility has "
              + m.iscedCode());
    }
    CountryPair way = new CountryPair(m.homeCountry(), m.hostCountry());
    if (!eligibleDirections.isEmpty() && !eligibleDirections.contains(way)) {
      throw new RuleViolation(
          "direction-not-eligible",
          "Scholarship " + code + " is for " + eligibleDirections + "; the mobility goes " + way);
    }
  }

  /** A direction of travel between two countries, e.g. PK to BY. */
  public record CountryPair(String from, String to) {
    @Override
    public String toString() {
      return from + "-" + to;
    }
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String funder() {
    return funder;
  }

  /** Its terms as they stand: as set up, or as last revised. */
  public ScholarshipTerms terms() {
    return new ScholarshipTerms(
        Map.copyOf(title),
        amount,
        currency,
        awards,
        eligibleEqfLevels,
        eligibleIscedCodes,
        eligibleDirections);
  }

  public int awards() {
    return awards;
  }

  public int awarded() {
    return awarded;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }
}
