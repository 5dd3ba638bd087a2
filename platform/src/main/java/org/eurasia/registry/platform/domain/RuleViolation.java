package org.eurasia.registry.platform.domain;

/**
 * A business rule the change would break, named by a stable slug a partner system can branch on
 * ({@code amendment-signatories}, {@code no-quota}).
 */
public final class RuleViolation extends DomainException {

  private final String rule;

  public RuleViolation(String rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
