package org.eurasia.registry.exchange.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.exchange.domain.Scholarship.CountryPair;
import org.eurasia.registry.platform.domain.InvalidValue;

/**
 * What a funder sets for a scholarship: the one record the request maps onto and the view is
 * derived from. The amount is per award, in the currency's own minor units at most; an absent or
 * empty eligibility list means "any" (lists are kept sorted, directions without repeats).
 */
public record ScholarshipTerms(
    Map<String, String> title,
    BigDecimal amount,
    String currency,
    int awards,
    List<Integer> eligibleEqfLevels,
    List<String> eligibleIscedCodes,
    List<CountryPair> eligibleDirections) {

  public ScholarshipTerms {
    Currency iso;
    try {
      iso = Currency.getInstance(currency);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValue("currency", "'" + currency + "' is not an ISO 4217 currency code");
    }
    if (amount == null || amount.signum() <= 0) {
      throw new InvalidValue("amount", "must be greater than 0");
    }
    if (amount.stripTrailingZeros().scale() > Math.max(iso.getDefaultFractionDigits(), 0)) {
      throw new InvalidValue(
          "amount", currency + " has " + iso.getDefaultFractionDigits() + " decimal places");
    }
    title = title == null ? Map.of() : title;
    eligibleEqfLevels =
        eligibleEqfLevels == null
            ? List.of()
            : eligibleEqfLevels.stream().distinct().sorted().toList();
    eligibleIscedCodes =
        eligibleIscedCodes == null
            ? List.of()
            : eligibleIscedCodes.stream().distinct().sorted().toList();
    eligibleDirections =
        eligibleDirections == null ? List.of() : eligibleDirections.stream().distinct().toList();
  }
}
