package org.eurasia.registry.agreements.domain;

/**
 * Whether an organization may still be named. A retired one is never deleted: agreements here, and
 * records in other services, keep naming it, but nothing new may.
 */
public enum OrganizationStatus {
  ACTIVE,
  RETIRED
}
