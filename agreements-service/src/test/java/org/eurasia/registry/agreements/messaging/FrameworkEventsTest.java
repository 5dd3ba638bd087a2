package org.eurasia.registry.agreements.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.agreements.domain.FrameworkNotice;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Framework changes are published like every other change: through the outbox, as CloudEvents on
 * their own topic, each valid against the committed schema, in version order, once.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FrameworkEventsTest {

  static final String TOPIC = "registry.frameworks";
  static final Path SCHEMA =
      EventSchemas.file("agreements-service/contract/events/registry.framework.v1.schema.json");
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration SETTLE = Duration.ofSeconds(1);
  static final String PATH = "/api/v1/frameworks";
  static final ObjectMapper JSON = new ObjectMapper();

  static String code() {
    return "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> details(String name, List<Map<String, String>> members) {
    return Map.of("names", Map.of("en", name), "members", members);
  }

  static String register(String code) {
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "details",
                details("Events framework", List.of(Map.of("country", "PK", "since", "2020")))))
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<ConsumerRecord<String, byte[]>> eventsOf(String id, int expected) {
    return KafkaProbe.collect(TOPIC, r -> id.equals(r.key()), expected, WAIT, SETTLE);
  }

  static JsonNode payload(ConsumerRecord<String, byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRegisteredFrameworkIsAnnouncedOnceAsACloudEventInBinaryMode() {
    String code = code();
    String id = register(code);
    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 1);
    assertEquals(1, records.size(), "exactly one record");
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
    assertNotNull(UUID.fromString(KafkaProbe.header(record, "ce_id")));
    assertEquals("/agreements-service", KafkaProbe.header(record, "ce_source"));
    assertEquals(FrameworkNotice.REGISTERED, KafkaProbe.header(record, "ce_type"));
    assertEquals(id, KafkaProbe.header(record, "ce_subject"));
    assertEquals("framework", KafkaProbe.header(record, "ce_aggregatetype"));
    assertNotNull(OffsetDateTime.parse(KafkaProbe.header(record, "ce_time")));
    assertEquals("application/json", KafkaProbe.header(record, "content-type"));
    assertEquals("0", KafkaProbe.header(record, "ce_aggregateversion"));
    EventSchemas.assertValid(SCHEMA, record.value());
    JsonNode data = payload(record);
    assertEquals(code, data.path("code").asText());
    assertEquals("PK", data.path("members").path(0).path("country").asText());
    assertEquals("2020", data.path("members").path(0).path("since").asText());
    assertTrue(data.path("members").path(0).path("until").isNull(), "null, not absent");
    assertTrue(data.has("description"));
    assertEquals(false, data.path("removed").asBoolean());
  }

  @Test
  void everyChangeAndTheRemovalArriveInVersionOrderAndValidAgainstTheSchema() {
    String id = register(code());
    String registrar = TestTokens.bearer(TestTokens.registrar());
    for (int version = 0; version < 2; version++) {
      given()
          .header("Authorization", registrar)
          .header("If-Match", "\"" + version + "\"")
          .contentType(ContentType.JSON)
          .body(
              details(
                  "Renamed " + version,
                  List.of(
                      Map.of("country", "PK", "since", "2020"),
                      Map.of("country", "BY", "since", "2025-06-15"))))
          .put(PATH + "/" + id)
          .then()
          .statusCode(200);
    }
    given()
        .header("Authorization", registrar)
        .header("If-Match", "\"2\"")
        .delete(PATH + "/" + id)
        .then()
        .statusCode(204);
    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 4);
    assertEquals(
        List.of(
            FrameworkNotice.REGISTERED,
            FrameworkNotice.UPDATED,
            FrameworkNotice.UPDATED,
            FrameworkNotice.REMOVED),
        records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    assertEquals(
        List.of("0", "1", "2", "3"),
        records.stream().map(r -> KafkaProbe.header(r, "ce_aggregateversion")).toList());
    records.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    JsonNode updated = payload(records.get(2));
    assertEquals("Renamed 1", updated.path("names").path("en").asText());
    assertEquals("2025-06-15", updated.path("members").path(1).path("since").asText());
    JsonNode removed = payload(records.get(3));
    assertTrue(removed.path("removed").asBoolean());
    assertEquals(3, removed.path("version").asInt());
  }

  @Test
  void aRefusedChangeAnnouncesNothing() {
    String id = register(code());
    // Overlapping memberships of one country: a 400, and no event.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(
            details(
                "Overlap",
                List.of(Map.of("country", "PK", "since", "2001"), Map.of("country", "PK"))))
        .put(PATH + "/" + id)
        .then()
        .statusCode(400);
    // A partner may not change it: a 403, and no event.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("qau.edu.pk")))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(details("Hijacked", List.of(Map.of("country", "PK"))))
        .put(PATH + "/" + id)
        .then()
        .statusCode(403);
    // A change that commits, as the control: by the time its event arrives, any event of the
    // refused ones would have been published before it.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(details("Control", List.of(Map.of("country", "PK"))))
        .put(PATH + "/" + id)
        .then()
        .statusCode(200);
    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 2);
    assertEquals(
        List.of(FrameworkNotice.REGISTERED, FrameworkNotice.UPDATED),
        records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    assertEquals("Control", payload(records.get(1)).path("names").path("en").asText());
  }
}
