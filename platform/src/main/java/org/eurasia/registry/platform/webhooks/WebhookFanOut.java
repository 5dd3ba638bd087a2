package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eurasia.registry.platform.changes.AnnouncedChange;
import org.eurasia.registry.platform.changes.FeedEvent;
import org.eurasia.registry.platform.events.MessagingConfig;
import org.eurasia.registry.platform.persistence.PlainStatements;

/**
 * Turns every announced change into one delivery per subscription that wants its type and whose
 * owner may see it, in the writing transaction: one {@code INSERT … SELECT}, nothing sent from
 * here. A change that commits always yields its deliveries; one that rolls back never does.
 */
@ApplicationScoped
public class WebhookFanOut {

  /** One row per matching subscription, in one statement (a plain row: PlainStatements). */
  private static final String FAN_OUT =
      "INSERT INTO webhook_delivery (id, subscription_id, message_id, event_type, record_type,"
          + " record_id, body, status, next_attempt_at, created_at)"
          + " SELECT gen_random_uuid(), s.id, ?, ?, ?, ?, ?, 'PENDING', ?, ?"
          + " FROM webhook_subscription s WHERE s.status IN ('ACTIVE', 'PAUSED')"
          + " AND EXISTS (SELECT 1 FROM unnest(s.event_types) t WHERE ? LIKE replace(t, '*', '%'))"
          // The same visibility as the change feed: registrars see all, a partner public records
          // and those whose audience names its organisation.
          + " AND (s.registrar OR ? OR s.owner_organization = ANY (string_to_array(?, ',')))";

  @Inject PlainStatements statements;

  @Inject ObjectMapper json;

  @Inject MessagingConfig messaging;

  void onAnnounced(@Observes AnnouncedChange change) {
    String body = body(change);
    OffsetDateTime at = change.occurredAt().atOffset(ZoneOffset.UTC);
    statements.update(
        FAN_OUT,
        row -> {
          row.setObject(1, change.eventId());
          row.setString(2, change.eventType());
          row.setString(3, change.recordType());
          row.setString(4, change.recordId());
          row.setString(5, body);
          row.setObject(6, at);
          row.setObject(7, at);
          row.setString(8, change.eventType());
          row.setBoolean(9, change.audience().open());
          row.setString(10, String.join(",", change.audience().organizations()));
        });
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
