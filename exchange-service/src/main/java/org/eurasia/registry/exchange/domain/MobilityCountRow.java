package org.eurasia.registry.exchange.domain;

import java.util.Map;

/**
 * Mobilities of one home country, host country, academic year and programme kind, counted per
 * status, how many of them are flagged because their agreement is no longer in force, and how many
 * of them the reader may read ({@code readable}: small counts of the others are withheld).
 */
public record MobilityCountRow(
    String homeCountry,
    String hostCountry,
    String academicYear,
    ProgramKind kind,
    Map<MobilityStatus, Long> byStatus,
    long attention,
    long readable) {

  /** How many mobilities the row counts. */
  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Whether the reader may read every mobility counted (as one of its institutions, or a
   * registrar): then no count of the row need be withheld.
   */
  public boolean readableWhole() {
    return readable == total();
  }
}
