package org.eurasia.registry.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eurasia.registry.platform.events.EventConsumer;
import org.eurasia.registry.platform.events.KafkaClients;
import org.eurasia.registry.platform.events.OutboxBacklog;
import org.eurasia.registry.platform.events.OutboxRelay;

/**
 * Reports Kafka and the outbox in readiness, but stays UP while Kafka is down: writes keep
 * succeeding into the outbox and are published when Kafka returns, so taking the service out of
 * rotation would only refuse good requests. Operators alert on {@code outboxBacklog} / {@code
 * oldestUnpublishedSeconds} (also exported as metrics) instead.
 */
@Readiness
@ApplicationScoped
public class EventsHealthCheck implements HealthCheck {

  @Inject KafkaClients kafka;

  @Inject OutboxBacklog backlog;

  @Inject OutboxRelay relay;

  @Inject EventConsumer consumer;

  private volatile boolean kafkaReachable;
  private volatile Instant kafkaCheckedAt = Instant.EPOCH;

  @Override
  public HealthCheckResponse call() {
    OutboxBacklog.Snapshot figures = backlog.current();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("kafka-and-outbox")
            .up()
            .withData("kafkaReachable", kafkaReachable())
            .withData("relayActiveOnThisReplica", relay.isActive())
            .withData("outboxBacklog", figures.rows())
            .withData("oldestUnpublishedSeconds", (long) figures.oldestAgeSeconds())
            .withData("parkedEvents", figures.parked())
            .withData("consumerLag", consumer.lag());
    if (relay.lastError() != null) {
      response.withData("lastPublishError", relay.lastError());
    }
    return response.build();
  }

  /**
   * Asks the broker at most every few seconds: probes may come often, and each question opens a
   * connection.
   */
  private boolean kafkaReachable() {
    if (Duration.between(kafkaCheckedAt, Instant.now()).compareTo(Duration.ofSeconds(5)) > 0) {
      kafkaReachable = kafka.brokerReachable(Duration.ofSeconds(2));
      kafkaCheckedAt = Instant.now();
    }
    return kafkaReachable;
  }
}
