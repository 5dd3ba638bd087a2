package org.eurasia.registry.exchange.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.eurasia.registry.exchange.api.StatisticsResource.MobilityCounts;
import org.eurasia.registry.exchange.domain.MobilityCountRow;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.platform.statistics.SmallCounts;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: no identification through statistics. Counts from 1 to 4 are withheld from a caller who
 * may not read the mobilities counted, and never in a way the others give away. Plain JUnit.
 */
class SmallCellsTest {

  static final SmallCounts FIVE = new SmallCounts(5);

  @Test
  void aCellOfTwoPeopleIsWithheldFromWhoeverMayNotReadThem() {
    MobilityCounts anonymous =
        MobilityCounts.of(row(Map.of(MobilityStatus.NOMINATED, 2L), 1, 0), FIVE);
    assertNull(anonymous.total());
    assertNull(anonymous.attention());
    assertTrue(anonymous.byStatus().isEmpty());
    assertTrue(anonymous.suppressed());
  }

  @Test
  void theirInstitutionAndRegistrarsSeeEveryCount() {
    MobilityCountRow theirs = row(Map.of(MobilityStatus.NOMINATED, 2L), 1, 2);
    assertTrue(theirs.readableWhole());
    MobilityCounts shown = MobilityCounts.of(theirs, new SmallCounts(1));
    assertEquals(2L, shown.total());
    assertEquals(1L, shown.attention());
    assertFalse(shown.suppressed());
  }

  @Test
  void aSmallStatusIsNeverTheOnlyOneWithheldFromAShownTotal() {
    Map<MobilityStatus, Long> byStatus = new EnumMap<>(MobilityStatus.class);
    byStatus.put(MobilityStatus.NOMINATED, 20L);
    byStatus.put(MobilityStatus.ACCEPTED, 9L);
    byStatus.put(MobilityStatus.REJECTED, 1L);
    MobilityCounts counts = MobilityCounts.of(row(byStatus, 0, 0), FIVE);
    assertEquals(30L, counts.total());
    assertEquals(0L, counts.attention(), "zero says nobody and stays");
    assertEquals(Map.of(MobilityStatus.NOMINATED, 20L), counts.byStatus());
    assertTrue(counts.suppressed());
  }

  private static MobilityCountRow row(
      Map<MobilityStatus, Long> byStatus, long attention, long readable) {
    return new MobilityCountRow(
        "PK", "BY", "2026/2027", ProgramKind.STUDENT_EXCHANGE, byStatus, attention, readable);
  }
}
