package org.eurasia.registry.exchange.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eurasia.registry.agreements.client.OrganizationProjecting;
import org.eurasia.registry.exchange.domain.OrganizationProjection;

/**
 * Keeps the organization projection from agreements-service's organization events ({@link
 * OrganizationProjecting}): newest version wins, nothing is deleted. A retired organization (or one
 * an older event removed) stays, so the programmes, mobilities and scholarships that name it keep
 * resolving; new ones may not name it.
 */
@ApplicationScoped
public class OrganizationEventsHandler extends OrganizationProjecting<OrganizationProjection> {

  public OrganizationEventsHandler() {
    super(OrganizationProjection.class, OrganizationProjection::new);
  }
}
