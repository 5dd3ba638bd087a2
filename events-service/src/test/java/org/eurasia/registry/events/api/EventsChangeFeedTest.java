package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the change feed ({@code GET /api/v1/changes}) shows a change only to those who may read
 * the record — a registration is personal (its organization's partner, the event's organizers,
 * registrars), an event public once published and never announced before — and marks a cancelled
 * registration or event as a tombstone.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsChangeFeedTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");

  static final String OUTSIDER = TestTokens.partner("most.gov.pk");

  static final Duration SETTLED = Duration.ofSeconds(30);

  /** One change as the feed showed it. */
  record Seen(String type, String subject, boolean tombstone) {}

  /** The feed's end now, for this reader: changes written after it come after this cursor. */
  static String end(String token) {
    String cursor = null;
    JsonPath page;
    do {
      page = page(token, cursor, 500);
      cursor = page.getString("cursor");
    } while (page.getBoolean("hasMore"));
    return cursor;
  }

  static JsonPath page(String token, String after, int limit) {
    var request = token == null ? given() : as(token);
    if (after != null) {
      request.queryParam("after", after);
    }
    return request
        .queryParam("types", "registry.event.*,registry.registration.*")
        .queryParam("limit", limit)
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Every change this reader sees after {@code after}. */
  static List<Seen> since(String token, String after) {
    List<Seen> seen = new ArrayList<>();
    String cursor = after;
    JsonPath page;
    do {
      page = page(token, cursor, 500);
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> item : items) {
        seen.add(
            new Seen(
                (String) item.get("type"),
                (String) item.get("subject"),
                (Boolean) item.get("tombstone")));
      }
      cursor = page.getString("cursor");
    } while (page.getBoolean("hasMore"));
    return seen;
  }

  static boolean shows(List<Seen> seen, String subject, String type) {
    return seen.stream().anyMatch(s -> s.subject().equals(subject) && s.type().equals(type));
  }

  /**
   * Waits until the registrar (who sees everything) sees {@code type} of {@code subject}: from then
   * on every reader's feed is settled for it, whatever it shows them.
   */
  static void awaitInFeed(String registrarCursor, String subject, String type) {
    Awaitility.await()
        .atMost(SETTLED)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> shows(since(TestTokens.registrar(), registrarCursor), subject, type));
  }

  @Test
  void aRegistrationReachesOnlyItsOrganizationTheEventsOrganizersAndRegistrars() {
    String event = EventsApi.publishedWebinar(10, false);
    Map<String, String> from =
        Map.of(
            "registrar", end(TestTokens.registrar()),
            "qau", end(QAU),
            "organizer", end(ORGANIZER_TOKEN),
            "outsider", end(OUTSIDER),
            "public", end(null));
    String id =
        RegistrationResourceTest.register(QAU, event).then().statusCode(201).extract().path("id");
    String confirmed = "registry.registration.confirmed.v1";
    awaitInFeed(from.get("registrar"), id, confirmed);

    assertTrue(shows(since(QAU, from.get("qau")), id, confirmed), "its organization's partner");
    assertTrue(
        shows(since(ORGANIZER_TOKEN, from.get("organizer")), id, confirmed),
        "the event's organizer");
    assertFalse(
        shows(since(OUTSIDER, from.get("outsider")), id, confirmed),
        "a partner of another organization");
    assertFalse(shows(since(null, from.get("public")), id, confirmed), "an anonymous reader");
  }

  @Test
  void aDraftIsInNobodysFeedUntilItsPublicationIsInEveryones() {
    String registrarFrom = end(TestTokens.registrar());
    String organizerFrom = end(ORGANIZER_TOKEN);
    String outsiderFrom = end(OUTSIDER);
    String publicFrom = end(null);
    String draft =
        create(ORGANIZER_TOKEN, EventsHistoryTest.webinar())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Never mind"))
        .post("/api/v1/events/" + draft + "/cancellation")
        .then()
        .statusCode(200);
    String published = EventsApi.publishedWebinar(10, false);
    String type = "registry.event.published.v1";
    awaitInFeed(registrarFrom, published, type);

    for (String token : new String[] {TestTokens.registrar(), ORGANIZER_TOKEN}) {
      assertTrue(
          since(token, token.equals(ORGANIZER_TOKEN) ? organizerFrom : registrarFrom).stream()
              .noneMatch(s -> s.subject().equals(draft)),
          "a draft is never announced, not even to its organizer or a registrar");
    }
    assertTrue(shows(since(OUTSIDER, outsiderFrom), published, type), "a published event");
    assertTrue(shows(since(null, publicFrom), published, type), "to everyone");
  }

  @Test
  void aCancelledRegistrationAndACancelledEventAreTombstones() {
    String event = EventsApi.publishedWebinar(10, false);
    String from = end(TestTokens.registrar());
    String person = EventsApi.person(1);
    String id =
        RegistrationResourceTest.register(person, event)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(person).post("/api/v1/registrations/" + id + "/cancellation").then().statusCode(200);
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Speakers unavailable"))
        .post("/api/v1/events/" + event + "/cancellation")
        .then()
        .statusCode(200);
    awaitInFeed(from, event, "registry.event.cancelled.v1");

    List<Seen> seen = since(TestTokens.registrar(), from);
    assertEquals(
        List.of(
            new Seen("registry.registration.confirmed.v1", id, false),
            new Seen("registry.registration.cancelled.v1", id, true)),
        seen.stream().filter(s -> s.subject().equals(id)).toList());
    assertEquals(
        List.of(new Seen("registry.event.cancelled.v1", event, true)),
        seen.stream().filter(s -> s.subject().equals(event)).toList());
  }
}
