package org.eurasia.registry.agreements.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency (the edge checks the code). */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount);
    Objects.requireNonNull(currency);
  }
}
