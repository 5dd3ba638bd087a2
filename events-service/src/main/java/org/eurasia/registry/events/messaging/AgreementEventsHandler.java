package org.eurasia.registry.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.AgreementProjection;
import org.eurasia.registry.events.domain.AgreementProjection.PartyFact;
import org.eurasia.registry.events.domain.AgreementProjectionRepository;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps the agreement projection from agreements-service's events (newest version wins, each event
 * once), so events can link agreements and show their current status.
 */
@ApplicationScoped
public class AgreementEventsHandler
    extends ProjectingHandler<AgreementEventsHandler.AgreementFacts> {

  /**
   * Every agreement change: each carries the agreement's whole relevant state (status, visibility,
   * parties with their consent), so a type the producer adds is projected without an edit here.
   */
  static final Set<String> TYPES = Set.of("registry.agreement.*.v1");

  @Inject AgreementProjectionRepository projections;

  @Inject Clock clock;

  public AgreementEventsHandler() {
    super(AgreementFacts.class, TYPES);
  }

  @Override
  protected void project(AgreementFacts facts) {
    AgreementProjection projection = projections.findByIdOptional(facts.agreementId()).orElse(null);
    boolean isNew = projection == null;
    if (isNew) {
      projection = new AgreementProjection(facts.agreementId());
    }
    projection.reflect(
        facts.code(),
        facts.status(),
        facts.visibility(),
        facts.parties(),
        facts.version(),
        clock.instant());
    if (isNew) {
      projections.persist(projection);
    }
  }

  /** The part of the agreement event payload this service reads. */
  record AgreementFacts(
      UUID agreementId,
      String code,
      String status,
      String visibility,
      List<PartyFact> parties,
      long version) {}
}
