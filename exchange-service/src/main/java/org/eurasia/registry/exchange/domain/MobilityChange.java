package org.eurasia.registry.exchange.domain;

/** What a mobility command changed; each has its own versioned event type. */
public enum MobilityChange {
  NOMINATED("registry.mobility.nominated.v1"),
  ACCEPTED("registry.mobility.accepted.v1"),
  REJECTED("registry.mobility.rejected.v1"),
  STARTED("registry.mobility.started.v1"),
  COMPLETED("registry.mobility.completed.v1"),
  CANCELLED("registry.mobility.cancelled.v1"),
  /**
   * The programme's agreement left force (or ended another way) while the mobility was accepted or
   * under way; not a status change.
   */
  ATTENTION_RAISED("registry.mobility.attention-raised.v1"),
  /** The agreement returned to force: the attention it called for is lifted. */
  ATTENTION_CLEARED("registry.mobility.attention-cleared.v1");

  private final String eventType;

  MobilityChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
