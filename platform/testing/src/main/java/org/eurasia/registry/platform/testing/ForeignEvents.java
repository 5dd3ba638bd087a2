package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Another service's events, as its outbox would publish them, for consumer tests: a fixture payload
 * (edited per test) that is first validated against the schema file the producer owns — so a
 * producer change that breaks a consumer fails the consumer's build — then sent in CloudEvents
 * binary mode with the registry's extensions.
 */
public final class ForeignEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final String source;
  private final String aggregateType;
  private final Path schema;
  private final String fixture;

  /**
   * @param topic the producer's topic
   * @param source the producer's CloudEvents source, e.g. {@code /agreements-service}
   * @param aggregateType e.g. {@code agreement}
   * @param schemaFromRepositoryRoot the producer's schema file
   * @param fixtureResource a JSON payload on the test classpath
   */
  public ForeignEvents(
      String topic,
      String source,
      String aggregateType,
      String schemaFromRepositoryRoot,
      String fixtureResource) {
    this.topic = topic;
    this.source = source;
    this.aggregateType = aggregateType;
    this.schema = EventSchemas.file(schemaFromRepositoryRoot);
    this.fixture = fixtureResource;
  }

  /** The fixture with {@code edit} applied, validated against the producer's schema. */
  public byte[] payload(Consumer<ObjectNode> edit) {
    try (InputStream in = ForeignEvents.class.getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalStateException("No fixture " + fixture + " on the test classpath");
      }
      ObjectNode payload = (ObjectNode) JSON.readTree(in);
      edit.accept(payload);
      byte[] bytes = JSON.writeValueAsBytes(payload);
      EventSchemas.assertValid(schema, bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes one event of {@code type} about aggregate {@code id} at {@code version}, with the
   * given event id.
   */
  public void publish(
      String eventId, UUID id, String type, long version, Consumer<ObjectNode> edit) {
    publish(eventId, id, type, version, null, edit);
  }

  /**
   * As {@link #publish(String, UUID, String, long, Consumer)}, continuing the trace {@code
   * traceparent} (W3C).
   */
  public void publish(
      String eventId,
      UUID id,
      String type,
      long version,
      String traceparent,
      Consumer<ObjectNode> edit) {
    send(eventId, id, type, version, traceparent, payload(edit));
  }

  /**
   * Publishes an event the producer's contract does not allow — a well-formed envelope around
   * {@code data} as given, never validated — to prove what a consumer does with a poison message.
   */
  public void publishBroken(UUID id, String type, long version, String data) {
    send(
        UUID.randomUUID().toString(),
        id,
        type,
        version,
        null,
        data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Publishes a valid payload in an envelope without {@code ce_aggregateversion}, which every
   * producer's contract requires: a consumer cannot order it and must dead-letter it.
   */
  public void publishWithoutVersion(UUID id, String type) {
    send(UUID.randomUUID().toString(), id, type, null, null, payload(p -> {}));
  }

  private void send(
      String eventId, UUID id, String type, Long version, String traceparent, byte[] data) {
    CloudEventBuilder builder = CloudEventBuilder.v1();
    if (traceparent != null) {
      builder.withExtension("traceparent", traceparent);
    }
    if (version != null) {
      builder.withExtension("aggregateversion", version);
    }
    KafkaProbe.send(
        KafkaMessageFactory.createWriter(topic, id.toString())
            .writeBinary(
                builder
                    .withId(eventId)
                    .withSource(URI.create(source))
                    .withType(type)
                    .withSubject(id.toString())
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withExtension("aggregatetype", aggregateType)
                    .withData(data)
                    .build()));
  }

  public void publish(UUID id, String type, long version, Consumer<ObjectNode> edit) {
    publish(UUID.randomUUID().toString(), id, type, version, edit);
  }

  public String topic() {
    return topic;
  }
}
