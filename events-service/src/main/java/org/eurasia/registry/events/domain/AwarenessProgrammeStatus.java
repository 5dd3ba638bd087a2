package org.eurasia.registry.events.domain;

/**
 * Where an awareness programme stands: a draft only its organizers see, announced (public, not yet
 * running), running, closed for good.
 */
public enum AwarenessProgrammeStatus {
  DRAFT,
  ANNOUNCED,
  RUNNING,
  CLOSED
}
