package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import org.eurasia.registry.platform.changes.AnnouncedChange;
import org.eurasia.registry.platform.changes.FeedEvent;
import org.eurasia.registry.platform.events.MessagingConfig;

/**
 * Turns every announced change into one delivery per subscription that wants its type and whose
 * owner may see it, in the writing transaction: one {@code INSERT … SELECT}, nothing sent from
 * here. A change that commits always yields its deliveries; one that rolls back never does.
 */
@ApplicationScoped
public class WebhookFanOut {

  @Inject EntityManager em;

  @Inject ObjectMapper json;

  @Inject MessagingConfig messaging;

  void onAnnounced(@Observes AnnouncedChange change) {
    String body = body(change);
    em.createNativeQuery(
            "INSERT INTO webhook_delivery (id, subscription_id, message_id, event_type, record_type,"
                + " record_id, body, status, next_attempt_at, created_at)"
                + " SELECT gen_random_uuid(), s.id, ?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?6"
                + " FROM webhook_subscription s WHERE s.status IN ('ACTIVE', 'PAUSED')"
                + " AND EXISTS (SELECT 1 FROM unnest(s.event_types) t"
                + " WHERE ?2 LIKE replace(t, '*', '%'))"
                // The same visibility as the change feed: registrars see all, a partner public
                // records and those whose audience names its organisation.
                + " AND (s.registrar OR ?7 OR s.owner_organization = ANY (string_to_array(?8, ',')))")
        .setParameter(1, change.eventId())
        .setParameter(2, change.eventType())
        .setParameter(3, change.recordType())
        .setParameter(4, change.recordId())
        .setParameter(5, body)
        .setParameter(6, change.occurredAt().atOffset(ZoneOffset.UTC))
        .setParameter(7, change.audience().open())
        .setParameter(8, String.join(",", change.audience().organizations()))
        .executeUpdate();
  }

  /** The CloudEvent exactly as the change feed serves it, so a partner parses both alike. */
  private String body(AnnouncedChange change) {
    try {
      return json.writeValueAsString(
          new FeedEvent(
              FeedEvent.SPEC_VERSION,
              change.eventId().toString(),
              messaging.source(),
              change.eventType(),
              change.recordId(),
              change.occurredAt(),
              FeedEvent.JSON,
              change.recordType(),
              change.recordVersion(),
              change.tombstone(),
              change.payload()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Change " + change.eventId() + " cannot be serialized", e);
    }
  }
}
