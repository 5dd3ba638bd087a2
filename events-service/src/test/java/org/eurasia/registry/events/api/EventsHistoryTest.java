package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.application.EventCompletion;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: every change of an event or a registration is in its history — who (subject,
 * organization, role), through which operation and request, at which version — visible to exactly
 * whoever may read the record; what happened to a draft stays private for good.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsHistoryTest {

  /** A partner system of the organizer with its own client id, told apart from {@code system}. */
  static final String NCP_INTEGRATION =
      TestTokens.token("ncp-integration", ORGANIZER, Set.of("partner"));

  static final String OUTSIDER = TestTokens.partner("most.gov.pk");

  @Inject EventCompletion completion;

  @Inject EntityManager em;

  static Map<String, Object> webinar() {
    return details(
        "WEBINAR", local("Asia/Karachi", Y + "-03-12T14:00:00", Y + "-03-12T16:00:00"), 10, false);
  }

  static JsonPath history(String token, String path) {
    return (token == null ? given() : as(token))
        .get(path + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aWriteThroughTheApiShowsInTheHistoryWithItsActorOperationAndRequestId() {
    String request = "ncp-" + UUID.randomUUID();
    String id =
        as(NCP_INTEGRATION)
            .header("X-Request-Id", request)
            .body(Map.of("code", EventsApi.code(), "details", webinar()))
            .post("/api/v1/events")
            .then()
            .statusCode(201)
            .header("X-Request-Id", request)
            .extract()
            .path("id");
    as(NCP_INTEGRATION)
        .header("X-Request-Id", request + "-publish")
        .post("/api/v1/events/" + id + "/publication")
        .then()
        .statusCode(200);

    JsonPath history = history(ORGANIZER_TOKEN, "/api/v1/events/" + id);
    assertEquals(List.of("createEvent", "publishEvent"), history.getList("items.operation"));
    assertEquals(
        List.of(request, request + "-publish"), history.getList("items.requestId", String.class));
    assertEquals("ncp-integration", history.getString("items[0].actor.subject"));
    assertEquals(ORGANIZER, history.getString("items[0].actor.organization"));
    assertEquals("partner", history.getString("items[0].actor.role"));
    assertEquals("event", history.getString("items[0].recordType"));
    assertEquals(id, history.getString("items[0].recordId"));
    // The draft's creation announced nothing: its entry holds the state, no event.
    assertEquals("drafted", history.getString("items[0].change.change"));
    assertEquals("DRAFT", history.getString("items[0].change.status"));
    assertEquals(null, history.getString("items[0].eventType"));
    assertEquals("registry.event.published.v1", history.getString("items[1].eventType"));
    assertEquals("PUBLISHED", history.getString("items[1].change.status"));
    assertTrue(history.getLong("items[1].version") > history.getLong("items[0].version"));
  }

  @Test
  void theHistoryIsPagedWithItsCursor() {
    String id = create(ORGANIZER_TOKEN, webinar()).then().statusCode(201).extract().path("id");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + id + "/publication").then().statusCode(200);
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Speakers unavailable"))
        .post("/api/v1/events/" + id + "/cancellation")
        .then()
        .statusCode(200);
    String path = "/api/v1/events/" + id + "/history";
    JsonPath first =
        as(ORGANIZER_TOKEN).get(path + "?limit=1").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of("createEvent"), first.getList("items.operation"));
    String cursor = first.getString("nextCursor");
    JsonPath rest =
        as(ORGANIZER_TOKEN)
            .queryParam("cursor", cursor)
            .queryParam("limit", 5)
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("publishEvent", "cancelEvent"), rest.getList("items.operation"));
    assertEquals(List.of(false, true), rest.getList("items.tombstone"));
    assertEquals(null, rest.getString("nextCursor"));
  }

  @Test
  void aDraftsHistoryIsItsOrganizersAndWhatHappenedBeforePublicationStaysTheirs() {
    Map<String, Object> d = webinar();
    d.put("organizers", List.of(ORGANIZER, "bsu.by"));
    String id = create(ORGANIZER_TOKEN, d).then().statusCode(201).extract().path("id");
    String path = "/api/v1/events/" + id;
    // Before publication: an outsider and the public get what an unknown id gets.
    as(OUTSIDER).get(path + "/history").then().statusCode(404);
    given().get(path + "/history").then().statusCode(404);
    as(OUTSIDER)
        .get("/api/v1/events/" + UUID.randomUUID() + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // The invited organizer reads the draft, so its history too.
    as(TestTokens.partner("bsu.by"))
        .get(path + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", contains("createEvent"));

    as(ORGANIZER_TOKEN).post(path + "/publication").then().statusCode(200);
    // Once public: everyone reads the announced changes, not the draft's.
    assertEquals(List.of("publishEvent"), history(OUTSIDER, path).getList("items.operation"));
    assertEquals(List.of("publishEvent"), history(null, path).getList("items.operation"));
    assertEquals(
        List.of("createEvent", "publishEvent"),
        history(TestTokens.registrar(), path).getList("items.operation"));
  }

  @Test
  void aRegistrationsHistoryIsForThoseWhoMayReadItAndShowsItsCancellationAsATombstone() {
    String event = EventsApi.publishedWebinar(10, false);
    String person = EventsApi.person(1);
    String id =
        RegistrationResourceTest.register(person, event)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(person)
        .header("X-Request-Id", "cancel-" + id)
        .post("/api/v1/registrations/" + id + "/cancellation")
        .then()
        .statusCode(200);
    String path = "/api/v1/registrations/" + id;

    JsonPath mine = history(person, path);
    assertEquals(
        List.of("registerForEvent", "cancelRegistration"), mine.getList("items.operation"));
    assertEquals("attendee", mine.getString("items[0].actor.role"));
    assertEquals("registration", mine.getString("items[0].recordType"));
    assertEquals("registry.registration.cancelled.v1", mine.getString("items[1].eventType"));
    assertEquals("cancel-" + id, mine.getString("items[1].requestId"));
    assertEquals(true, mine.getBoolean("items[1].tombstone"));
    assertEquals(false, mine.getBoolean("items[0].tombstone"));
    // The event's organizer and registrars read it; a partner of another organization does not.
    as(ORGANIZER_TOKEN).get(path + "/history").then().statusCode(200).body("items", hasSize(2));
    as(TestTokens.registrar()).get(path + "/history").then().statusCode(200);
    as(OUTSIDER)
        .get(path + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(EventsApi.person(2)).get(path + "/history").then().statusCode(404);
    given().get(path + "/history").then().statusCode(401);
  }

  @Test
  void aPromotionNamesTheSystemNotThePersonWhoFreedTheSeat() {
    String event = EventsApi.publishedWebinar(1, false);
    String first = EventsApi.person(1);
    String second = EventsApi.person(2);
    String seated =
        RegistrationResourceTest.register(first, event).then().statusCode(201).extract().path("id");
    String waiting =
        RegistrationResourceTest.register(second, event)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(first).post("/api/v1/registrations/" + seated + "/cancellation").then().statusCode(200);

    JsonPath history = history(second, "/api/v1/registrations/" + waiting);
    assertEquals(
        List.of("registerForEvent", "promoteFromWaitingList"), history.getList("items.operation"));
    assertEquals("registry.registration.promoted.v1", history.getString("items[1].eventType"));
    assertEquals("system", history.getString("items[1].actor.subject"));
    assertEquals(null, history.getString("items[1].requestId"));
  }

  @Test
  void theCompletionJobsChangesNameTheJobAndTheSystem() {
    String id = EventsApi.publishedWebinar(10, false);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE event SET starts_at = now() - interval '3 hours',"
                            + " ends_at = now() - interval '1 hour' WHERE id = CAST(?1 AS uuid)")
                    .setParameter(1, id)
                    .executeUpdate());
    assertTrue(completion.completeEnded() >= 1);
    given()
        .get("/api/v1/events/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items[-1].operation", equalTo("completeEndedEvents"))
        .body("items[-1].actor.subject", equalTo("system"))
        .body("items[-1].actor.role", equalTo("system"))
        .body("items[-1].actor.organization", nullValue())
        .body("items[-1].requestId", nullValue())
        .body("items[-1].eventId", notNullValue());
  }
}
