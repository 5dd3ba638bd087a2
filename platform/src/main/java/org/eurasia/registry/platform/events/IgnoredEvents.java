package org.eurasia.registry.platform.events;

import java.util.Map;
import java.util.Set;

/**
 * Event types on this service's subscribed topics that it deliberately does not apply, each with
 * the reason. Such an event is marked processed and changes nothing. An event that no {@link
 * EventHandler} applies and no ignore list names is an {@link UnprocessableEvent} and is
 * dead-lettered: a type a producer adds is never dropped until someone decides so here (the
 * consumer contract test fails first). A service declares its list as a bean extending this class;
 * types are written as in {@link EventTypes}.
 */
public abstract class IgnoredEvents {

  private final Map<String, String> reasons;

  /**
   * @param reasonByType each ignored type or family, and why this service does not need it
   */
  protected IgnoredEvents(Map<String, String> reasonByType) {
    this.reasons = Map.copyOf(reasonByType);
  }

  /** The ignored types and families. */
  public Set<String> eventTypes() {
    return reasons.keySet();
  }

  public boolean ignores(String type) {
    return EventTypes.matchesAny(reasons.keySet(), type);
  }

  /** Why {@code declared} (one of {@link #eventTypes()}) is ignored. */
  public String reason(String declared) {
    return reasons.get(declared);
  }
}
