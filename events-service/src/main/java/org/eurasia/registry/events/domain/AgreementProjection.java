package org.eurasia.registry.events.domain;

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
 * What events-service knows about an agreement, from agreement events: enough to validate a link,
 * to show the agreement's current status next to an event, and to keep confidential agreements to
 * their parties.
 */
@Entity
@Table(name = "agreement_projection")
public class AgreementProjection {

  /** Statuses of an agreement not yet in force: the only ones a signing ceremony may be about. */
  static final Set<String> NOT_YET_IN_FORCE = Set.of("DRAFT", "SIGNED");

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

  /** The agreement's version this copy reflects. */
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

  public boolean isNotYetInForce() {
    return NOT_YET_IN_FORCE.contains(status);
  }

  public boolean isConfidential() {
    return "CONFIDENTIAL".equals(visibility);
  }

  /**
   * Every organization the agreement names, consented or not: being named lets one read a
   * confidential agreement.
   */
  public Set<String> partyCodes() {
    return parties.stream()
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The parties that agreed to be named (see {@link PartyFact#consenting()}): only they may act on
   * the agreement here.
   */
  public Set<String> consentingPartyCodes() {
    return parties.stream()
        .filter(PartyFact::consenting)
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The parties named to sign, whether or not they have signed yet. */
  public Set<String> signatoryCodes() {
    return parties.stream()
        .filter(PartyFact::signatory)
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

  public long version() {
    return version;
  }

  /**
   * A party of the agreement as agreement events describe it. {@code consented} is null in events
   * written before agreements-service published it (and in rows projected from them): then, as its
   * schema says, a signatory counts as consented once it signed and any other role as not
   * consented.
   */
  public record PartyFact(
      String organizationCode, String country, String role, boolean signed, Boolean consented) {

    // Derived, not stored: the row's JSON keeps what the event said. Hibernate writes records with
    // Jackson, which
    // takes their components and any get/is accessor; these two have no such prefix, so they stay
    // out of the row.

    /** Whether the party is named to sign. */
    public boolean signatory() {
      return "SIGNATORY".equals(role);
    }

    /**
     * Whether the party consented: as the event says, or for older events a signatory that signed.
     */
    public boolean consenting() {
      return consented != null ? consented : signatory() && signed;
    }
  }
}
