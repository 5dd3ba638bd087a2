package org.eurasia.registry.platform.csv;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many rows one {@code text/csv} answer may hold ({@code registry.csv.*}). */
@ConfigMapping(prefix = "registry.csv")
public interface CsvConfig {

  /** Rows per CSV answer for callers without a token (and the default page of such an answer). */
  @WithDefault("1000")
  int anonymousMaxRows();

  /** Rows per CSV answer for callers with a verified token. */
  @WithDefault("10000")
  int authenticatedMaxRows();
}
