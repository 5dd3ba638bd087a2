package org.eurasia.registry.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.persistence.PlainStatements;
import org.eurasia.registry.platform.reads.ReadCache;

/**
 * Records domain events in the current transaction. It refuses to run outside one ({@code
 * MANDATORY}): an event written on its own could exist without its state change, or the reverse.
 */
@ApplicationScoped
public class Outbox {

  /** Into the outbox table, in every service's schema (platform migration V0_2). */
  private static final String INSERT =
      "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, aggregate_version,"
          + " event_type, payload, occurred_at, trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject EntityManager em;

  @Inject ObjectMapper json;

  @Inject Clock clock;

  @Inject MessagingConfig config;

  @Inject TransactionSynchronizationRegistry transactions;

  @Inject ReadCache readCache;

  @Inject ChangeLog changeLog;

  @Inject PlainStatements statements;

  /**
   * Flushes the persistence context, then builds the event and records it: the event then carries
   * the version the aggregate's row has after this change (a JPA version is only bumped at flush).
   * The usual way to announce a change.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID announce(Supplier<? extends DomainEvent> event) {
    em.flush();
    return record(event.get());
  }

  /**
   * Writes the event for publication on the topic configured for its aggregate type; returns its
   * event id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID record(DomainEvent event) {
    String topic = config.topicFor(event.aggregateType());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String payload;
    try {
      payload = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event " + event.eventType() + " cannot be serialized", e);
    }
    // A plain row, not an entity: nothing reads it back through the session (PlainStatements).
    // The writing request's trace continues in whichever service consumes the event.
    String traceParent = TraceContext.current();
    statements.update(
        INSERT,
        row -> {
          row.setObject(1, id);
          row.setString(2, topic);
          row.setString(3, event.aggregateType());
          row.setString(4, event.aggregateId());
          row.setLong(5, event.aggregateVersion());
          row.setString(6, event.eventType());
          row.setString(7, payload);
          row.setObject(8, now.atOffset(ZoneOffset.UTC));
          row.setString(9, traceParent);
        });
    // Who did it, for the record's history, the change feed and webhooks.
    changeLog.announced(id, event, payload, now);
    // Anonymous answers cached before this change must not outlive its commit (scheduled jobs
    // change data too).
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              readCache.invalidate();
            }
          }
        });
    return id;
  }
}
