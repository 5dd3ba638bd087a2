package org.eurasia.registry.agreements.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a search or a count of agreements may be narrowed by; null (or empty) fields do not filter.
 * {@code party} and {@code countries} match only parties that consented, {@code invitedParty} a
 * party named that has not yet. {@code from}/{@code to} is a window of days the agreement was in
 * force on at least one of (the registry's shared date window, which for events is the days they
 * run); {@code entryIntoForceFrom}/{@code entryIntoForceTo} bound the day it entered into force.
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
    LocalDate from,
    LocalDate to,
    LocalDate entryIntoForceFrom,
    LocalDate entryIntoForceTo,
    LocalDate expiringBefore) {

  public AgreementFilter {
    // Unmodifiable: a filter is a cache key of anonymous statistics (ExpensiveRead).
    countries =
        countries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(countries));
    text = text == null || text.isBlank() ? null : text.trim();
    sort = sort == null ? SearchSort.CODE : sort;
  }
}
