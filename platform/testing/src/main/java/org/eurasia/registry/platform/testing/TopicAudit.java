package org.eurasia.registry.platform.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a topic holds, read as a consumer would and judged by the delivery rules: every event id at
 * least once, an id seen twice is an exact redelivery (same key, type and version), and one
 * aggregate's versions never go backwards except by such a redelivery.
 */
public final class TopicAudit {

  private final List<ConsumerRecord<String, byte[]>> records;

  private TopicAudit(List<ConsumerRecord<String, byte[]>> records) {
    this.records = records;
  }

  /** Reads the committed records of {@code topic} whose key matches, to the end it has now. */
  public static TopicAudit of(String bootstrapServers, String topic, Predicate<String> keys) {
    return new TopicAudit(KafkaProbe.readAll(bootstrapServers, topic, r -> keys.test(r.key())));
  }

  public List<ConsumerRecord<String, byte[]>> records() {
    return records;
  }

  public static String id(ConsumerRecord<?, ?> record) {
    return KafkaProbe.header(record, "ce_id");
  }

  public static String type(ConsumerRecord<?, ?> record) {
    return KafkaProbe.header(record, "ce_type");
  }

  public static long version(ConsumerRecord<?, ?> record) {
    return Long.parseLong(KafkaProbe.header(record, "ce_aggregateversion"));
  }

  /** Distinct event ids. */
  public Set<String> ids() {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(id(r)));
    return ids;
  }

  /** Records whose event id an earlier record already carried: the at-least-once redeliveries. */
  public int duplicates() {
    return records.size() - ids().size();
  }

  /** Distinct event ids of one type for one key: how many times that change happened. */
  public long count(String key, String type) {
    return records.stream()
        .filter(r -> key.equals(r.key()) && type.equals(type(r)))
        .map(TopicAudit::id)
        .distinct()
        .count();
  }

  /** The versions published for one key. */
  public Set<Long> versions(String key) {
    Set<Long> versions = new HashSet<>();
    records.stream().filter(r -> key.equals(r.key())).forEach(r -> versions.add(version(r)));
    return versions;
  }

  /**
   * Every break of per-aggregate order, in words: a version lower than one already seen for the key
   * that is not a redelivery of an id seen before, or two different ids for one version.
   */
  public List<String> orderViolations() {
    List<String> violations = new ArrayList<>();
    Map<String, Long> newest = new HashMap<>();
    Map<String, String> idOfVersion = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      long version = version(record);
      String id = id(record);
      String where =
          record.key() + " v" + version + " at " + record.partition() + "@" + record.offset();
      String earlier = idOfVersion.putIfAbsent(record.key() + "/" + version, id);
      if (earlier != null && !earlier.equals(id)) {
        violations.add(where + ": a second event " + id + " for one version");
      }
      Long before = newest.get(record.key());
      if (before != null && version < before && !seen.contains(id)) {
        violations.add(where + ": after v" + before);
      }
      newest.merge(record.key(), version, Math::max);
      seen.add(id);
    }
    return violations;
  }
}
