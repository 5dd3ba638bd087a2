package org.eurasia.registry.events.domain;

/** Where it happens: a venue, a join link, or both. */
public enum EventFormat {
  IN_PERSON,
  ONLINE,
  HYBRID;

  public boolean hasVenue() {
    return this != ONLINE;
  }

  public boolean hasJoinLink() {
    return this != IN_PERSON;
  }
}
