package org.eurasia.registry.events.domain;

/**
 * draft → published → completed, or cancelled; rescheduling keeps the status and records history.
 */
public enum EventStatus {
  DRAFT,
  PUBLISHED,
  COMPLETED,
  CANCELLED
}
