package org.eurasia.registry.agreements.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A party to agreements, identified by its lower-case internet domain ({@code qau.edu.pk}) as the
 * European mobility network does. The id is technical and stable; the code is what people and
 * tokens use. An organization is retired, never deleted: what named it keeps naming it, and a
 * retired one may not be named by anything new.
 */
@Entity
@Table(name = "organization")
public class Organization {

  /** What each status allows; commands are named as the API names them. */
  static final Lifecycle<OrganizationStatus> LIFECYCLE =
      Lifecycle.of(OrganizationStatus.class, "an organization")
          .in(OrganizationStatus.ACTIVE, "update", "retire")
          .build();

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganizationKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> names;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "parent_id")
  private UUID parentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganizationStatus status;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Organization() {}

  public Organization(UUID id, String code, OrganizationTerms terms, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.code = Objects.requireNonNull(code);
    this.createdAt = now;
    this.status = OrganizationStatus.ACTIVE;
    revise(terms, now);
  }

  /**
   * Replaces what can change about an organisation; its id and code stay. A retired organization
   * does not change any more.
   */
  public void revise(OrganizationTerms terms, Instant now) {
    LIFECYCLE.require(status, "update");
    if (id.equals(terms.parentId())) {
      throw new IllegalArgumentException("an organisation cannot be its own parent");
    }
    this.kind = terms.kind();
    this.names = new LinkedHashMap<>(terms.names());
    this.country = terms.country();
    this.parentId = terms.parentId();
    this.updatedAt = now;
  }

  /** What was last said about it: kind, names, country and parent. */
  public OrganizationTerms terms() {
    // Map.copyOf, as the names were always read: the view and the notice keep their order.
    return new OrganizationTerms(kind, Map.copyOf(names), country, parentId);
  }

  /**
   * Retires the organization, for good: it stays readable with its code, which is never reused, but
   * nothing new may name it. Its children go first, so no active organization has a retired parent.
   *
   * @param activeChildren the codes of its active child organizations
   */
  public void retire(List<String> activeChildren, Instant now) {
    LIFECYCLE.require(status, "retire");
    if (!activeChildren.isEmpty()) {
      throw new StateConflict(
              "Organization '"
                  + code
                  + "' still has active child organizations "
                  + activeChildren
                  + "; retire them first")
          .with("activeChildren", List.copyOf(activeChildren));
    }
    this.status = OrganizationStatus.RETIRED;
    this.retiredAt = now;
    this.updatedAt = now;
  }

  /** Refuses (409, naming the status) a command its status does not allow: any, once retired. */
  public void requireAllows(String command) {
    LIFECYCLE.require(status, command);
  }

  public boolean isRetired() {
    return status == OrganizationStatus.RETIRED;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String country() {
    return country;
  }

  public UUID parentId() {
    return parentId;
  }

  public OrganizationStatus status() {
    return status;
  }

  /** When it was retired; null while it is active. */
  public Instant retiredAt() {
    return retiredAt;
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
