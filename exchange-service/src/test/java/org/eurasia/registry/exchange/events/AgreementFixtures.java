package org.eurasia.registry.exchange.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;

/**
 * Agreement events as agreements-service publishes them, built from a fixture that is validated against the schema
 * agreements-service owns, so a producer change that breaks this consumer fails here.
 */
public final class AgreementFixtures {

  static final String TOPIC = "registry.agreements";
  static final Path SCHEMA = EventSchemas.file("agreements-service/contract/events/registry.agreement.v1.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  private AgreementFixtures() {}

  /** The fixture's payload for this agreement, status and version; parties default to the fixture's (PK and BY). */
  static byte[] payload(UUID id, String status, long version, String... partyCodes) throws IOException {
    try (InputStream in = AgreementFixtures.class.getResourceAsStream("/fixtures/agreement-event.json")) {
      ObjectNode payload = (ObjectNode) JSON.readTree(in);
      payload.put("agreementId", id.toString()).put("status", status).put("version", version)
          .put("code", "T/" + id.toString().substring(0, 8).toUpperCase());
      ArrayNode parties = (ArrayNode) payload.get("parties");
      for (int i = 0; i < partyCodes.length && i < parties.size(); i++) {
        ((ObjectNode) parties.get(i)).put("organizationCode", partyCodes[i]);
      }
      byte[] bytes = JSON.writeValueAsBytes(payload);
      EventSchemas.assertValid(SCHEMA, bytes);
      return bytes;
    }
  }

  /** Publishes one agreement event with a fresh event id. */
  public static void publish(UUID id, String type, String status, long version, String... partyCodes) throws IOException {
    publish(UUID.randomUUID().toString(), id, type, status, version, partyCodes);
  }

  public static void publish(String eventId, UUID id, String type, String status, long version, String... partyCodes) throws IOException {
    KafkaProbe.send(KafkaMessageFactory.createWriter(TOPIC, id.toString()).writeBinary(
        CloudEventBuilder.v1()
            .withId(eventId)
            .withSource(URI.create("/agreements-service"))
            .withType("registry.agreement." + type + ".v1")
            .withSubject(id.toString())
            .withTime(OffsetDateTime.now())
            .withDataContentType("application/json")
            .withExtension("aggregatetype", "agreement")
            .withExtension("aggregateversion", version)
            .withData(payload(id, status, version, partyCodes))
            .build()));
  }
}
