package org.eurasia.registry.agreements.domain;

import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change to the directory of parties sends. Other services keep their own copy of code
 * and country (an exchange needs to know whether an institution belongs to a party state), so the
 * notice carries them; it holds nothing confidential. Its wire shape is the messaging package's;
 * schema: {@code contract/events/registry.organization.v1.schema.json}.
 */
public record OrganizationNotice(
    String eventType,
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

  /** Built after the insert was flushed, like {@link #updated}. */
  public static OrganizationNotice registered(Organization o) {
    return of(REGISTERED, o, o.version(), false);
  }

  public static OrganizationNotice updated(Organization o) {
    return of(UPDATED, o, o.version(), false);
  }

  /** Removal has no row version of its own: it is the version after the last one. */
  public static OrganizationNotice removed(Organization o) {
    return of(REMOVED, o, o.version() + 1, true);
  }

  private static OrganizationNotice of(String type, Organization o, long version, boolean removed) {
    return new OrganizationNotice(
        type, o.id(), o.code(), o.kind(), o.country(), o.names(), o.parentId(), version, removed);
  }

  @Override
  public String aggregateType() {
    return "organization";
  }

  @Override
  public String aggregateId() {
    return organizationId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
