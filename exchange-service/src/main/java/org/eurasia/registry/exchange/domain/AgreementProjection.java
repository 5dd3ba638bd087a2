package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What exchange-service knows about an agreement: enough to decide whether a programme may run under it (its status
 * and its parties). Built from agreement events; the agreement itself belongs to agreements-service.
 */
@Entity
@Table(name = "agreement_projection")
public class AgreementProjection {

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
  @Column(nullable = false)
  private List<PartyFact> parties;

  /** The agreement's version this copy reflects (not an optimistic lock: the copy only moves forward). */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AgreementProjection() {}

  public AgreementProjection(UUID agreementId) {
    this.agreementId = agreementId;
  }

  /** Takes the facts of a newer agreement version. */
  public void reflect(String code, String status, String visibility, List<PartyFact> parties, long version, Instant now) {
    this.code = code;
    this.status = status;
    this.visibility = visibility;
    this.parties = List.copyOf(parties);
    this.version = version;
    this.updatedAt = now;
  }

  public boolean isInForce() {
    return "IN_FORCE".equals(status);
  }

  public boolean isConfidential() {
    return "CONFIDENTIAL".equals(visibility);
  }

  public Set<String> partyCodes() {
    return parties.stream().map(PartyFact::organizationCode).collect(Collectors.toUnmodifiableSet());
  }

  public UUID agreementId() { return agreementId; }
  public String code() { return code; }
  public String status() { return status; }
  public String visibility() { return visibility; }
  public List<PartyFact> parties() { return parties; }
  public long version() { return version; }

  /** A party of the agreement as agreement events describe it. */
  public record PartyFact(String organizationCode, String country, String role, boolean signed) {}
}
