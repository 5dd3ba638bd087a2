package org.eurasia.registry.events.domain;

/**
 * What an awareness programme command changed that other services hear of; each has its own
 * versioned event type. A draft's changes are never announced: its announcement carries them.
 */
public enum AwarenessProgrammeChange {
  ANNOUNCED("registry.awareness-programme.announced.v1"),
  STARTED("registry.awareness-programme.started.v1"),
  CLOSED("registry.awareness-programme.closed.v1"),
  UPDATED("registry.awareness-programme.updated.v1"),
  ORGANIZER_ACCEPTED("registry.awareness-programme.organizer-accepted.v1"),
  /** An event joined or left the programme. */
  EVENTS_CHANGED("registry.awareness-programme.events-changed.v1");

  private final String eventType;

  AwarenessProgrammeChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
