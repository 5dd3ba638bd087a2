package org.eurasia.registry.exchange.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice an application sends: an institution of a mobility applied for a scholarship for it
 * (its consent to show the mobility to the funder). Like an award, each application is its own
 * aggregate (version 0, never changed). The mobility is named by its id only: no participant, no
 * personal data. Schema: {@code contract/events/registry.scholarship-application.v1.schema.json}.
 *
 * @param audience the funder and the mobility's two institutions, who alone may read the
 *     application; not part of the payload
 */
public record ScholarshipApplicationNotice(
    UUID applicationId,
    UUID scholarshipId,
    String scholarshipCode,
    String funder,
    UUID mobilityId,
    String appliedBy,
    Instant appliedAt,
    long version,
    Audience audience)
    implements DomainEvent {

  public static final String APPLIED = "registry.scholarship.applied.v1";

  public static ScholarshipApplicationNotice of(
      ScholarshipApplication a, Scholarship s, Mobility m) {
    return new ScholarshipApplicationNotice(
        a.id(),
        s.id(),
        s.code(),
        s.funder(),
        a.mobilityId(),
        a.appliedBy(),
        a.appliedAt(),
        0,
        Audience.only(List.of(s.funder(), m.homeInstitution(), m.hostInstitution())));
  }

  @Override
  public String eventType() {
    return APPLIED;
  }

  @Override
  public String aggregateType() {
    return "scholarship-application";
  }

  @Override
  public String aggregateId() {
    return applicationId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
