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
 * What exchange-service knows about an agreement: enough to decide whether a programme may run
 * under it (its status and its parties) and who may read it. Built from agreement events; the
 * agreement itself belongs to agreements-service.
 *
 * <p>Being named is not being bound: a party counts for rights (which institutions the agreement
 * covers) only once it consented ({@link PartyFact#consented()}); every named party may still read
 * a confidential agreement and what runs under it.
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

  /**
   * The agreement's version this copy reflects (not an optimistic lock: the copy only moves
   * forward).
   */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AgreementProjection() {}

  public AgreementProjection(UUID agreementId) {
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

  public boolean isInForce() {
    return "IN_FORCE".equals(status);
  }

  public boolean isConfidential() {
    return "CONFIDENTIAL".equals(visibility);
  }

  /**
   * Every named party, consented or not: being named lets one see a confidential agreement, never
   * act under it.
   */
  public Set<String> partyCodes() {
    return parties.stream()
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The parties that agreed to be bound: only they give rights (coverage of institutions). */
  public List<PartyFact> consentingParties() {
    return parties.stream().filter(PartyFact::consented).toList();
  }

  /**
   * Whether an organization may read this agreement (and so name it, and learn its code and
   * status): anyone when it is public; when confidential, only its named parties. Registrars read
   * everything; the caller checks that.
   *
   * @param organization the organization a partner acts for, or null for a caller acting for none
   */
  public boolean isReadableBy(String organization) {
    return !isConfidential() || (organization != null && partyCodes().contains(organization));
  }

  /**
   * How a text that an institution of one of its programmes may read names this agreement: by code
   * when public; a confidential agreement's code and status are only for its parties, and those
   * institutions need not be parties.
   */
  public String label() {
    return isConfidential() ? "the agreement" : "agreement " + code;
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

  public long version() {
    return version;
  }

  /**
   * A party of the agreement as agreement events describe it, with whether it consented to be named
   * (a signatory by signing, any other role by its own acceptance).
   */
  public record PartyFact(
      String organizationCode, String country, String role, boolean signed, boolean consented) {

    /**
     * From an agreement event. {@code consented} is absent in events written before
     * agreements-service published it: then, as its contract says, a signatory counts as consented
     * when it signed, any other role as not consented.
     */
    public static PartyFact announced(
        String organizationCode, String country, String role, boolean signed, Boolean consented) {
      boolean agreed = consented != null ? consented : "SIGNATORY".equals(role) && signed;
      return new PartyFact(organizationCode, country, role, signed, agreed);
    }
  }
}
