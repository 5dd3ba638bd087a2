package org.eurasia.registry.agreements.domain;

/** What carries an implementation plan: an agreement or a joint venture. */
public enum PlanSubject {
  AGREEMENT,
  VENTURE
}
