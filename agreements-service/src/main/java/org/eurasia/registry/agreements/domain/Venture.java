package org.eurasia.registry.agreements.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A joint venture: a joint research centre, laboratory, institute or degree, an academic network, a
 * joint enterprise, or an investment or infrastructure project (TAPI, CASA-1000), founded under
 * agreements. Partners are named by whoever proposes it and consent one by one: a named partner is
 * only invited until it accepts, and the proposer's own organization has consented by proposing.
 */
@Entity
@Table(name = "venture")
public class Venture {

  static final Lifecycle<VentureStatus> LIFECYCLE =
      Lifecycle.of(VentureStatus.class, "a venture")
          .in(VentureStatus.PROPOSED, "revise", "accept", "establish", "dissolve")
          .in(VentureStatus.ESTABLISHED, "revise", "accept", "operate", "suspend", "dissolve")
          .in(VentureStatus.OPERATING, "revise", "accept", "suspend", "dissolve")
          .in(VentureStatus.SUSPENDED, "revise", "accept", "resume", "dissolve")
          .build();

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private VentureKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private VentureStatus status;

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
  private List<VenturePartner> partners;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "agreement_ids", nullable = false)
  private List<UUID> agreementIds;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<CooperationField> fields;

  @Column(name = "seat_country")
  private String seatCountry;

  @Column(name = "seat_city")
  private String seatCity;

  @Column(name = "committed_amount")
  private BigDecimal committedAmount;

  @Column(name = "committed_currency")
  private String committedCurrency;

  @Column(name = "disbursed_amount")
  private BigDecimal disbursedAmount;

  @Column(name = "disbursed_currency")
  private String disbursedCurrency;

  @Column(name = "established_on")
  private LocalDate establishedOn;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Venture() {}

  /**
   * Proposes a venture; {@code proposer} is the organization the proposing partner acts for (its
   * consent is the proposal), null when a registrar proposes it for others.
   */
  public Venture(
      UUID id,
      String code,
      VentureTerms terms,
      Map<String, String> countries,
      String proposer,
      LocalDate today,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.code = Objects.requireNonNull(code);
    this.status = VentureStatus.PROPOSED;
    this.createdAt = now;
    apply(terms, countries, List.of(), proposer, today, now);
  }

  /**
   * Replaces what is said about it. A partner keeps its consent while it is named in the same role
   * with the same contribution; a changed commitment is a new invitation, except for the reviser's
   * own organization, whose revision is its consent.
   */
  public void revise(
      VentureTerms terms,
      Map<String, String> countries,
      String reviser,
      LocalDate today,
      Instant now) {
    LIFECYCLE.require(status, "revise");
    apply(terms, countries, partners, reviser, today, now);
  }

  private void apply(
      VentureTerms terms,
      Map<String, String> countries,
      List<VenturePartner> before,
      String actingFor,
      LocalDate today,
      Instant now) {
    List<VenturePartner> named =
        terms.partners().stream()
            .map(
                p ->
                    new VenturePartner(
                        p.organizationCode(),
                        countries.get(p.organizationCode()),
                        p.role(),
                        p.equitySharePercent(),
                        p.inKind(),
                        null))
            .toList();
    if (named.isEmpty()) {
      throw new InvalidValue("partners", "must name at least one partner");
    }
    Set<String> codes = new HashSet<>();
    BigDecimal equity = BigDecimal.ZERO;
    for (int i = 0; i < named.size(); i++) {
      VenturePartner p = named.get(i);
      if (!codes.add(p.organizationCode())) {
        throw new InvalidValue(
            "partners[" + i + "].organizationCode", "names " + p.organizationCode() + " twice");
      }
      if (p.equitySharePercent() != null && p.inKind() != null) {
        throw new InvalidValue(
            "partners[" + i + "]", "contributes either an equity share or in kind, not both");
      }
      if (p.equitySharePercent() != null) {
        equity = equity.add(p.equitySharePercent());
      }
    }
    if (equity.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidValue("partners", "equity shares add up to " + equity + "%, over 100%");
    }
    Money committed = terms.committed();
    Money disbursed = terms.disbursed();
    if (committed != null && disbursed != null) {
      if (!committed.currency().equals(disbursed.currency())) {
        throw new InvalidValue("disbursed.currency", "differs from the committed currency");
      }
      if (disbursed.amount().compareTo(committed.amount()) > 0) {
        throw new InvalidValue("disbursed.amount", "exceeds the committed amount");
      }
    }
    List<VenturePartner> partners = new ArrayList<>();
    for (VenturePartner p : named) {
      LocalDate accepted = null;
      if (p.organizationCode().equals(actingFor)) {
        accepted =
            before.stream()
                .filter(b -> b.organizationCode().equals(actingFor) && b.consented())
                .map(VenturePartner::acceptedOn)
                .findFirst()
                .orElse(today);
      } else {
        accepted =
            before.stream()
                .filter(b -> b.consented() && b.sameCommitment(p))
                .map(VenturePartner::acceptedOn)
                .findFirst()
                .orElse(null);
      }
      partners.add(p.acceptedOn(accepted));
    }
    this.kind = Objects.requireNonNull(terms.kind());
    this.names = new LinkedHashMap<>(terms.names());
    this.description = new LinkedHashMap<>(terms.description());
    this.partners = List.copyOf(partners);
    this.agreementIds = List.copyOf(new TreeSet<>(terms.agreementIds()));
    this.fields = List.copyOf(new TreeSet<>(terms.fields()));
    this.seatCountry = terms.seatCountry();
    this.seatCity = terms.seatCity();
    this.committedAmount = committed == null ? null : committed.amount();
    this.committedCurrency = committed == null ? null : committed.currency();
    this.disbursedAmount = disbursed == null ? null : disbursed.amount();
    this.disbursedCurrency = disbursed == null ? null : disbursed.currency();
    this.updatedAt = now;
  }

  /** The named partner accepts: from now on it shows as a partner. */
  public void accept(String organizationCode, LocalDate on, Instant now) {
    LIFECYCLE.require(status, "accept");
    List<VenturePartner> next = new ArrayList<>();
    boolean found = false;
    for (VenturePartner p : partners) {
      if (p.organizationCode().equals(organizationCode)) {
        if (p.consented()) {
          throw new StateConflict(organizationCode + " already accepted on " + p.acceptedOn());
        }
        found = true;
        next.add(p.acceptedOn(on));
      } else {
        next.add(p);
      }
    }
    if (!found) {
      throw new RuleViolation(
          "not-named", organizationCode + " is not named as a partner of venture " + code);
    }
    this.partners = List.copyOf(next);
    this.updatedAt = now;
  }

  /** Constituted: from proposal to an established venture, on a date. */
  public void establish(LocalDate on, Instant now) {
    LIFECYCLE.require(status, "establish");
    requireConsentedPartner();
    this.establishedOn = on;
    move(VentureStatus.ESTABLISHED, now);
  }

  public void operate(Instant now) {
    LIFECYCLE.require(status, "operate");
    move(VentureStatus.OPERATING, now);
  }

  public void suspend(Instant now) {
    LIFECYCLE.require(status, "suspend");
    move(VentureStatus.SUSPENDED, now);
  }

  public void resume(Instant now) {
    LIFECYCLE.require(status, "resume");
    move(VentureStatus.OPERATING, now);
  }

  public void dissolve(Instant now) {
    LIFECYCLE.require(status, "dissolve");
    move(VentureStatus.DISSOLVED, now);
  }

  private void requireConsentedPartner() {
    if (consentedPartnerCodes().isEmpty()) {
      throw new RuleViolation(
          "partner-consent", "A venture is established once one of its named partners accepted");
    }
  }

  private void move(VentureStatus next, Instant now) {
    this.status = next;
    this.updatedAt = now;
  }

  /** The commands its status allows, as the API names them. */
  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  /** The organizations that accepted: the venture's partners. */
  public Set<String> consentedPartnerCodes() {
    Set<String> codes = new TreeSet<>();
    partners.stream()
        .filter(VenturePartner::consented)
        .forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  public Set<String> partnerCodes() {
    Set<String> codes = new TreeSet<>();
    partners.forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public VentureKind kind() {
    return kind;
  }

  public VentureStatus status() {
    return status;
  }

  public Map<String, String> names() {
    return Map.copyOf(names);
  }

  public Map<String, String> description() {
    return Map.copyOf(description);
  }

  public List<VenturePartner> partners() {
    return partners;
  }

  public List<UUID> agreementIds() {
    return agreementIds;
  }

  public List<CooperationField> fields() {
    return fields;
  }

  public String seatCountry() {
    return seatCountry;
  }

  public String seatCity() {
    return seatCity;
  }

  public Money committed() {
    return committedAmount == null ? null : new Money(committedAmount, committedCurrency);
  }

  public Money disbursed() {
    return disbursedAmount == null ? null : new Money(disbursedAmount, disbursedCurrency);
  }

  public LocalDate establishedOn() {
    return establishedOn;
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
