package org.eurasia.registry.agreements.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a search or a count of ventures may be narrowed by; null (or empty) fields do not filter.
 * {@code organization} and {@code countries} match only partners that accepted; {@code from} and
 * {@code to} bound the date it was established (or proposed, while it is not).
 */
public record VentureFilter(
    VentureStatus status,
    VentureKind kind,
    String organization,
    List<String> countries,
    CooperationField field,
    LocalDate from,
    LocalDate to,
    Instant modifiedSince) {

  public VentureFilter {
    // Unmodifiable: a filter is a cache key of anonymous statistics (ExpensiveRead).
    countries =
        countries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(countries));
  }
}
