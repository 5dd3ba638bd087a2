package org.eurasia.registry.platform.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A service's real consumer meets poison on one of the topics it reads: a record that is no
 * CloudEvent at all, an event of a type it handles whose data breaks the producer's contract, one
 * whose envelope lacks the aggregate version, and one of a type it neither handles nor ignores (a
 * payload version no contract lists). All four land in the service's dead-letter topic with the
 * original topic in their headers (the last two as unprocessable, never marked processed), and a
 * valid event with the same key — on the same partition, behind them — is still applied.
 */
public abstract class PoisonMessageTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The producer whose topic the poison is sent to. */
  protected abstract ForeignEvents producer();

  /** The service's dead-letter topic ({@code registry.messaging.dead-letter-topic}). */
  protected abstract String deadLetterTopic();

  /** An event type the service's handler applies. */
  protected abstract String handledType();

  /** Publishes a valid event about aggregate {@code id} that the service applies. */
  protected abstract void publishValid(UUID id);

  /** Whether the service has applied the valid event about {@code id}. */
  protected abstract boolean applied(UUID id);

  @Test
  void poisonLandsInTheDeadLetterTopicAndThePartitionKeepsFlowing() {
    UUID id = UUID.randomUUID();
    String topic = producer().topic();
    KafkaProbe.createTopic(topic, 3);
    KafkaProbe.send(
        new ProducerRecord<>(
            topic, id.toString(), "not a cloud event \u0000".getBytes(StandardCharsets.UTF_8)));
    producer().publishBroken(id, handledType(), 1, "{\"unexpected\": [1, 2, 3]}");
    producer().publishWithoutVersion(id, handledType());
    String unknownType = handledType().replaceFirst("\\.v[0-9]+$", ".v99");
    producer().publish(id, unknownType, 1, p -> {});
    publishValid(id);
    await().atMost(WAIT).until(() -> applied(id));

    List<ConsumerRecord<String, byte[]>> dead =
        KafkaProbe.collect(
            deadLetterTopic(), r -> id.toString().equals(r.key()), 4, WAIT, Duration.ofMillis(500));
    assertEquals(
        4,
        dead.size(),
        "the unreadable record, the broken, the version-less and the unknown event are"
            + " dead-lettered, nothing else");
    for (int unprocessable : new int[] {2, 3}) {
      assertTrue(
          KafkaProbe.header(dead.get(unprocessable), "dlt-error").contains("UnprocessableEvent"),
          KafkaProbe.header(dead.get(unprocessable), "dlt-error"));
    }
    assertEquals(unknownType, KafkaProbe.header(dead.get(3), "ce_type"));
    dead.forEach(r -> assertEquals(topic, KafkaProbe.header(r, "dlt-original-topic")));
    assertTrue(
        dead.stream().anyMatch(r -> handledType().equals(KafkaProbe.header(r, "ce_type"))),
        "the broken event keeps its CloudEvents headers");
    dead.forEach(
        r ->
            assertTrue(
                KafkaProbe.header(r, "dlt-error") != null
                    && !KafkaProbe.header(r, "dlt-error").isBlank()));
  }
}
