package org.eurasia.registry.exchange.domain;

/** What a mobility command changed; each has its own versioned event type. */
public enum MobilityChange {
  NOMINATED("registry.mobility.nominated.v1"),
  ACCEPTED("registry.mobility.accepted.v1"),
  REJECTED("registry.mobility.rejected.v1"),
  STARTED("registry.mobility.started.v1"),
  COMPLETED("registry.mobility.completed.v1"),
  CANCELLED("registry.mobility.cancelled.v1");

  private final String eventType;

  MobilityChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
