package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationChange;
import org.eurasia.registry.events.domain.RegistrationNotice;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.events.domain.SeatCount;
import org.eurasia.registry.events.domain.Seating;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.eurasia.registry.platform.events.Outbox;

/**
 * Hands an event's free seats to its waiting list, first queued first, each promotion announced, in
 * the caller's transaction. Every command that takes the event's row lock to change seats — a
 * registration, a delegation, an approval, a decline, a cancellation, a revision of the capacity —
 * calls it while holding that lock, so no seat stays free while someone waits and no newcomer is
 * counted before the queue is served.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WaitingList {

  /** The operation a promotion's change-log entry names. */
  static final String PROMOTION = "promoteFromWaitingList";

  @Inject RegistrationRepository registrations;

  @Inject Outbox outbox;

  @Inject Clock clock;

  /**
   * Promotes as many of those waiting as seats are free (none once the event is cancelled or
   * completed).
   *
   * @param event the event, locked by the caller's transaction
   * @return the seats after the promotions
   */
  public SeatCount settle(Event event) {
    SeatCount seats = registrations.seatCount(event.id());
    if (!event.fillsFreedSeats()) {
      return seats;
    }
    int promotions =
        Seating.promotions(event.terms().capacity(), seats.confirmed(), seats.waitlisted());
    if (promotions == 0) {
      return seats;
    }
    List<Registration> next = registrations.nextWaiting(event.id(), promotions);
    Instant now = clock.instant();
    for (Registration registration : next) {
      RegistrationChange change = registration.promote(now);
      // The service's own rule promotes, whoever freed the seat: the entry names the system, never
      // the person who cancelled (another registrant, whom the promoted one may not know).
      ChangeOrigin.during(
          PROMOTION,
          () -> outbox.announce(() -> RegistrationNotice.of(change, registration, event)));
    }
    return new SeatCount(
        event.id(), seats.confirmed() + next.size(), seats.waitlisted() - next.size());
  }
}
