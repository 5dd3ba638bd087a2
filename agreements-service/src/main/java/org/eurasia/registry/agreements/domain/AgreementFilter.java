package org.eurasia.registry.agreements.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a search or a count of agreements may be narrowed by; null (or empty) fields do not filter.
 * {@code party} and {@code countries} match only parties that consented, {@code invitedParty} a
 * party named that has not yet.
 */
public record AgreementFilter(
    AgreementStatus status,
    AgreementKind kind,
    String party,
    String invitedParty,
    List<String> countries,
    CooperationField field,
    String isced,
    String framework,
    Instant modifiedSince,
    String text,
    SearchSort sort,
    LocalDate inForceFrom,
    LocalDate inForceTo,
    LocalDate expiringBefore) {

  public AgreementFilter {
    // Unmodifiable: a filter is a cache key of anonymous statistics (ExpensiveRead).
    countries =
        countries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(countries));
    text = text == null || text.isBlank() ? null : text.trim();
    sort = sort == null ? SearchSort.CODE : sort;
  }
}
