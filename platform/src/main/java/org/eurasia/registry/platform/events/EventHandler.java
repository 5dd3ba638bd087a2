package org.eurasia.registry.platform.events;

import java.util.Set;

/**
 * Applies other services' events to this service's own data (usually a projection). Implementations
 * are CDI beans; {@link EventConsumer} calls them inside the transaction that also records the
 * event as processed, so an effect and its "processed" mark commit together.
 */
public interface EventHandler {

  /** The event types ({@code ce_type}) this handler applies; others are skipped. */
  Set<String> eventTypes();

  /**
   * Applies the event. Throwing rolls the transaction back; the consumer retries, then dead-letters
   * it.
   */
  void apply(ReceivedEvent event);
}
