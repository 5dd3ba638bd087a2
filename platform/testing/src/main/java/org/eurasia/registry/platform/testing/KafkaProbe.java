package org.eurasia.registry.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes the test broker directly, the way another service (or an attacker) would. Reads
 * see committed records only ({@code read_committed}), as the services' consumers do.
 */
public final class KafkaProbe {

  private KafkaProbe() {}

  public static String bootstrapServers() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /**
   * Reads {@code topic} from the beginning until {@code wanted} records match or {@code timeout}
   * passes, then keeps reading for {@code settle} more to catch any duplicate. Returns every match.
   */
  public static List<ConsumerRecord<String, byte[]>> collect(
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> match,
      int wanted,
      Duration timeout,
      Duration settle) {
    return collect(bootstrapServers(), topic, match, wanted, timeout, settle);
  }

  /**
   * As {@link #collect(String, Predicate, int, Duration, Duration)}, on a broker named explicitly.
   */
  public static List<ConsumerRecord<String, byte[]>> collect(
      String bootstrapServers,
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> match,
      int wanted,
      Duration timeout,
      Duration settle) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // As the services' consumers read: records of aborted relay transactions are not
                // events.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()))) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(timeout);
      Instant settleUntil = null;
      while (Instant.now().isBefore(settleUntil == null ? deadline : settleUntil)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
        if (settleUntil == null && found.size() >= wanted) {
          settleUntil = Instant.now().plus(settle);
        }
      }
    }
    return found;
  }

  /**
   * Every record of {@code topic} that matches, in partition order, from the beginning to the end
   * each partition has now. Like every read here it sees committed records only ({@code
   * read_committed}), as the services' consumers do: records of an aborted or still open
   * transaction are not returned.
   */
  public static List<ConsumerRecord<String, byte[]>> readAll(
      String bootstrapServers, String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(reader(bootstrapServers))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // For a read_committed consumer the end is the last stable offset: open transactions wait.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Could not read " + topic + " to its end in 60 s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))
              && match.test(record)) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  private static Map<String, Object> reader(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class.getName());
  }

  public static void send(ProducerRecord<String, byte[]> record) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName()))) {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a topic unless it exists, as the producing service would in a real deployment. */
  public static void createTopic(String topic, int partitions) {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", bootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin
            .createTopics(
                List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
            .all()
            .get();
      }
    } catch (Exception e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null
        ? null
        : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
