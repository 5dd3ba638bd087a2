package org.eurasia.registry.platform.problem;

import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.domain.DomainException;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.domain.UnknownReference;

/**
 * What each kind of domain refusal is as a problem: the domain says which rule and which facts; the
 * status and the problem type are decided here, at the edge.
 */
public final class DomainProblems {

  private DomainProblems() {}

  /** The problem a domain refusal is, with its facts beside the detail. */
  public static Problem of(DomainException e) {
    Problem problem;
    if (e instanceof RuleViolation v) {
      problem = Problem.of(ProblemType.RULE_VIOLATED, v.getMessage()).with("condition", v.rule());
    } else if (e instanceof InvalidValue v) {
      problem =
          Problem.of(
              ProblemType.VALIDATION_FAILED,
              v.getMessage(),
              List.of(new Problem.FieldError(v.term(), v.reason())));
    } else if (e instanceof StateConflict) {
      problem = Problem.of(ProblemType.CONFLICT, e.getMessage());
    } else if (e instanceof InvalidTransition t) {
      problem =
          Problem.of(ProblemType.INVALID_STATE_TRANSITION, t.getMessage())
              .with("currentState", t.currentState())
              .with("allowedTransitions", t.allowed());
    } else if (e instanceof UnknownReference r) {
      problem =
          Problem.of(
              ProblemType.UNKNOWN_REFERENCE,
              r.getMessage(),
              List.of(new Problem.FieldError(r.term(), r.getMessage())));
    } else {
      // NotPermitted, the last kind of the sealed hierarchy.
      problem = Problem.of(ProblemType.FORBIDDEN, e.getMessage());
    }
    // Problem.with returns a new problem: keep each one.
    for (Map.Entry<String, Object> fact : e.facts().entrySet()) {
      problem = problem.with(fact.getKey(), fact.getValue());
    }
    return problem;
  }
}
