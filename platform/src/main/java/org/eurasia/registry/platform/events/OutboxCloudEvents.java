package org.eurasia.registry.platform.events;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An outbox row as the record Kafka receives: a CloudEvent in binary mode (attributes in {@code
 * ce_} headers, the JSON payload as value), keyed by aggregate id so one aggregate's events share a
 * partition and its order. The aggregate type, version and the producer's epoch ({@link
 * ProducerEpoch}) travel as extensions, the writing request's trace as {@code traceparent}.
 */
final class OutboxCloudEvents {

  private OutboxCloudEvents() {}

  static ProducerRecord<String, byte[]> record(OutboxRows.Pending row, URI source, long epoch) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(row.id().toString())
            .withSource(source)
            .withType(row.eventType())
            .withSubject(row.aggregateId())
            .withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withExtension("aggregatetype", row.aggregateType())
            .withExtension("aggregateversion", row.aggregateVersion())
            .withExtension("aggregateepoch", epoch)
            .withData(row.payload().getBytes(StandardCharsets.UTF_8));
    if (row.traceParent() != null) {
      builder.withExtension(TraceContext.TRACEPARENT, row.traceParent());
    }
    return KafkaMessageFactory.createWriter(row.topic(), row.aggregateId())
        .writeBinary(builder.build());
  }
}
