package org.eurasia.registry.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.api.TextInput;

/**
 * A domain event another service published, as a consumer sees it: the CloudEvents envelope and the
 * JSON data.
 */
public record ReceivedEvent(
    String id,
    String type,
    String source,
    String subject,
    String aggregateType,
    long aggregateVersion,
    long aggregateEpoch,
    OffsetDateTime time,
    String topic,
    byte[] data) {

  /**
   * The CloudEvent a Kafka record carries in binary mode, as a consumer sees it; {@code
   * aggregateVersion} is -1 when the envelope has none (such an event is unprocessable); {@code
   * aggregateEpoch} is the producer's epoch ({@code ce_aggregateepoch}), 0 when absent. Events are
   * ordered by epoch, then version.
   */
  static ReceivedEvent from(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
    Object version = event.getExtension("aggregateversion");
    Object aggregateType = event.getExtension("aggregatetype");
    Object epoch = event.getExtension("aggregateepoch");
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        event.getSource().toString(),
        event.getSubject(),
        aggregateType == null ? null : aggregateType.toString(),
        version == null ? -1 : version(event.getId(), version.toString()),
        // Events published before epochs existed belong to epoch 0, older than any since.
        epoch == null ? 0 : version(event.getId(), epoch.toString()),
        event.getTime(),
        record.topic(),
        event.getData() == null ? new byte[0] : event.getData().toBytes());
  }

  private static long version(String id, String header) {
    try {
      return Long.parseLong(header);
    } catch (NumberFormatException e) {
      throw new UnprocessableEvent(
          UnprocessableEvent.Reason.NO_VERSION,
          "Event " + id + " has no numeric aggregate version: " + header,
          e);
    }
  }

  /**
   * Reads the payload as the consumer's own view of it (unknown fields are ignored there, so
   * producers may add). The producer checked its texts when its API received them, so request-body
   * text rules do not apply again here.
   */
  public <T> T payload(ObjectMapper json, Class<T> type) {
    try {
      return json.readerFor(type)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .withAttribute(TextInput.PUBLISHED_TEXT, Boolean.TRUE)
          .readValue(data);
    } catch (IOException e) {
      throw new UnprocessableEvent(
          UnprocessableEvent.Reason.UNREADABLE_PAYLOAD,
          "Event " + id + " of type " + type + " has an unreadable payload",
          e);
    }
  }
}
