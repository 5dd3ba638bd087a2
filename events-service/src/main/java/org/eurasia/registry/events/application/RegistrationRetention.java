package org.eurasia.registry.events.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.eurasia.registry.platform.scheduling.BatchSweep;
import org.jboss.logging.Logger;

/**
 * Erases registrants' personal data once their event ended longer ago than {@link
 * RetentionConfig#registrations()}: the same erasure a request makes, one transaction per
 * registration, announced by the same tombstone. A replica running it at the same time finds the
 * work done (the erasure marks the row, and a marked row is not erased again).
 */
@ApplicationScoped
public class RegistrationRetention {

  private static final Logger LOG = Logger.getLogger(RegistrationRetention.class);

  /** The operation its changes carry in the change log. */
  static final String JOB = "eraseRegistrantsAfterRetention";

  @Inject RegistrationRepository registrations;

  @Inject RegistrationService registrationService;

  @Inject RetentionConfig config;

  @Inject Clock clock;

  @Scheduled(
      every = "{registry.retention.every}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void periodically() {
    int erased = eraseDue(clock.instant());
    if (erased > 0) {
      LOG.infof("Erased the personal data of %d registrants after retention", erased);
    }
  }

  /**
   * Erases the registrants of every event that ended before {@code now} minus the retention period;
   * returns how many.
   */
  public int eraseDue(Instant now) {
    Instant endedBefore = now.minus(config.registrations());
    return BatchSweep.run(
        "registration",
        limit -> registrations.holdingPersonalDataOfEventsEndedBefore(endedBefore, limit),
        id -> ChangeOrigin.during(JOB, () -> registrationService.eraseAfterRetention(id)));
  }
}
