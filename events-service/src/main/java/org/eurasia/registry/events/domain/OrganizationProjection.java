package org.eurasia.registry.events.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eurasia.registry.agreements.client.OrganizationProjectionBase;

/**
 * What events-service knows about an organization of the directory, from organization events:
 * whether a code names one, and whether it may still be named by something new ({@link
 * #isActive()}). Columns and meaning are agreements-service's shared projection ({@link
 * OrganizationProjectionBase}).
 */
@Entity
@Table(name = "organization_projection")
public class OrganizationProjection extends OrganizationProjectionBase {

  protected OrganizationProjection() {}

  public OrganizationProjection(UUID organizationId) {
    super(organizationId);
  }
}
