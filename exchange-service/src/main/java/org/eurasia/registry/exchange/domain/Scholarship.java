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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A scholarship: a funder's amount per award, how many awards, and who is eligible. The number
 * already awarded is counted by the database ({@link ScholarshipRepository#takeAward}); this entity
 * never writes it, so a concurrent change of the scholarship's terms cannot overwrite the count.
 */
@Entity
@Table(name = "scholarship")
public class Scholarship {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @JdbcTypeCode(SqlTypes.JSON)
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
  @Column(name = "eligible_eqf_levels", nullable = false)
  private List<Integer> eligibleEqfLevels;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "eligible_isced_codes", nullable = false)
  private List<String> eligibleIscedCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "eligible_directions", nullable = false)
  private List<CountryPair> eligibleDirections;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Scholarship() {}

  public static Scholarship fund(
      UUID id, String code, String funder, ScholarshipTerms terms, Instant now) {
    Scholarship s = new Scholarship();
    s.id = Objects.requireNonNull(id);
    s.code = Objects.requireNonNull(code);
    s.funder = Objects.requireNonNull(funder);
    s.title = new LinkedHashMap<>(terms.title());
    s.amount = terms.amount();
    s.currency = terms.currency();
    s.awards = terms.awards();
    s.eligibleEqfLevels = List.copyOf(terms.eligibleEqfLevels());
    s.eligibleIscedCodes = List.copyOf(terms.eligibleIscedCodes());
    s.eligibleDirections = List.copyOf(terms.eligibleDirections());
    s.createdAt = now;
    s.updatedAt = now;
    return s;
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

  /** The terms it was set up with. */
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
}
