package org.eurasia.registry.platform.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Statistics ({@code registry.statistics.*}). */
@ConfigMapping(prefix = "registry.statistics")
public interface StatisticsConfig {

  /**
   * The smallest count shown to a caller who may not read the records counted: a count from 1 to
   * one less is withheld (null, with {@code suppressed: true}), since a cell of one or two people
   * can identify them.
   */
  @WithDefault("5")
  int smallestShownCount();

  /** The rule this configuration sets. */
  default SmallCounts smallCounts() {
    return new SmallCounts(smallestShownCount());
  }
}
