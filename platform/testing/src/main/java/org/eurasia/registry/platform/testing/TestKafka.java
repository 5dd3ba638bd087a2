package org.eurasia.registry.platform.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.eurasia.registry.platform.testing.TestInfrastructure.Mode;

/**
 * A real Kafka broker for tests: external, a container, or a single KRaft node from Kafka's own
 * test kit.
 */
public interface TestKafka extends AutoCloseable {

  /** Image for Testcontainers; the same Kafka version as the clients. */
  String IMAGE = "apache/kafka:4.1.2";

  String bootstrapServers();

  Mode mode();

  @Override
  void close();

  static TestKafka start(Mode mode) {
    return switch (mode) {
      case EXTERNAL -> external();
      case TESTCONTAINERS -> container();
      case EMBEDDED, AUTO -> embedded();
    };
  }

  private static TestKafka external() {
    String bootstrap = System.getenv("TEST_KAFKA_BOOTSTRAP");
    if (bootstrap == null) {
      throw new IllegalStateException("registry.test.kafka=external needs TEST_KAFKA_BOOTSTRAP");
    }
    return new Simple(bootstrap, Mode.EXTERNAL, () -> {});
  }

  private static TestKafka container() {
    var container = new org.testcontainers.kafka.KafkaContainer(IMAGE);
    container.start();
    return new Simple(container.getBootstrapServers(), Mode.TESTCONTAINERS, container::stop);
  }

  private static TestKafka embedded() {
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              // One node: internal topics cannot have more replicas than that.
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              // Services create their topics with explicit partitions; a typo must not silently
              // create another.
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new Simple(
          cluster.bootstrapServers(),
          Mode.EMBEDDED,
          () -> {
            try {
              cluster.close();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start embedded Kafka", e);
    }
  }

  /** The brokers differ only in how they start and stop. */
  record Simple(String bootstrapServers, Mode mode, Runnable stopper) implements TestKafka {
    @Override
    public void close() {
      stopper.run();
    }
  }
}
