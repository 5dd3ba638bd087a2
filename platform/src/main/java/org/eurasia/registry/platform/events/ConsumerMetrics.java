package org.eurasia.registry.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer tells Prometheus and the readiness check: events applied, seen again, or
 * dead-lettered, and how far behind the subscribed partitions it is. Created at start-up so the
 * meters exist (at zero) before the first event.
 */
@Startup
@ApplicationScoped
class ConsumerMetrics {

  private final AtomicLong lag = new AtomicLong();
  private final Counter applied;
  private final Counter duplicates;
  private final Counter deadLettered;

  @Inject
  ConsumerMetrics(MeterRegistry metrics) {
    applied =
        Counter.builder("registry.events.consumed").tag("outcome", "applied").register(metrics);
    duplicates =
        Counter.builder("registry.events.consumed").tag("outcome", "duplicate").register(metrics);
    deadLettered =
        Counter.builder("registry.events.consumed")
            .tag("outcome", "dead-lettered")
            .register(metrics);
    Gauge.builder("registry.events.consumer.lag", lag, AtomicLong::get)
        .description("Records behind the end of the subscribed partitions")
        .register(metrics);
  }

  void applied(boolean fresh) {
    (fresh ? applied : duplicates).increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  /** Records behind the end of the partitions assigned to this consumer, as of its last poll. */
  void updateLag(KafkaConsumer<?, ?> consumer) {
    long total = 0;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong partitionLag = consumer.currentLag(partition);
      total += partitionLag.orElse(0);
    }
    lag.set(total);
  }

  long lag() {
    return lag.get();
  }
}
