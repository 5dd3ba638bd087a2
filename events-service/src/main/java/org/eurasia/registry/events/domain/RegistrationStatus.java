package org.eurasia.registry.events.domain;

/**
 * PENDING (moderated events, until an organizer decides) → CONFIRMED or WAITLISTED or DECLINED;
 * WAITLISTED → CONFIRMED when a seat frees; PENDING, CONFIRMED and WAITLISTED may be CANCELLED.
 */
public enum RegistrationStatus {
  PENDING,
  CONFIRMED,
  WAITLISTED,
  DECLINED,
  CANCELLED;

  public boolean isActive() {
    return this == PENDING || this == CONFIRMED || this == WAITLISTED;
  }
}
