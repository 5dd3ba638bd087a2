package org.eurasia.registry.platform.health;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Latency as Prometheus histograms with a few fixed buckets, so that the p99 alert and dashboard
 * (deploy/k8s/base/monitoring) compute {@code histogram_quantile} over the sum of all replicas'
 * buckets. Fixed service-level buckets rather than Micrometer's percentile histogram: about ten
 * series per route instead of about sixty, and the boundaries the alerts speak of (250 ms, 1 s).
 */
public class LatencyHistograms {

  /** HTTP requests: 5 ms to 5 s. */
  static final Duration[] HTTP_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);

  /** Outbox delay, occurrence to acknowledgement: 5 ms to a minute (Kafka down for a while). */
  public static final Duration[] OUTBOX_DELAY_BUCKETS =
      millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000);

  @Produces
  @Singleton
  MeterFilter httpServerRequestBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(
                Stream.of(HTTP_BUCKETS).mapToDouble(d -> (double) d.toNanos()).toArray())
            .build()
            .merge(config);
      }
    };
  }

  private static Duration[] millis(long... values) {
    return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
  }
}
