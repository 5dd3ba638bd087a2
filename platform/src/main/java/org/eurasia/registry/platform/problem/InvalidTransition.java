package org.eurasia.registry.platform.problem;

import java.util.List;

/**
 * A lifecycle command the aggregate's current state does not allow (409); names the state and what it does allow, so
 * a partner system can tell a stale view from a wrong call.
 */
public class InvalidTransition extends ProblemException {

  /**
   * @param subject what is being changed, as a reader says it ("an agreement", "a programme")
   * @param current its current state
   * @param attempted the command, as a verb ("suspend")
   * @param allowed the commands the current state allows
   */
  public InvalidTransition(String subject, Enum<?> current, String attempted, List<String> allowed) {
    super(
        Problem.of(
                ProblemType.INVALID_STATE_TRANSITION,
                "Cannot " + attempted + " " + subject + " that is " + current + "; allowed: " + (allowed.isEmpty() ? "none" : allowed))
            .with("currentState", current.name())
            .with("allowedTransitions", allowed));
  }
}
