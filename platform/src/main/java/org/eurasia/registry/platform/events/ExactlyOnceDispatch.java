package org.eurasia.registry.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.eurasia.registry.platform.reads.ReadCache;
import org.jboss.logging.Logger;

/**
 * Applies a received event once in effect: its id is recorded in {@code processed_event} in the
 * same transaction as the handlers' changes, so a redelivered event finds its id and changes
 * nothing. Each {@link EventHandler} that handles the event's type is called; a type the service
 * ignores ({@link IgnoredEvents}) is only recorded. An event without subject or aggregate version,
 * or of a type nobody handles or ignores, is an {@link UnprocessableEvent}, thrown before anything
 * is recorded: marking it processed would drop it silently. Created at start-up so the meters exist
 * (at zero) before the first event.
 */
@Startup
@ApplicationScoped
class ExactlyOnceDispatch {

  private static final Logger LOG = Logger.getLogger(ExactlyOnceDispatch.class);

  @Inject Instance<EventHandler> handlers;

  @Inject Instance<IgnoredEvents> ignoreLists;

  @Inject EntityManager em;

  @Inject ReadCache readCache;

  private final Counter ignored;
  private final Map<UnprocessableEvent.Reason, Counter> unprocessable =
      new EnumMap<>(UnprocessableEvent.Reason.class);

  @Inject
  ExactlyOnceDispatch(MeterRegistry metrics) {
    ignored =
        Counter.builder("registry.events.ignored")
            .description("Events of a type this service deliberately does not apply")
            .register(metrics);
    for (UnprocessableEvent.Reason reason : UnprocessableEvent.Reason.values()) {
      unprocessable.put(
          reason,
          Counter.builder("registry.events.unprocessable")
              .description("Attempts to apply an event that retrying cannot help")
              .tag("reason", reason.tag())
              .register(metrics));
    }
  }

  /**
   * Applies the event in a new transaction; returns false when it had been applied before (a
   * redelivery). Throws when a handler fails, leaving nothing behind; throws {@link
   * UnprocessableEvent} when no attempt can succeed.
   */
  boolean apply(ReceivedEvent event) {
    try {
      List<EventHandler> applying = handlersFor(event);
      // What the handlers write is the service's own reaction, named after the event in the
      // change log.
      boolean fresh =
          ChangeOrigin.during(
              "on " + event.type(),
              () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event, applying)));
      if (fresh && !applying.isEmpty()) {
        // Projections changed: anonymous answers cached from the old state are stale.
        readCache.invalidate();
      }
      return fresh;
    } catch (UnprocessableEvent e) {
      unprocessable.get(e.reason()).increment();
      throw e;
    }
  }

  /** The handlers that apply the event; none when it is ignored; throws when it is neither. */
  private List<EventHandler> handlersFor(ReceivedEvent event) {
    if (event.subject() == null || event.subject().isBlank()) {
      throw new UnprocessableEvent(
          UnprocessableEvent.Reason.NO_SUBJECT,
          "Event " + event.id() + " of type " + event.type() + " names no subject (ce_subject)");
    }
    if (event.aggregateVersion() < 0) {
      throw new UnprocessableEvent(
          UnprocessableEvent.Reason.NO_VERSION,
          "Event "
              + event.id()
              + " of type "
              + event.type()
              + " carries no aggregate version (ce_aggregateversion)");
    }
    List<EventHandler> applying = handlers.stream().filter(h -> h.handles(event.type())).toList();
    if (applying.isEmpty() && ignoreLists.stream().noneMatch(list -> list.ignores(event.type()))) {
      throw new UnprocessableEvent(
          UnprocessableEvent.Reason.UNHANDLED_TYPE,
          "No handler applies and no ignore list names type "
              + event.type()
              + " (event "
              + event.id()
              + " on "
              + event.topic()
              + ")");
    }
    return applying;
  }

  private boolean applyOnce(ReceivedEvent event, List<EventHandler> applying) {
    int claimed =
        em.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, event.topic())
            .setParameter(2, event.id())
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    if (applying.isEmpty()) {
      ignored.increment();
      LOG.debugf("Ignored %s %s (event %s)", event.type(), event.subject(), event.id());
    }
    for (EventHandler handler : applying) {
      handler.apply(event);
    }
    return true;
  }
}
