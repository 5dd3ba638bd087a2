package org.eurasia.registry.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Writes a record the consumer could not apply to the dead-letter topic: the original key, value
 * and headers, plus {@code dlt-error} and where it came from ({@code dlt-original-topic}, {@code
 * -partition}, {@code -offset}).
 */
@ApplicationScoped
class DeadLetters {

  /** Headers a dead letter carries besides the original's: read back by {@link DeadLetterInbox}. */
  static final String ERROR = "dlt-error";

  static final String ORIGINAL_TOPIC = "dlt-original-topic";
  static final String ORIGINAL_PARTITION = "dlt-original-partition";
  static final String ORIGINAL_OFFSET = "dlt-original-offset";

  @Inject MessagingConfig config;

  /**
   * Sends the dead letter and waits for the broker's acknowledgement; throws when it cannot, since
   * without the dead letter the record must not be skipped.
   */
  void send(
      ConsumerRecord<String, byte[]> record,
      Exception error,
      KafkaProducer<String, byte[]> producer) {
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(config.deadLetterTopic(), record.key(), record.value());
    for (Header header : record.headers()) {
      letter.headers().add(header);
    }
    letter.headers().add(ERROR, bytes(error.getClass().getName() + ": " + error.getMessage()));
    letter.headers().add(ORIGINAL_TOPIC, bytes(record.topic()));
    letter.headers().add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
    letter.headers().add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
    try {
      producer.send(letter).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "Cannot write to dead-letter topic " + config.deadLetterTopic(), e);
    }
  }

  private static byte[] bytes(String value) {
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }
}
