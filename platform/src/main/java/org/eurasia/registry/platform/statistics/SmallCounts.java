package org.eurasia.registry.platform.statistics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 24: no identification through statistics. A count from 1 to {@code smallestShown - 1} is
 * withheld from a caller who may not read the records counted (zero says nobody and stays). Among
 * the parts of a shown total, a withheld part is never the only one: the total minus the others
 * would give it away, so the smallest other part is withheld with it.
 *
 * @param smallestShown the smallest count shown (1 shows everything)
 */
public record SmallCounts(int smallestShown) {

  /** The count, or null when it is too small to show. */
  public Long shown(long count) {
    return isSmall(count) ? null : count;
  }

  /** Whether the count is withheld. */
  public boolean isSmall(long count) {
    return count > 0 && count < smallestShown;
  }

  /**
   * The parts that may be shown, in their order; the withheld ones are left out (all of them when
   * the total is withheld).
   */
  public <K> Map<K, Long> shownParts(Map<K, Long> parts, boolean totalShown) {
    Map<K, Long> shown = new LinkedHashMap<>();
    if (!totalShown) {
      return shown;
    }
    parts.forEach(
        (key, count) -> {
          if (!isSmall(count)) {
            shown.put(key, count);
          }
        });
    if (parts.size() - shown.size() == 1 && !shown.isEmpty()) {
      K smallest = null;
      for (Map.Entry<K, Long> e : shown.entrySet()) {
        if (smallest == null || e.getValue() < shown.get(smallest)) {
          smallest = e.getKey();
        }
      }
      shown.remove(smallest);
    }
    return shown;
  }
}
