package org.eurasia.registry.exchange.domain;

/**
 * How long one mobility lasts: agreements state it in months (semesters) or days (short staff
 * visits).
 */
public record StayDuration(int amount, Unit unit) {

  public enum Unit {
    MONTHS,
    DAYS
  }

  public StayDuration {
    if (amount <= 0) {
      throw new IllegalArgumentException("duration must be positive");
    }
  }
}
