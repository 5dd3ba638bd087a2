package org.eurasia.registry.platform.domain;

import java.util.List;

/**
 * A lifecycle command the aggregate's current state does not allow; names the state and what it
 * does allow, so a partner system can tell a stale view from a wrong call. Thrown by {@link
 * Lifecycle#require}.
 */
public final class InvalidTransition extends DomainException {

  private final String currentState;
  private final List<String> allowed;

  /**
   * @param subject what is being changed, as a reader says it ("an agreement", "a programme")
   * @param current its current state
   * @param attempted the command, as the API names it ("suspend")
   * @param allowed the commands the current state allows
   */
  public InvalidTransition(
      String subject, Enum<?> current, String attempted, List<String> allowed) {
    super(
        "Cannot "
            + attempted
            + " "
            + subject
            + " that is "
            + current
            + "; allowed: "
            + (allowed.isEmpty() ? "none" : allowed));
    this.currentState = current.name();
    this.allowed = List.copyOf(allowed);
  }

  public String currentState() {
    return currentState;
  }

  public List<String> allowed() {
    return allowed;
  }
}
