package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What exchange-service knows about an organization, from organization events: its code, kind and
 * country. Enough to place an institution in a country and to tell a state body (a ministry or the
 * state itself) from an institution.
 */
@Entity
@Table(name = "organization_projection")
public class OrganizationProjection {

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

  /** The organization's version this copy reflects. */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected OrganizationProjection() {}

  public OrganizationProjection(UUID organizationId) {
    this.organizationId = organizationId;
  }

  /** Takes the facts of a newer organization version. */
  public void reflect(String code, String kind, String country, long version, Instant now) {
    this.code = code;
    this.kind = kind;
    this.country = country;
    this.version = version;
    this.updatedAt = now;
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

  public long version() {
    return version;
  }
}
