package org.eurasia.registry.platform.problem;

import java.util.List;

/**
 * Thrown by application and domain services to end a request with a specific problem. It carries no
 * JAX-RS type, so services can throw it without depending on the HTTP layer; {@link ProblemMappers}
 * renders it.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.getDetail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        Problem.of(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist"));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, detail));
  }

  /**
   * A reference to something another service owns that this service has not heard of (yet):
   * distinct from a rule violation, because waiting for the owner's event may resolve it.
   */
  public static ProblemException unknownReference(String field, String detail) {
    return new ProblemException(
        Problem.of(
            ProblemType.UNKNOWN_REFERENCE, detail, List.of(new Problem.FieldError(field, detail))));
  }

  /**
   * A business rule refused the request; {@code condition} is a stable slug partner systems can
   * branch on.
   */
  public static ProblemException ruleViolated(String condition, String detail) {
    return new ProblemException(
        Problem.of(ProblemType.RULE_VIOLATED, detail).with("condition", condition));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": " + message,
            List.of(new Problem.FieldError(field, message))));
  }
}
