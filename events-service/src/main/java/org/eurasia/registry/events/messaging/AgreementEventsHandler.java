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

  static final Set<String> TYPES =
      Set.of(
          "registry.agreement.drafted.v1",
          "registry.agreement.updated.v1",
          "registry.agreement.party-signed.v1",
          "registry.agreement.signed.v1",
          "registry.agreement.party-ratified.v1",
          "registry.agreement.entered-into-force.v1",
          "registry.agreement.suspended.v1",
          "registry.agreement.resumed.v1",
          "registry.agreement.terminated.v1",
          // A draft abandoned before signature (issue 17): the projection shows it WITHDRAWN, so it
          // is
          // no longer offered as a link.
          "registry.agreement.withdrawn.v1",
          "registry.agreement.expired.v1",
          "registry.agreement.renewed.v1",
          "registry.agreement.approved.v1",
          "registry.agreement.amended.v1",
          // A non-signing party accepted being named: it now counts as a consenting party (links
          // need one).
          "registry.agreement.party-accepted.v1");

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
