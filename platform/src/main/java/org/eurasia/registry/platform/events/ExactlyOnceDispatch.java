package org.eurasia.registry.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eurasia.registry.platform.reads.ReadCache;

/**
 * Applies a received event once in effect: its id is recorded in {@code processed_event} in the
 * same transaction as the handlers' changes, so a redelivered event finds its id and changes
 * nothing. Each {@link EventHandler} whose types include the event's type is called.
 */
@ApplicationScoped
class ExactlyOnceDispatch {

  @Inject Instance<EventHandler> handlers;

  @Inject EntityManager em;

  @Inject ReadCache readCache;

  /**
   * Applies the event in a new transaction; returns false when it had been applied before (a
   * redelivery). Throws when a handler fails, leaving nothing behind.
   */
  boolean apply(ReceivedEvent event) {
    boolean fresh = QuarkusTransaction.requiringNew().call(() -> applyOnce(event));
    if (fresh) {
      // Projections changed: anonymous answers cached from the old state are stale.
      readCache.invalidate();
    }
    return fresh;
  }

  private boolean applyOnce(ReceivedEvent event) {
    int claimed =
        em.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, event.topic())
            .setParameter(2, event.id())
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    for (EventHandler handler : handlers) {
      if (handler.eventTypes().contains(event.type())) {
        handler.apply(event);
      }
    }
    return true;
  }
}
