package org.eurasia.registry.exchange.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.AgreementProjecting;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.application.ProgramService;
import org.eurasia.registry.exchange.domain.AgreementProjection;

/**
 * Keeps the agreement projection from agreements-service's events ({@link AgreementProjecting}).
 * When the agreement leaves or returns to force, its programmes and their running mobilities follow
 * in the same transaction ({@link ProgramService#followAgreement}, {@link
 * MobilityService#followAgreement}).
 */
@ApplicationScoped
public class AgreementEventsHandler extends AgreementProjecting<AgreementProjection> {

  @Inject ProgramService programs;

  @Inject MobilityService mobilities;

  public AgreementEventsHandler() {
    super(AgreementProjection.class, AgreementProjection::new);
  }

  @Override
  protected void followed(
      AgreementProjection agreement, String previousStatus, AgreementFacts facts) {
    // The new status is written before the programmes and mobilities under it are read: a command
    // holding the row (findForCommand) has committed by then, so what it did is seen and followed,
    // and a later one reads the new status.
    entities.flush();
    programs.followAgreement(agreement, previousStatus);
    mobilities.followAgreement(agreement, previousStatus, facts.endedOn());
  }
}
