package org.eurasia.registry.agreements.domain;

import java.util.List;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;

/** A lifecycle command the agreement's current state does not allow; names the state and what it does allow. */
public class InvalidTransition extends ProblemException {

  public InvalidTransition(AgreementStatus current, String attempted, List<String> allowed) {
    super(
        Problem.of(
                ProblemType.INVALID_STATE_TRANSITION,
                "Cannot " + attempted + " an agreement that is " + current + "; allowed: " + (allowed.isEmpty() ? "none" : allowed))
            .with("currentState", current.name())
            .with("allowedTransitions", allowed));
  }
}
