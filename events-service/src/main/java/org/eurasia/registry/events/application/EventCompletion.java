package org.eurasia.registry.events.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.eurasia.registry.platform.scheduling.BatchSweep;
import org.jboss.logging.Logger;

/**
 * Marks published events completed once they have ended, and announces each. One transaction per
 * event; a replica running it at the same time finds the work done (the row's version refuses the
 * second completion).
 */
@ApplicationScoped
public class EventCompletion {

  private static final Logger LOG = Logger.getLogger(EventCompletion.class);

  /** The operation its changes carry in the change log. */
  static final String JOB = "completeEndedEvents";

  @Inject EventRepository events;

  @Inject EventService eventService;

  @Inject Clock clock;

  @Scheduled(
      every = "{registry.event-completion.every}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void periodically() {
    int completed = completeEnded();
    if (completed > 0) {
      LOG.infof("Completed %d ended events", completed);
    }
  }

  /** Completes every published event that has ended; returns how many. */
  public int completeEnded() {
    return BatchSweep.run(
        "event",
        limit -> events.publishedEndedBy(clock.instant(), limit),
        // Each completion's change-log entry names the job.
        id -> ChangeOrigin.during(JOB, () -> eventService.completeIfEnded(id)));
  }
}
