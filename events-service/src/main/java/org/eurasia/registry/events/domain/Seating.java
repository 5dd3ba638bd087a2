package org.eurasia.registry.events.domain;

import org.eurasia.registry.platform.domain.StateConflict;

/**
 * Decides where a new registration goes, given the seats taken. It is only correct when the caller
 * holds the event's row lock while counting and inserting (RegistrationService does): then no two
 * registrations can both see the last seat.
 */
public final class Seating {

  private Seating() {}

  /** Seats still free; null capacity means unlimited. */
  public static int free(Integer capacity, long confirmed) {
    return capacity == null ? Integer.MAX_VALUE : (int) Math.max(0, capacity - confirmed);
  }

  /** A single registration: held for moderation, seated, or wait-listed. */
  public static RegistrationStatus place(Integer capacity, boolean moderated, long confirmed) {
    if (moderated) {
      return RegistrationStatus.PENDING;
    }
    return free(capacity, confirmed) > 0
        ? RegistrationStatus.CONFIRMED
        : RegistrationStatus.WAITLISTED;
  }

  /**
   * A delegation is seated all together or not at all: if every member fits, all are confirmed (or
   * all pending on a moderated event); otherwise all wait together when the head accepts the
   * waiting list, else the request is refused.
   */
  public static RegistrationStatus placeDelegation(
      Integer capacity, boolean moderated, long confirmed, int members, boolean waitIfFull) {
    if (moderated) {
      return RegistrationStatus.PENDING;
    }
    if (free(capacity, confirmed) >= members) {
      return RegistrationStatus.CONFIRMED;
    }
    if (waitIfFull) {
      return RegistrationStatus.WAITLISTED;
    }
    throw new StateConflict(
        "Only "
            + free(capacity, confirmed)
            + " seats are free for a delegation of "
            + members
            + "; send waitIfFull=true to put the whole delegation on the waiting list");
  }
}
