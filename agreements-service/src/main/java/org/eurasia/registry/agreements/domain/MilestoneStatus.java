package org.eurasia.registry.agreements.domain;

/** Where a milestone of an implementation plan stands: planned, then done, missed or dropped. */
public enum MilestoneStatus {
  PLANNED,
  DONE,
  MISSED,
  DROPPED
}
