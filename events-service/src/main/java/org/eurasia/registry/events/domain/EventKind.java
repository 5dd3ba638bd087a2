package org.eurasia.registry.events.domain;

/** What sort of meeting an event is. */
public enum EventKind {
  SUMMIT,
  CONFERENCE,
  SEMINAR,
  WEBINAR,
  WORKSHOP,
  WORKING_GROUP_MEETING,
  SIGNING_CEREMONY
}
