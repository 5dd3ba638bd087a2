package org.eurasia.registry.agreements.client;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A consuming service's copy of an agreement, built only from agreement events (never from
 * agreements-service's database): the columns of its {@code agreement_projection} table and the
 * rules every consumer reads the same way. Each service maps its own entity onto its own table by
 * subclassing this and adds the questions only it asks.
 */
@MappedSuperclass
public abstract class AgreementProjectionBase {

  @Id
  @Column(name = "agreement_id")
  private UUID agreementId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private String visibility;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<PartyFact> parties;

  /** Fields of cooperation ({@code CooperationField} names), as the last event stated them. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> fields = List.of();

  /** Framework codes (e.g. {@code CPEC}), as the last event stated them. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> frameworks = List.of();

  /**
   * The agreement's version this copy reflects (not an optimistic lock: the copy only moves
   * forward).
   */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AgreementProjectionBase() {}

  protected AgreementProjectionBase(UUID agreementId) {
    this.agreementId = agreementId;
  }

  /** Takes the facts of a newer agreement version. */
  public void reflect(
      String code,
      String status,
      String visibility,
      List<PartyFact> parties,
      long version,
      Instant now) {
    this.code = code;
    this.status = status;
    this.visibility = visibility;
    this.parties = List.copyOf(parties);
    this.version = version;
    this.updatedAt = now;
  }

  /**
   * Takes the fields and frameworks of the same newer version. Apart from {@link #reflect} because
   * they are what lists and statistics filter and group by, not what decides rights.
   */
  public void reflectScope(List<String> fields, List<String> frameworks) {
    this.fields = List.copyOf(fields);
    this.frameworks = List.copyOf(frameworks);
  }

  public boolean isConfidential() {
    return "CONFIDENTIAL".equals(visibility);
  }

  /**
   * Every named party, consented or not: being named lets one read a confidential agreement, never
   * act under it.
   */
  public Set<String> partyCodes() {
    return parties.stream()
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The parties that agreed to be bound: only they give rights and may act on the agreement. */
  public List<PartyFact> consentingParties() {
    return parties.stream().filter(PartyFact::consented).toList();
  }

  public Set<String> consentingPartyCodes() {
    return consentingParties().stream()
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  public UUID agreementId() {
    return agreementId;
  }

  public String code() {
    return code;
  }

  public String status() {
    return status;
  }

  public String visibility() {
    return visibility;
  }

  public List<PartyFact> parties() {
    return parties;
  }

  public List<String> fields() {
    return fields;
  }

  public List<String> frameworks() {
    return frameworks;
  }

  public long version() {
    return version;
  }
}
