package org.eurasia.registry.events.domain;

/** What a registration command changed; each has its own versioned event type. */
public enum RegistrationChange {
  PENDING("registry.registration.pending.v1"),
  CONFIRMED("registry.registration.confirmed.v1"),
  WAIT_LISTED("registry.registration.wait-listed.v1"),
  PROMOTED("registry.registration.promoted.v1"),
  DECLINED("registry.registration.declined.v1"),
  CANCELLED("registry.registration.cancelled.v1"),
  CHECKED_IN("registry.registration.checked-in.v1");

  private final String eventType;

  RegistrationChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
