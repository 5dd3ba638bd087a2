package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What events-service knows about an exchange programme, from programme events: enough to validate and show a link. */
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
  @Column(nullable = false)
  private List<String> institutions;

  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ProgramProjection() {}

  public ProgramProjection(UUID programId) {
    this.programId = programId;
  }

  public void reflect(String code, String status, UUID agreementId, List<String> institutions, long version, Instant now) {
    this.code = code;
    this.status = status;
    this.agreementId = agreementId;
    this.institutions = List.copyOf(institutions);
    this.version = version;
    this.updatedAt = now;
  }

  public UUID programId() { return programId; }
  public String code() { return code; }
  public String status() { return status; }
  public UUID agreementId() { return agreementId; }
  public long version() { return version; }
}
