package org.eurasia.registry.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eurasia.registry.platform.health.LatencyHistograms;

/**
 * What the relay tells Prometheus: events acknowledged, refused, and how long they took. Created at
 * start-up so the meters exist (at zero) before the first event.
 */
@Startup
@ApplicationScoped
class RelayMetrics {

  private final Counter published;
  private final Counter failures;
  private final Timer delay;
  private final Counter parked;

  @Inject
  RelayMetrics(MeterRegistry metrics) {
    published =
        Counter.builder("registry.outbox.published")
            .description("Events acknowledged by Kafka")
            .register(metrics);
    failures =
        Counter.builder("registry.outbox.publish.failures")
            .description("Events Kafka refused or did not acknowledge in time")
            .register(metrics);
    parked =
        Counter.builder("registry.outbox.parked")
            .description("Events parked after repeated refusals (listed at /api/v1/operations)")
            .register(metrics);
    delay =
        Timer.builder("registry.outbox.publish.delay")
            .description("From the event's occurrence to the broker's acknowledgement")
            // Buckets rather than percentiles computed in each replica: percentiles cannot be
            // added up across replicas, buckets can (histogram_quantile over the sum).
            .serviceLevelObjectives(LatencyHistograms.OUTBOX_DELAY_BUCKETS)
            .register(metrics);
  }

  void acknowledged(Instant occurredAt) {
    delay.record(Duration.between(occurredAt, Instant.now()));
  }

  void published(int count) {
    published.increment(count);
  }

  void parked(int count) {
    parked.increment(count);
  }

  void refused(int count) {
    failures.increment(count);
  }
}
