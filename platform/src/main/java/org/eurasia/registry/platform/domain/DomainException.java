package org.eurasia.registry.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the domain refused a change. It says which rule and with which facts, in the domain's
 * own words, and knows nothing of HTTP: the edge ({@code platform.problem.ProblemMappers}) turns
 * each kind into its problem and status. No stack trace is filled in: it is an answer, not a
 * failure.
 */
public abstract sealed class DomainException extends RuntimeException
    permits RuleViolation,
        InvalidValue,
        StateConflict,
        InvalidTransition,
        UnknownReference,
        NotPermitted {

  private final Map<String, Object> facts = new LinkedHashMap<>();

  protected DomainException(String detail) {
    super(detail, null, false, false);
  }

  /**
   * A fact a caller can act on (the pending organizations, the current state), shown beside the
   * detail.
   */
  public DomainException with(String name, Object value) {
    facts.put(name, value);
    return this;
  }

  public Map<String, Object> facts() {
    return Collections.unmodifiableMap(facts);
  }
}
