package org.eurasia.registry.exchange.domain;

import java.time.LocalDate;

/**
 * What a nomination proposes about a mobility: the one record the request maps onto and the view
 * and notice are derived from. The participant's personal data travels separately, and whether the
 * programme takes these terms is {@link Program}'s and {@link Mobility#nominate}'s to check.
 *
 * @param eqfLevel the level of study, when the programme or a scholarship asks for one
 * @param iscedCode the field of study, likewise
 */
public record MobilityTerms(
    String academicYear,
    Direction direction,
    Integer eqfLevel,
    String iscedCode,
    LocalDate plannedStart,
    LocalDate plannedEnd) {}
