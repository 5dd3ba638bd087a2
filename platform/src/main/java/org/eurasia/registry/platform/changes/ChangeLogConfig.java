package org.eurasia.registry.platform.changes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The change log, history and change feed ({@code registry.change-log.*}). */
@ConfigMapping(prefix = "registry.change-log")
public interface ChangeLogConfig {

  /**
   * How long entries are kept; older ones are pruned (the only deletion the table allows). The
   * default keeps ten years: set it to what the operator's records-retention rules say. The change
   * feed can be caught up only from a cursor younger than this.
   */
  @WithDefault("P3650D")
  Duration retention();

  /** How often the pruning runs. */
  @WithDefault("1h")
  Duration pruneInterval();

  /** Largest page of the change feed a caller may ask for. */
  @WithDefault("500")
  int feedMaxLimit();
}
