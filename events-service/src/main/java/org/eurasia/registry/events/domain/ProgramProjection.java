package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * What events-service knows about an exchange programme, from programme events: enough to validate
 * and show a link, and to decide who may read it (its institutions, and whoever may read its
 * agreement) and link it (an institution that accepted it, or a consenting party of its agreement).
 */
@Entity
@Table(name = "program_projection")
public class ProgramProjection {

  @Id
  @Column(name = "program_id")
  private UUID programId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String status;

  @Column(name = "agreement_id", nullable = false)
  private UUID agreementId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> institutions;

  /**
   * The institutions that accepted the programme (exchange-service's {@code acceptedInstitutions},
   * or what its schema says an older event without it means). Null only in a row nothing has said
   * it of: an unknown consent grants nothing.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "accepted_institutions")
  private List<String> acceptedInstitutions;

  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ProgramProjection() {}

  public ProgramProjection(UUID programId) {
    this.programId = programId;
  }

  public void reflect(
      String code,
      String status,
      UUID agreementId,
      List<String> institutions,
      List<String> acceptedInstitutions,
      long version,
      Instant now) {
    this.code = code;
    this.status = status;
    this.agreementId = agreementId;
    this.institutions = List.copyOf(institutions);
    this.acceptedInstitutions =
        acceptedInstitutions == null ? null : List.copyOf(acceptedInstitutions);
    this.version = version;
    this.updatedAt = now;
  }

  public UUID programId() {
    return programId;
  }

  public String code() {
    return code;
  }

  public String status() {
    return status;
  }

  public UUID agreementId() {
    return agreementId;
  }

  /**
   * Both named institutions, accepted or not: being named lets an institution read the programme.
   */
  public List<String> institutions() {
    return institutions;
  }

  /** The institutions bound by the programme (empty when not known). */
  public List<String> acceptedInstitutions() {
    return acceptedInstitutions == null ? List.of() : acceptedInstitutions;
  }

  public long version() {
    return version;
  }
}
