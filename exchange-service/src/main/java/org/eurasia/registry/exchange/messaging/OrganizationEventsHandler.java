package org.eurasia.registry.exchange.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.OrganizationProjection;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps the organization projection from agreements-service's organization events, newest version
 * winning. A removed organization leaves the projection; programmes that name it keep their copy of
 * its code and country.
 */
@ApplicationScoped
public class OrganizationEventsHandler
    extends ProjectingHandler<OrganizationEventsHandler.OrganizationFacts> {

  /** Every organization change, each with the organization's state ({@code removed} included). */
  static final Set<String> TYPES = Set.of("registry.organization.*.v1");

  @Inject OrganizationProjectionRepository projections;

  @Inject Clock clock;

  public OrganizationEventsHandler() {
    super(OrganizationFacts.class, TYPES);
  }

  @Override
  protected void project(OrganizationFacts facts) {
    OrganizationProjection projection =
        projections.findByIdOptional(facts.organizationId()).orElse(null);
    if (facts.removed()) {
      if (projection != null) {
        projections.delete(projection);
      }
      return;
    }
    boolean isNew = projection == null;
    if (isNew) {
      projection = new OrganizationProjection(facts.organizationId());
    }
    projection.reflect(
        facts.code(), facts.kind(), facts.country(), facts.version(), clock.instant());
    if (isNew) {
      projections.persist(projection);
    }
  }

  /** The part of the organization event payload this service reads. */
  record OrganizationFacts(
      UUID organizationId,
      String code,
      String kind,
      String country,
      long version,
      boolean removed) {}
}
