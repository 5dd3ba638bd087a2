package org.eurasia.registry.agreements.client;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps a service's agreement projection from agreements-service's events: newest version wins,
 * stale ones are skipped and each event is applied once (the platform consumer and {@link
 * ProjectingHandler} see to that, in the consumer's transaction). A service subclasses it with its
 * own entity and, when something of its own must follow the agreement, overrides {@link #followed}.
 *
 * @param <P> the service's agreement entity
 */
public abstract class AgreementProjecting<P extends AgreementProjectionBase>
    extends ProjectingHandler<AgreementFacts> {

  /**
   * Every agreement change: each carries the agreement's whole relevant state (status, visibility,
   * parties with their consent, fields and frameworks), so a type the producer adds is projected
   * without an edit here.
   */
  public static final Set<String> TYPES = Set.of("registry.agreement.*.v1");

  @Inject protected EntityManager entities;

  @Inject protected Clock clock;

  private final Class<P> projectionType;
  private final Function<UUID, P> newProjection;

  protected AgreementProjecting(Class<P> projectionType, Function<UUID, P> newProjection) {
    super(AgreementFacts.class, TYPES);
    this.projectionType = projectionType;
    this.newProjection = newProjection;
  }

  @Override
  protected final void project(AgreementFacts facts) {
    P projection = entities.find(projectionType, facts.agreementId());
    String previousStatus = projection == null ? null : projection.status();
    boolean isNew = projection == null;
    if (isNew) {
      projection = newProjection.apply(facts.agreementId());
    }
    projection.reflect(
        facts.code(),
        facts.status(),
        facts.visibility(),
        facts.partyFacts(),
        facts.version(),
        clock.instant());
    projection.reflectScope(facts.fields(), facts.frameworks());
    if (isNew) {
      entities.persist(projection);
    }
    followed(projection, previousStatus, facts);
  }

  /**
   * Called once the projection holds the new facts, in the same transaction. Does nothing unless a
   * service has something that follows its agreement.
   *
   * @param previousStatus the status before this event, or null when the agreement is new here
   */
  protected void followed(P projection, String previousStatus, AgreementFacts facts) {}
}
