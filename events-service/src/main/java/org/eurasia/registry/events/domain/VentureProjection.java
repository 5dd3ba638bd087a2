package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * What events-service knows about a joint venture of agreements-service ({@code
 * registry.venture.v1}): enough to validate a publication's link and show the venture's live
 * status. Ventures are public records.
 */
@Entity
@Table(name = "venture_projection")
public class VentureProjection {

  @Id
  @Column(name = "venture_id")
  private UUID ventureId;

  @Column(nullable = false)
  private String code;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> name;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected VentureProjection() {}

  public VentureProjection(UUID ventureId) {
    this.ventureId = ventureId;
  }

  /**
   * Takes the facts of a venture event. An older version than the one held is ignored by the caller
   * (the copy only moves forward).
   */
  public void reflect(
      String code, Map<String, String> name, String status, long version, Instant now) {
    this.code = code;
    this.name = Map.copyOf(name);
    this.status = status;
    this.version = version;
    this.updatedAt = now;
  }

  public long version() {
    return version;
  }

  public UUID ventureId() {
    return ventureId;
  }

  public String code() {
    return code;
  }

  public Map<String, String> name() {
    return name;
  }

  public String status() {
    return status;
  }
}
