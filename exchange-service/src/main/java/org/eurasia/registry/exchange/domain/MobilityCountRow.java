package org.eurasia.registry.exchange.domain;

import java.util.Map;

/**
 * Mobilities of one home country, host country, academic year and programme kind, counted per
 * status, and how many of them are flagged because their agreement is no longer in force.
 */
public record MobilityCountRow(
    String homeCountry,
    String hostCountry,
    String academicYear,
    ProgramKind kind,
    Map<MobilityStatus, Long> byStatus,
    long attention) {}
