package org.eurasia.registry.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eurasia.registry.agreements.client.OrganizationProjecting;
import org.eurasia.registry.events.domain.OrganizationProjection;

/**
 * Keeps the directory projection from agreements-service's organization events ({@link
 * OrganizationProjecting}: newest version wins, nothing deleted), against which every organization
 * a new event, invitation, acceptance or registration names is checked.
 */
@ApplicationScoped
public class OrganizationEventsHandler extends OrganizationProjecting<OrganizationProjection> {

  public OrganizationEventsHandler() {
    super(OrganizationProjection.class, OrganizationProjection::new);
  }
}
