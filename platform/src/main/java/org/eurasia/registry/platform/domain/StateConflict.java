package org.eurasia.registry.platform.domain;

/**
 * The record's current state already holds what the change would add (a second signature, a full
 * quota).
 */
public final class StateConflict extends DomainException {

  public StateConflict(String detail) {
    super(detail);
  }
}
