package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The README's write rules on the agenda and on completion: adding a session and completing an
 * event honour Idempotency-Key (a retry gets the first answer, marked replayed, and acts once) and
 * a stale If-Match (412); removing a session needs the event's current ETag (428 without, 412 when
 * stale); an agenda holds at most {@link EventService#AGENDA_MAX_SESSIONS} sessions.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgendaAndCompletionWriteRulesTest {

  private static final Map<String, Object> SESSION =
      Map.of(
          "title", Map.of("en", "Opening remarks"),
          "startLocal", Y + "-02-10T14:00:00",
          "endLocal", Y + "-02-10T14:30:00");

  @Inject EntityManager em;

  @Test
  void addingASessionRetriedWithItsKeyAnswersTheFirstSessionAndAddsOne() {
    String id = EventsApi.publishedWebinar(10, false);
    String key = "session-" + UUID.randomUUID();
    var first =
        as(ORGANIZER_TOKEN)
            .header("Idempotency-Key", key)
            .body(SESSION)
            .post("/api/v1/events/" + id + "/sessions")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract();
    var retried =
        as(ORGANIZER_TOKEN)
            .header("Idempotency-Key", key)
            .body(SESSION)
            .post("/api/v1/events/" + id + "/sessions")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract();
    assertEquals(first.header("Location"), retried.header("Location"));
    assertEquals(first.as(Map.class), retried.as(Map.class), "the first answer, replayed");
    as(ORGANIZER_TOKEN)
        .get("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1));
  }

  @Test
  void addingASessionBasedOnAnOldVersionOfTheEventIsRefused() {
    String id = EventsApi.publishedWebinar(10, false);
    String etag = etagOf(id);
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(SESSION)
        .post("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(201);
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(SESSION)
        .post("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(412);
  }

  @Test
  void removingASessionNeedsTheEventsCurrentETag() {
    String id = EventsApi.publishedWebinar(10, false);
    String stale = etagOf(id);
    String session =
        as(ORGANIZER_TOKEN)
            .body(SESSION)
            .post("/api/v1/events/" + id + "/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/events/" + id + "/sessions/" + session;

    as(ORGANIZER_TOKEN).delete(path).then().statusCode(428);
    as(ORGANIZER_TOKEN).header("If-Match", stale).delete(path).then().statusCode(412);
    as(ORGANIZER_TOKEN).header("If-Match", etagOf(id)).delete(path).then().statusCode(204);
    as(ORGANIZER_TOKEN).get(path).then().statusCode(404);
  }

  @Test
  void completingAnEventRetriedWithItsKeyIsAnsweredAgainAndAStaleVersionIsRefused() {
    String id = ended(EventsApi.publishedWebinar(10, false));
    String other = ended(EventsApi.publishedWebinar(10, false));
    String key = "complete-" + UUID.randomUUID();

    as(ORGANIZER_TOKEN)
        .header("If-Match", "\"999\"")
        .post("/api/v1/events/" + other + "/completion")
        .then()
        .statusCode(412);
    var first =
        as(ORGANIZER_TOKEN)
            .header("Idempotency-Key", key)
            .post("/api/v1/events/" + id + "/completion")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", nullValue())
            .body("status", equalTo("COMPLETED"))
            .extract();
    var retried =
        as(ORGANIZER_TOKEN)
            .header("Idempotency-Key", key)
            .post("/api/v1/events/" + id + "/completion")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", "true")
            .extract();
    assertEquals(first.header("ETag"), retried.header("ETag"));
    assertEquals(first.header("ETag"), etagOf(id), "completed once");
  }

  @Test
  void anAgendaHoldsAtMostTheDocumentedNumberOfSessions() {
    String id =
        EventsApi.create(
                ORGANIZER_TOKEN,
                EventsApi.details(
                    "WEBINAR",
                    EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    10,
                    false))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < EventService.AGENDA_MAX_SESSIONS; i++) {
      as(ORGANIZER_TOKEN)
          .body(SESSION)
          .post("/api/v1/events/" + id + "/sessions")
          .then()
          .statusCode(201);
    }
    as(ORGANIZER_TOKEN)
        .body(SESSION)
        .post("/api/v1/events/" + id + "/sessions")
        .then()
        .statusCode(422)
        .body("condition", equalTo("agenda-full"));
  }

  private static String etagOf(String id) {
    return as(ORGANIZER_TOKEN).get("/api/v1/events/" + id).then().extract().header("ETag");
  }

  /** Moves a published event into the past, as time would. */
  private String ended(String id) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = CAST(?1 AS uuid)")
                    .setParameter(1, id)
                    .executeUpdate());
    return id;
  }
}
