package org.eurasia.registry.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * The events this service's consumer dead-lettered, as an operator reads and replays them: read
 * from the dead-letter topic without a consumer group (nothing is committed, every read starts
 * where it is told), and replayed through the same exactly-once dispatch as a live event, under the
 * original topic's name, so a replay of an event applied in the meantime changes nothing.
 */
@ApplicationScoped
public class DeadLetterInbox {

  /** How long one listing may read before it answers with what it has. */
  private static final Duration BUDGET = Duration.ofSeconds(10);

  @Inject KafkaClients kafka;

  @Inject MessagingConfig config;

  @Inject ExactlyOnceDispatch dispatch;

  @Inject EntityManager em;

  /** Where a dead letter is: its partition and offset in the dead-letter topic. */
  public record Position(int partition, long offset) {

    /** Reads {@code "<partition>-<offset>"}; empty when it is not one. */
    public static Optional<Position> parse(String text) {
      if (text == null || !text.matches("\\d{1,4}-\\d{1,18}")) {
        return Optional.empty();
      }
      String[] parts = text.split("-");
      return Optional.of(new Position(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
    }

    @Override
    public String toString() {
      return partition + "-" + offset;
    }
  }

  /**
   * One dead letter: the event, where it came from, why it failed, and whether it applied since.
   */
  public record Letter(
      Position position,
      String eventId,
      String eventType,
      String subject,
      String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      String error,
      Instant deadLetteredAt,
      boolean appliedSince,
      String data) {}

  /** What a replay did. */
  public enum Replay {
    APPLIED,
    ALREADY_APPLIED
  }

  /**
   * Dead letters in (partition, offset) order after {@code after}: at most {@code limit} + 1, so
   * the caller knows whether a next page exists. All partitions are read at once, each only until
   * it has enough or reaches its end.
   */
  public List<Letter> list(int limit, Position after) {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
      List<TopicPartition> partitions = partitions(consumer);
      // Assigned before asking for offsets: a read_committed consumer asked about partitions it
      // does not hold logs a warning for each.
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
      Map<TopicPartition, List<Letter>> found = new java.util.LinkedHashMap<>();
      for (TopicPartition partition : partitions) {
        long from = starts.get(partition);
        if (after != null && partition.partition() == after.partition()) {
          from = Math.max(from, after.offset() + 1);
        }
        boolean before = after != null && partition.partition() < after.partition();
        if (!before && from < ends.get(partition)) {
          found.put(partition, new ArrayList<>());
          starts.put(partition, from);
        }
      }
      if (found.isEmpty()) {
        return List.of();
      }
      consumer.pause(partitions.stream().filter(p -> !found.containsKey(p)).toList());
      found.keySet().forEach(p -> consumer.seek(p, starts.get(p)));
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          List<Letter> letters = found.get(partition);
          if (record.offset() < ends.get(partition) && letters.size() <= limit) {
            letters.add(letter(record, false));
          }
        }
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition partition : found.keySet()) {
          if (found.get(partition).size() > limit
              || consumer.position(partition) >= ends.get(partition)) {
            done.add(partition);
          }
        }
        consumer.pause(done);
        if (done.size() == found.size()) {
          break;
        }
      }
      List<Letter> letters = new ArrayList<>();
      found.values().forEach(letters::addAll);
      return letters.size() > limit + 1 ? letters.subList(0, limit + 1) : letters;
    }
  }

  /** One dead letter with its data, if the topic still holds it. */
  public Optional<Letter> find(Position position) {
    return read(position).map(record -> letter(record, true));
  }

  /**
   * Applies the dead-lettered event now, exactly once as the consumer would; throws what the
   * handlers throw when it still cannot be applied.
   */
  public Optional<Replay> replay(Position position) {
    return read(position)
        .map(
            record ->
                dispatch.apply(ReceivedEvent.from(asOriginal(record)))
                    ? Replay.APPLIED
                    : Replay.ALREADY_APPLIED);
  }

  private Optional<ConsumerRecord<String, byte[]>> read(Position position) {
    try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
      TopicPartition partition = new TopicPartition(config.deadLetterTopic(), position.partition());
      if (partitions(consumer).stream().noneMatch(partition::equals)) {
        return Optional.empty();
      }
      consumer.assign(List.of(partition));
      long start = consumer.beginningOffsets(List.of(partition)).get(partition);
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      if (position.offset() < start || position.offset() >= end) {
        return Optional.empty();
      }
      consumer.seek(partition, position.offset());
      long deadline = System.nanoTime() + BUDGET.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() == position.offset()) {
            return Optional.of(record);
          }
          if (record.offset() > position.offset()) {
            // Compacted or transaction markers: the offset holds no record.
            return Optional.empty();
          }
        }
      }
      throw new IllegalStateException("The dead-letter topic did not answer in " + BUDGET);
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(config.deadLetterTopic());
    return infos == null
        ? List.of()
        : infos.stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .sorted(Comparator.comparingInt(TopicPartition::partition))
            .toList();
  }

  /** The record as it was on its original topic, so that its processed mark is the live one's. */
  private static ConsumerRecord<String, byte[]> asOriginal(ConsumerRecord<String, byte[]> letter) {
    Origin origin = Origin.of(letter);
    if (origin.topic() == null) {
      throw new IllegalStateException("The dead letter does not say which topic it came from");
    }
    return new ConsumerRecord<>(
        origin.topic(),
        origin.partition() == null ? 0 : origin.partition(),
        origin.offset() == null ? 0 : origin.offset(),
        letter.timestamp(),
        TimestampType.CREATE_TIME,
        ConsumerRecord.NULL_SIZE,
        ConsumerRecord.NULL_SIZE,
        letter.key(),
        letter.value(),
        letter.headers(),
        Optional.empty());
  }

  private Letter letter(ConsumerRecord<String, byte[]> record, boolean withData) {
    Origin origin = Origin.of(record);
    String eventId = header(record, "ce_id");
    return new Letter(
        new Position(record.partition(), record.offset()),
        eventId,
        header(record, "ce_type"),
        header(record, "ce_subject"),
        origin.topic(),
        origin.partition(),
        origin.offset(),
        header(record, DeadLetters.ERROR),
        Instant.ofEpochMilli(record.timestamp()),
        origin.topic() != null && eventId != null && processed(origin.topic(), eventId),
        withData && record.value() != null
            ? new String(record.value(), StandardCharsets.UTF_8)
            : null);
  }

  /** Where a dead letter came from, as {@link DeadLetters} wrote it. */
  private record Origin(String topic, Integer partition, Long offset) {
    static Origin of(ConsumerRecord<?, ?> letter) {
      String partition = header(letter, DeadLetters.ORIGINAL_PARTITION);
      String offset = header(letter, DeadLetters.ORIGINAL_OFFSET);
      return new Origin(
          header(letter, DeadLetters.ORIGINAL_TOPIC),
          partition == null ? null : Integer.valueOf(partition),
          offset == null ? null : Long.valueOf(offset));
    }
  }

  private boolean processed(String topic, String eventId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
        .setParameter(1, topic)
        .setParameter(2, eventId)
        .getResultList()
        .isEmpty();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
