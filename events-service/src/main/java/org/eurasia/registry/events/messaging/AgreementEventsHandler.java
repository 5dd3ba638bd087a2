package org.eurasia.registry.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eurasia.registry.agreements.client.AgreementProjecting;
import org.eurasia.registry.events.domain.AgreementProjection;

/**
 * Keeps the agreement projection from agreements-service's events ({@link AgreementProjecting}), so
 * events can link agreements and show their current status. Nothing here follows the agreement.
 */
@ApplicationScoped
public class AgreementEventsHandler extends AgreementProjecting<AgreementProjection> {

  public AgreementEventsHandler() {
    super(AgreementProjection.class, AgreementProjection::new);
  }
}
