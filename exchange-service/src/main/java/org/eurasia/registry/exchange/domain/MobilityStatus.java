package org.eurasia.registry.exchange.domain;

/**
 * nominated → accepted or rejected → in mobility → completed (with recognition); cancelled from any
 * open state.
 */
public enum MobilityStatus {
  NOMINATED,
  ACCEPTED,
  REJECTED,
  IN_MOBILITY,
  COMPLETED,
  CANCELLED
}
