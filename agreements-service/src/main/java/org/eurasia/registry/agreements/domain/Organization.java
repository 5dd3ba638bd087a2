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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A party to agreements, identified by its lower-case internet domain ({@code qau.edu.pk}) as the
 * European mobility network does. The id is technical and stable; the code is what people and
 * tokens use.
 */
@Entity
@Table(name = "organization")
public class Organization {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganizationKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private Map<String, String> names;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "parent_id")
  private UUID parentId;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Organization() {}

  public Organization(
      UUID id,
      String code,
      OrganizationKind kind,
      Map<String, String> names,
      String country,
      UUID parentId,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.code = Objects.requireNonNull(code);
    this.createdAt = now;
    describe(kind, names, country, parentId, now);
  }

  /** Replaces what can change about an organisation; its id and code stay. */
  public void describe(
      OrganizationKind kind,
      Map<String, String> names,
      String country,
      UUID parentId,
      Instant now) {
    if (id.equals(parentId)) {
      throw new IllegalArgumentException("an organisation cannot be its own parent");
    }
    this.kind = Objects.requireNonNull(kind);
    this.names = new LinkedHashMap<>(Objects.requireNonNull(names));
    this.country = Objects.requireNonNull(country);
    this.parentId = parentId;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public OrganizationKind kind() {
    return kind;
  }

  public Map<String, String> names() {
    return Map.copyOf(names);
  }

  public String country() {
    return country;
  }

  public UUID parentId() {
    return parentId;
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
