package org.eurasia.registry.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds the Kafka clients of the events platform from the {@code kafka.*} configuration (bootstrap
 * servers, and in production the SASL/TLS settings), adding the settings the delivery guarantees
 * depend on.
 */
@ApplicationScoped
public class KafkaClients {

  private static final Logger LOG = Logger.getLogger(KafkaClients.class);

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject MessagingConfig events;

  @ConfigProperty(name = "quarkus.application.name")
  String application;

  /**
   * A producer whose acknowledged records are on every in-sync replica, never duplicated by its own
   * retries.
   */
  public KafkaProducer<String, byte[]> producer(String role) {
    Map<String, Object> config = durableProducer(application + "-" + role);
    // Bounded waits: while Kafka is down a batch fails within these, the rows stay in the outbox,
    // and the relay backs off.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    return new KafkaProducer<>(config);
  }

  /**
   * The relay's producer: transactional, with one transactional id per service, so that each new
   * relay leader fences the producers of all earlier ones. A leader frozen mid-batch cannot commit
   * its records when it wakes up, and what it sent is aborted, invisible to {@code read_committed}
   * consumers.
   */
  public KafkaProducer<String, byte[]> relayProducer() {
    Map<String, Object> config = durableProducer(application + "-outbox-relay");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, application + ".outbox-relay");
    int sendTimeout = (int) events.relay().sendTimeout().toMillis();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeout);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(30_000, sendTimeout * 3));
    // A leader that stalls with a transaction open holds back read_committed consumers of its
    // partitions until the next leader fences it, or until this timeout at the latest.
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    return new KafkaProducer<>(config);
  }

  /** What every producer here shares: acknowledged by all in-sync replicas, never duplicated. */
  private Map<String, Object> durableProducer(String clientId) {
    Map<String, Object> config = base();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // With idempotence, up to 5 in-flight requests still keep per-partition order across retries.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  /**
   * A consumer that never commits on its own: offsets move only after an event's effect committed.
   */
  public KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = base();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, application);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-consumer");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    // A subscribed topic created after start-up (its producer deployed later) is picked up within
    // half a minute.
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(config);
  }

  /**
   * A consumer for reading chosen partitions and offsets ({@code assign} and {@code seek}): no
   * group, so it commits nothing and disturbs no one's offsets.
   */
  public KafkaConsumer<String, byte[]> reader() {
    Map<String, Object> config = base();
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-reader");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 101);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(config);
  }

  public Admin admin() {
    Map<String, Object> config = base();
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-admin");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return Admin.create(config);
  }

  /**
   * Creates the topics this service publishes to, and its dead-letter topic, with explicit
   * partitions and retention when they do not exist yet. Throws when Kafka cannot be reached, so
   * callers retry.
   */
  public void provisionTopics() throws InterruptedException, ExecutionException, TimeoutException {
    if (!events.provisioning().enabled()) {
      return;
    }
    List<String> wanted = new ArrayList<>(events.topics().values());
    wanted.add(events.deadLetterTopic());
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : wanted) {
        if (!existing.contains(topic) && missing.stream().noneMatch(t -> t.name().equals(topic))) {
          missing.add(
              new NewTopic(
                      topic,
                      events.provisioning().partitions(),
                      events.provisioning().replicationFactor())
                  .configs(
                      Map.of(
                          TopicConfig.RETENTION_MS_CONFIG,
                          Long.toString(events.provisioning().retention().toMillis()))));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
        LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
      }
    }
  }

  /** True when a broker answers within the timeout. */
  public boolean brokerReachable(Duration timeout) {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  private Map<String, Object> base() {
    Map<String, Object> config = new HashMap<>();
    kafkaConfig.forEach(
        (key, value) -> {
          // The Quarkus map also carries its own non-Kafka keys (e.g. health settings); Kafka
          // ignores unknown ones but logs them.
          if (!key.startsWith("health")
              && !key.startsWith("devservices")
              && !key.startsWith("snappy")) {
            config.put(key, value);
          }
        });
    return config;
  }
}
