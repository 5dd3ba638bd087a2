package org.eurasia.registry.exchange.domain;

import java.util.Map;

/**
 * Mobilities of one home country, host country, academic year and programme kind, counted per
 * status.
 */
public record MobilityCountRow(
    String homeCountry,
    String hostCountry,
    String academicYear,
    ProgramKind kind,
    Map<MobilityStatus, Long> byStatus) {}
