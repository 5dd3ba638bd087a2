package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A change to the directory of parties. Other services keep their own copy of code and country (an exchange needs to
 * know whether an institution belongs to a party state), so the payload carries them; it holds nothing confidential.
 * The JSON schema is {@code contract/events/registry.organization.v1.schema.json}.
 */
public record OrganizationEvent(
    @JsonIgnore String eventType,
    UUID organizationId,
    String code,
    OrganizationKind kind,
    String country,
    Map<String, String> names,
    UUID parentId,
    long version,
    boolean removed)
    implements DomainEvent {

  public static final String REGISTERED = "registry.organization.registered.v1";
  public static final String UPDATED = "registry.organization.updated.v1";
  public static final String REMOVED = "registry.organization.removed.v1";

  public static OrganizationEvent registered(Organization o) {
    return of(REGISTERED, o, o.version(), false);
  }

  public static OrganizationEvent updated(Organization o) {
    return of(UPDATED, o, o.version(), false);
  }

  /** Removal has no row version of its own: it is the version after the last one. */
  public static OrganizationEvent removed(Organization o) {
    return of(REMOVED, o, o.version() + 1, true);
  }

  private static OrganizationEvent of(String type, Organization o, long version, boolean removed) {
    return new OrganizationEvent(
        type, o.id(), o.code(), o.kind(), o.country(), o.names(), o.parentId(), version, removed);
  }

  @Override
  @JsonIgnore
  public String aggregateType() {
    return "organization";
  }

  @Override
  @JsonIgnore
  public String aggregateId() {
    return organizationId.toString();
  }

  @Override
  @JsonIgnore
  public long aggregateVersion() {
    return version;
  }
}
