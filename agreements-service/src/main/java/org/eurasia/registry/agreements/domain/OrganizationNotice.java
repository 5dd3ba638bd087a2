package org.eurasia.registry.agreements.domain;

import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change to the directory of parties sends: the organization's identity, its terms
 * ({@link Organization#terms()}) and its status. Other services keep their own copy of code,
 * country and status (an exchange needs to know whether an institution belongs to a party state,
 * and none may name a retired organization in a new record), so the notice carries them; it holds
 * nothing confidential. Its wire shape is the messaging package's; schema: {@code
 * contract/events/registry.organization.v1.schema.json}.
 *
 * @param removed always false: organizations are retired, not deleted; the member stays because
 *     events written before retirement existed carry {@code true} for a deleted organization
 */
public record OrganizationNotice(
    String eventType,
    UUID organizationId,
    String code,
    OrganizationKind kind,
    String country,
    OrganizationStatus status,
    Map<String, String> names,
    UUID parentId,
    long version,
    boolean removed)
    implements DomainEvent {

  public static final String REGISTERED = "registry.organization.registered.v1";
  public static final String UPDATED = "registry.organization.updated.v1";
  public static final String RETIRED = "registry.organization.retired.v1";

  /** The kind of record: the events' {@link #aggregateType()} and the change log's record type. */
  public static final String AGGREGATE_TYPE = "organization";

  /** Built after the insert was flushed, like the others: each carries the row's new version. */
  public static OrganizationNotice registered(Organization o) {
    return of(REGISTERED, o);
  }

  public static OrganizationNotice updated(Organization o) {
    return of(UPDATED, o);
  }

  public static OrganizationNotice retired(Organization o) {
    return of(RETIRED, o);
  }

  private static OrganizationNotice of(String type, Organization o) {
    OrganizationTerms terms = o.terms();
    return new OrganizationNotice(
        type,
        o.id(),
        o.code(),
        terms.kind(),
        terms.country(),
        o.status(),
        terms.names(),
        terms.parentId(),
        o.version(),
        false);
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  /** Retirement is for good: nothing new may name the organization again. */
  @Override
  public boolean tombstone() {
    return RETIRED.equals(eventType);
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
