package org.eurasia.registry.events.domain;

/** What a publication command changed that other services hear of. */
public enum PublicationChange {
  RECORDED("registry.publication.recorded.v1"),
  UPDATED("registry.publication.updated.v1");

  private final String eventType;

  PublicationChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
