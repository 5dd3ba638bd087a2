package org.eurasia.registry.platform.events;

import java.util.Set;

/**
 * Applies other services' events to this service's own data (usually a projection). Implementations
 * are CDI beans; {@link EventConsumer} calls them inside the transaction that also records the
 * event as processed, so an effect and its "processed" mark commit together. An event of a type no
 * handler applies and no {@link IgnoredEvents} names is not marked processed: it is an {@link
 * UnprocessableEvent}.
 */
public interface EventHandler {

  /**
   * The event types ({@code ce_type}) this handler applies: single types or families such as {@code
   * registry.agreement.*.v1} ({@link EventTypes}). Fixed at construction: the consumer contract
   * test reads it from a plain instance, without starting the application.
   */
  Set<String> eventTypes();

  /** Whether this handler applies events of {@code type}. */
  default boolean handles(String type) {
    return EventTypes.matchesAny(eventTypes(), type);
  }

  /**
   * Applies the event. Throwing rolls the transaction back; the consumer retries, then dead-letters
   * it. Throw {@link UnprocessableEvent} when retrying cannot help.
   */
  void apply(ReceivedEvent event);
}
