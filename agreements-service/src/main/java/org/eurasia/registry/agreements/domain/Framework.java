package org.eurasia.registry.agreements.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A regional framework agreements can belong to (CPEC, CAREC, EAEU, TAPI, CASA-1000, QTTA, APTTA,
 * SCO, BRI ...), with its member countries over time: a country joins on a date and may leave on
 * another.
 */
@Entity
@Table(name = "framework")
public class Framework {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> names;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Membership> members;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Framework() {}

  public Framework(UUID id, String code, FrameworkTerms terms, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.code = Objects.requireNonNull(code);
    this.createdAt = now;
    revise(terms, now);
  }

  /**
   * Replaces names, description and membership history; a country's periods may not overlap or run
   * backwards.
   */
  public void revise(FrameworkTerms terms, Instant now) {
    List<Membership> members = terms.members();
    for (int i = 0; i < members.size(); i++) {
      Membership m = members.get(i);
      if (m.since() != null && m.until() != null && m.until().compareTo(m.since()) < 0) {
        throw new InvalidValue("members[" + i + "].until", "is before since");
      }
      for (int j = 0; j < i; j++) {
        if (members.get(j).country().equals(m.country()) && members.get(j).overlaps(m)) {
          throw new InvalidValue(
              "members[" + i + "]", "overlaps another membership of " + m.country());
        }
      }
    }
    this.names = new LinkedHashMap<>(terms.names());
    this.description = new LinkedHashMap<>(terms.description());
    this.members = members;
    this.updatedAt = now;
  }

  /** What was last said about it: names, description and membership history. */
  public FrameworkTerms terms() {
    // Map.copyOf, as the maps were always read: the view and the notice keep their order.
    return new FrameworkTerms(Map.copyOf(names), Map.copyOf(description), members);
  }

  /**
   * Whether {@code country} was a member on {@code date} (see {@link Membership#covers}): the
   * framework rule of agreements ({@link Agreement#FRAMEWORK_MEMBERSHIP}).
   */
  public boolean hadMember(String country, PartialDate date) {
    return members.stream().anyMatch(m -> m.country().equals(country) && m.covers(date));
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
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

  /**
   * A country's membership for a period; open-ended when {@code until} is null, of unknown start
   * when {@code since} is.
   */
  public record Membership(String country, PartialDate since, PartialDate until) {
    public Membership {
      Objects.requireNonNull(country);
    }

    /**
     * Whether the membership covers the date. The benefit of the doubt goes to the record: a
     * membership of unknown start covers every day until its end, and a date known only to the
     * month or year is covered when the membership covers any day of it. The day a country left is
     * still covered.
     */
    public boolean covers(PartialDate date) {
      boolean begun = since == null || !date.latest().isBefore(since.earliest());
      boolean notEnded = until == null || !date.earliest().isAfter(until.latest());
      return begun && notEnded;
    }

    boolean overlaps(Membership other) {
      boolean thisEndsBefore =
          until != null && other.since != null && until.compareTo(other.since) < 0;
      boolean otherEndsBefore =
          other.until != null && since != null && other.until.compareTo(since) < 0;
      return !thisEndsBefore && !otherEndsBefore;
    }
  }
}
