package org.eurasia.registry.events.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long personal data is kept ({@code registry.retention.*}). The legal reason for each period
 * is for the operator to set: the defaults are a starting point, not advice.
 */
@ConfigMapping(prefix = "registry.retention")
public interface RetentionConfig {

  /**
   * How long after an event ends its registrants' names and e-mails are kept; then the retention
   * job erases them (the registrations stay, counted, without the person).
   */
  @WithDefault("P180D")
  Duration registrations();

  /** How often the retention job runs ({@code off} to disable it). */
  @WithDefault("1h")
  String every();
}
