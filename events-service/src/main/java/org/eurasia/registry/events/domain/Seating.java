package org.eurasia.registry.events.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eurasia.registry.platform.domain.StateConflict;

/**
 * Decides who gets a seat, given the seats taken and the people waiting. It is only correct when
 * the caller holds the event's row lock while counting and writing (RegistrationService and
 * EventService do): then no two requests can both see the last seat, and the queue cannot change
 * between counting it and serving it.
 *
 * <p>The waiting list is served first, in queue order: a free seat goes to whoever waits before any
 * newcomer (a registrant, a delegation, an approved registration), so nobody jumps a non-empty
 * queue. Every command that may free or add seats ends by handing them to the queue ({@link
 * #promotions}), so after each commit of a published event either no seat is free or nobody waits.
 */
public final class Seating {

  private Seating() {}

  /** Seats still free; null capacity means unlimited. */
  public static int free(Integer capacity, long confirmed) {
    return capacity == null ? Integer.MAX_VALUE : (int) Math.max(0, capacity - confirmed);
  }

  /**
   * Whether a newcomer may take a seat now: one is free and nobody is waiting for it.
   *
   * @param waiting the registrations on the waiting list
   */
  public static boolean seatFor(Integer capacity, long confirmed, long waiting) {
    return waiting == 0 && free(capacity, confirmed) > 0;
  }

  /** A single registration: held for moderation, seated, or wait-listed behind those waiting. */
  public static RegistrationStatus place(
      Integer capacity, boolean moderated, long confirmed, long waiting) {
    if (moderated) {
      return RegistrationStatus.PENDING;
    }
    return seatFor(capacity, confirmed, waiting)
        ? RegistrationStatus.CONFIRMED
        : RegistrationStatus.WAITLISTED;
  }

  /**
   * A delegation is seated all together when every member fits and nobody waits (all pending on a
   * moderated event); otherwise, when the head accepts the waiting list, the members join it in the
   * order listed — the first ones taking the seats that are free if nobody waits before them — else
   * the request is refused and nobody is registered.
   *
   * @return each member's status, in the order listed
   */
  public static List<RegistrationStatus> placeDelegation(
      Integer capacity,
      boolean moderated,
      long confirmed,
      long waiting,
      int members,
      boolean waitIfFull) {
    if (moderated) {
      return Collections.nCopies(members, RegistrationStatus.PENDING);
    }
    int free = free(capacity, confirmed);
    if (waiting == 0 && free >= members) {
      return Collections.nCopies(members, RegistrationStatus.CONFIRMED);
    }
    if (!waitIfFull) {
      throw new StateConflict(
          (waiting > 0
                  ? waiting + " registrations are waiting for a seat before it"
                  : "Only " + free + " seats are free")
              + " for a delegation of "
              + members
              + "; send waitIfFull=true to put the whole delegation on the waiting list");
    }
    int seated = waiting > 0 ? 0 : free;
    List<RegistrationStatus> statuses = new ArrayList<>(members);
    for (int i = 0; i < members; i++) {
      statuses.add(i < seated ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED);
    }
    return statuses;
  }

  /** How many of those waiting get a seat now: one per free seat, first queued first. */
  public static int promotions(Integer capacity, long confirmed, long waiting) {
    return (int) Math.min(free(capacity, confirmed), waiting);
  }

  /**
   * A capacity may not be set below the seats already confirmed (the event would be oversold); a
   * capacity left as it was is not checked again, so an event oversold under older rules can still
   * be revised. Null is unlimited.
   *
   * @throws StateConflict naming the capacity asked for and the confirmed seats
   */
  public static void requireRoom(Integer current, Integer proposed, long confirmed) {
    if (proposed == null || Objects.equals(current, proposed) || proposed >= confirmed) {
      return;
    }
    throw new StateConflict(
            "A capacity of "
                + proposed
                + " is below the "
                + confirmed
                + " seats already confirmed; cancel registrations first, or keep at least "
                + confirmed)
        .with("capacity", proposed)
        .with("confirmed", confirmed);
  }

  /**
   * The organizers' cap on the seats one organization's delegations take together: the members
   * already holding or awaiting a seat through a delegation of that organization, plus the new
   * ones, may not pass it. Null is no cap. Counted under the event's row lock, like every seat.
   *
   * @param held the organization's delegation members that are confirmed, pending or wait-listed
   * @throws StateConflict naming the cap, what the organization holds and what it asked for
   */
  public static void requireDelegationRoom(
      Integer cap, String organization, long held, int members) {
    if (cap == null || held + members <= cap) {
      return;
    }
    throw new StateConflict(
            "The organizers allow "
                + cap
                + " seats to the delegations of one organization; "
                + organization
                + "'s hold "
                + held
                + ", so a delegation of "
                + members
                + " is refused and nobody was registered")
        .with("delegationSeatCap", cap)
        .with("held", held);
  }
}
