package org.eurasia.registry.agreements.client;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A consuming service's copy of a directory entry, built only from organization events: the columns
 * of its {@code organization_projection} table and the questions every consumer asks of it. A
 * retired organization stays (records that named it keep resolving) but may not be named by new
 * ones. Each service maps its own entity onto its own table by subclassing this.
 */
@MappedSuperclass
public abstract class OrganizationProjectionBase {

  /** Kinds that act for their state: their agreements cover the institutions of their country. */
  static final Set<String> STATE_BODIES = Set.of("STATE", "MINISTRY_OR_AGENCY");

  @Id
  @Column(name = "organization_id")
  private UUID organizationId;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String country;

  @Column(nullable = false)
  private String status;

  /** The organization's version this copy reflects (only moves forward; not a lock). */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected OrganizationProjectionBase() {}

  protected OrganizationProjectionBase(UUID organizationId) {
    this.organizationId = organizationId;
  }

  /** Takes the facts of a newer organization version. */
  public void reflect(OrganizationFacts facts, Instant now) {
    this.code = facts.code();
    this.kind = facts.kind();
    this.country = facts.country();
    this.status = facts.settledStatus();
    this.version = facts.version();
    this.updatedAt = now;
  }

  /** Whether a new record may name it: only an organization the directory has not retired. */
  public boolean isActive() {
    return OrganizationFacts.ACTIVE.equals(status);
  }

  public boolean isStateBody() {
    return STATE_BODIES.contains(kind);
  }

  public UUID organizationId() {
    return organizationId;
  }

  public String code() {
    return code;
  }

  public String kind() {
    return kind;
  }

  public String country() {
    return country;
  }

  public String status() {
    return status;
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
