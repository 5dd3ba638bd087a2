package org.eurasia.registry.agreements.client;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps a service's copy of the directory from agreements-service's organization events: newest
 * version wins, each event applied once (the platform consumer and {@link ProjectingHandler} see to
 * that). Nothing is ever deleted here, not even for the old {@code removed} events: a record that
 * named the organization must keep resolving its code, and a retired copy is what refuses new ones.
 *
 * @param <P> the service's organization entity
 */
public abstract class OrganizationProjecting<P extends OrganizationProjectionBase>
    extends ProjectingHandler<OrganizationFacts> {

  /** Every organization change; each carries the organization's whole state. */
  public static final Set<String> TYPES = Set.of("registry.organization.*.v1");

  @Inject protected EntityManager entities;

  @Inject protected Clock clock;

  private final Class<P> projectionType;
  private final Function<UUID, P> newProjection;

  protected OrganizationProjecting(Class<P> projectionType, Function<UUID, P> newProjection) {
    super(OrganizationFacts.class, TYPES);
    this.projectionType = projectionType;
    this.newProjection = newProjection;
  }

  @Override
  protected final void project(OrganizationFacts facts) {
    P projection = entities.find(projectionType, facts.organizationId());
    boolean isNew = projection == null;
    if (isNew) {
      projection = newProjection.apply(facts.organizationId());
    }
    projection.reflect(facts, clock.instant());
    if (isNew) {
      entities.persist(projection);
    }
  }
}
