package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.events.domain.EventChange;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every change of a published event is published, revisions and agenda changes included, each
 * notice carrying the whole agenda (never a speaker) at a version one above the last; a draft's
 * changes stay private until its publication, which carries them; a refused change publishes
 * nothing.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventChangesPublishedTest {

  static final Path SCHEMA =
      EventSchemas.file("events-service/contract/events/registry.event.v1.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SPEAKER = "Dr. Amina Rauf";

  static String addSession(String id, String start, String end) {
    return as(ORGANIZER_TOKEN)
        .body(
            Map.of(
                "title",
                Map.of("en", "Opening remarks"),
                "startAt",
                start,
                "endAt",
                end,
                "room",
                "Main channel",
                "speakers",
                List.of(Map.of("name", SPEAKER, "affiliation", "Quaid-i-Azam University"))))
        .post("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<ConsumerRecord<String, byte[]>> noticesOf(String id, int expected) {
    return KafkaProbe.collect(
        "registry.events",
        r -> id.equals(r.key()),
        expected,
        Duration.ofSeconds(20),
        Duration.ofSeconds(1));
  }

  static JsonNode payload(ConsumerRecord<String, byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertPublicOnly(ConsumerRecord<String, byte[]> record) {
    EventSchemas.assertValid(SCHEMA, record.value());
    String text = new String(record.value(), StandardCharsets.UTF_8);
    assertFalse(text.contains(SPEAKER), "no speaker in " + text);
    assertFalse(text.contains("meet.example.org"), "no join link in " + text);
  }

  @Test
  void revisionsAndAgendaChangesOfAPublishedEventArePublishedWithTheWholeAgenda() {
    String id = EventsApi.publishedWebinar(50, false);
    EventsApi.reviseCapacity(id, 80, false).then().statusCode(200);
    String session = addSession(id, Y + "-02-10T09:00:00Z", Y + "-02-10T09:30:00Z");
    // Refused, and so never published: a stale version, a session outside the event, an outsider.
    EventsApi.reviseCapacity(id, 90, false, "\"0\"").then().statusCode(412);
    as(ORGANIZER_TOKEN)
        .body(
            Map.of(
                "title", Map.of("en", "Late"),
                "startAt", Y + "-02-10T12:00:00Z",
                "endAt", Y + "-02-10T12:30:00Z"))
        .post("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(422);
    String etag = as(ORGANIZER_TOKEN).get("/api/v1/events/" + id).then().extract().header("ETag");
    as(TestTokens.partner("pu.edu.pk"))
        .header("If-Match", etag)
        .delete("/api/v1/events/" + id + "/sessions/" + session)
        .then()
        .statusCode(403);
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .delete("/api/v1/events/" + id + "/sessions/" + session)
        .then()
        .statusCode(204);

    List<ConsumerRecord<String, byte[]>> notices = noticesOf(id, 4);
    assertEquals(
        List.of(
            EventChange.PUBLISHED.eventType(),
            EventChange.UPDATED.eventType(),
            EventChange.AGENDA_CHANGED.eventType(),
            EventChange.AGENDA_CHANGED.eventType()),
        notices.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    List<Long> versions =
        notices.stream()
            .map(r -> Long.parseLong(KafkaProbe.header(r, "ce_aggregateversion")))
            .toList();
    for (int i = 1; i < versions.size(); i++) {
      assertEquals(versions.get(i - 1) + 1, versions.get(i), "one version per change: " + versions);
    }
    notices.forEach(EventChangesPublishedTest::assertPublicOnly);
    assertEquals(80, payload(notices.get(1)).path("capacity").asInt());
    JsonNode added = payload(notices.get(2)).path("agenda");
    assertEquals(1, added.size());
    assertEquals(session, added.path(0).path("sessionId").asText());
    assertEquals("Opening remarks", added.path(0).path("title").path("en").asText());
    assertEquals("Main channel", added.path(0).path("room").asText());
    assertEquals(0, payload(notices.get(3)).path("agenda").size(), "removed");
  }

  @Test
  void aDraftsRevisionsAndAgendaStayPrivateUntilItsPublicationCarriesThem() {
    String id =
        EventsApi.create(
                ORGANIZER_TOKEN,
                details(
                    "WEBINAR",
                    local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    50,
                    false))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    EventsApi.reviseCapacity(id, 70, false).then().statusCode(200);
    String session = addSession(id, Y + "-02-10T10:00:00Z", Y + "-02-10T10:45:00Z");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + id + "/publication").then().statusCode(200);

    List<ConsumerRecord<String, byte[]>> notices = noticesOf(id, 1);
    assertEquals(
        List.of(EventChange.PUBLISHED.eventType()),
        notices.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    assertPublicOnly(notices.get(0));
    JsonNode published = payload(notices.get(0));
    assertEquals(70, published.path("capacity").asInt());
    assertEquals(session, published.path("agenda").path(0).path("sessionId").asText());
  }
}
