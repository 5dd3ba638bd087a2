package org.eurasia.registry.platform.domain;

/**
 * A value the domain cannot take, named by the term it belongs to ({@code parties}, {@code date});
 * the edge reports it as the caller's field of that name.
 */
public final class InvalidValue extends DomainException {

  private final String term;
  private final String reason;

  public InvalidValue(String term, String reason) {
    super(term + ": " + reason);
    this.term = term;
    this.reason = reason;
  }

  public String term() {
    return term;
  }

  public String reason() {
    return reason;
  }
}
