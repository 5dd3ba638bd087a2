package org.eurasia.registry.exchange.domain;

/**
 * Places for one academic year and direction. {@code places} null means "not yet defined": the
 * programme may take mobilities that way, and no limit is enforced until one is set. {@code
 * accepted} is the number of places taken.
 */
public record Quota(String academicYear, Direction direction, Integer places, int accepted) {

  /** The plan this quota carries out: what the programme's terms say of its year and direction. */
  public ProgramTerms.QuotaPlan plan() {
    return new ProgramTerms.QuotaPlan(academicYear, direction, places);
  }

  public Integer remaining() {
    return places == null ? null : places - accepted;
  }
}
