package org.eurasia.registry.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the outbox: one domain event waiting to be published. Written by {@link Outbox}, removed
 * by the relay.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id private UUID id;

  @Column(nullable = false)
  private String topic;

  @Column(name = "aggregate_type", nullable = false)
  private String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  private String aggregateId;

  @Column(name = "aggregate_version", nullable = false)
  private long aggregateVersion;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @Column(nullable = false, columnDefinition = "text")
  private String payload;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "trace_parent")
  private String traceParent;

  protected OutboxEvent() {}

  OutboxEvent(
      UUID id,
      String topic,
      DomainEvent event,
      String payload,
      Instant occurredAt,
      String traceParent) {
    this.id = id;
    this.topic = topic;
    this.aggregateType = event.aggregateType();
    this.aggregateId = event.aggregateId();
    this.aggregateVersion = event.aggregateVersion();
    this.eventType = event.eventType();
    this.payload = payload;
    this.occurredAt = occurredAt;
    this.traceParent = traceParent;
  }

  public UUID id() {
    return id;
  }

  public String topic() {
    return topic;
  }

  public String eventType() {
    return eventType;
  }

  public String payload() {
    return payload;
  }
}
