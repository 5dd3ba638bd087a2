package org.eurasia.registry.platform.events;

/**
 * Something that happened to an aggregate, as the service that owns the aggregate announces it.
 * Implementations are records whose components are the event's JSON payload; the envelope (id,
 * source, time) is added by the outbox.
 */
public interface DomainEvent {

  /** The CloudEvents type, versioned, e.g. {@code registry.agreement.signed.v1}. */
  String eventType();

  /**
   * The aggregate's kind, e.g. {@code agreement}; a topic carries the events of one or more kinds,
   * in order per key.
   */
  String aggregateType();

  /**
   * The aggregate's id: the Kafka record key, so one aggregate's events stay in one partition, in
   * order.
   */
  String aggregateId();

  /**
   * The aggregate's version after the change; consumers use it to order events and to detect gaps.
   */
  long aggregateVersion();

  /**
   * Who outside the service may learn of this event (the change feed, webhooks): everyone unless
   * the record is confidential or personal, when the event names its parties.
   */
  default Audience audience() {
    return Audience.everyone();
  }

  /**
   * True when the event ends the record for whoever follows it: a deletion, retirement or erasure.
   * The change feed marks it as a tombstone, so a partner drops (or freezes) its copy.
   */
  default boolean tombstone() {
    return false;
  }
}
