package org.eurasia.registry.events.domain;

/**
 * What an event command changed that other services hear of; each has its own versioned event type.
 */
public enum EventChange {
  PUBLISHED("registry.event.published.v1"),
  RESCHEDULED("registry.event.rescheduled.v1"),
  CANCELLED("registry.event.cancelled.v1"),
  COMPLETED("registry.event.completed.v1"),
  /**
   * An invited organizer consented; announced for published events only (drafts are never
   * announced).
   */
  ORGANIZER_ACCEPTED("registry.event.organizer-accepted.v1"),
  /**
   * Its terms were revised (title, kind, format, venue, organizers, links, capacity, registration
   * window...); announced for published events only.
   */
  UPDATED("registry.event.updated.v1"),
  /** A session was added to or removed from its agenda; announced for published events only. */
  AGENDA_CHANGED("registry.event.agenda-changed.v1");

  private final String eventType;

  EventChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
