package org.eurasia.registry.events.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.EventStatus;
import org.jboss.logging.Logger;

/**
 * Marks published events completed once they have ended, and announces each. One transaction per
 * event; a replica running it at the same time finds the work done (the row's version refuses the
 * second completion).
 */
@ApplicationScoped
public class EventCompletion {

  private static final Logger LOG = Logger.getLogger(EventCompletion.class);
  private static final int BATCH = 100;

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
    int completed = 0;
    while (true) {
      List<UUID> due =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      events
                          .<Event>find(
                              "status = ?1 and endsAt <= ?2 order by endsAt",
                              EventStatus.PUBLISHED,
                              clock.instant())
                          .page(0, BATCH)
                          .list()
                          .stream()
                          .map(Event::id)
                          .toList());
      int before = completed;
      for (UUID id : due) {
        try {
          if (eventService.completeIfEnded(id)) {
            completed++;
          }
        } catch (RuntimeException e) {
          LOG.warnf("Could not complete event %s: %s", id, e.getMessage());
        }
      }
      if (due.size() < BATCH || completed == before) {
        return completed;
      }
    }
  }
}
