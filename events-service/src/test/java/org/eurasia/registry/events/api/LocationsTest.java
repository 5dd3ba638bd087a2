package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eurasia.registry.platform.testing.CommittedContract;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: every {@code Location} a create answers with names a {@code GET} that exists and shows
 * what was created, with the visibility of its event (the agenda's sessions pointed nowhere
 * before). The operations answering 201 are read from the committed contract, so a new one fails
 * here until its Location is checked.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LocationsTest {

  /** The operations answering 201 that this class follows to their Location. */
  static final Set<String> CHECKED =
      Set.of(
          "createEvent",
          "addEventSession",
          "registerForEvent",
          "registerDelegation",
          "createAwarenessProgramme",
          "createPublication");

  /** Creates the platform adds to every service, checked where the platform's tests run. */
  static final Set<String> PLATFORM = Set.of("createWebhook");

  @Test
  void everyOperationAnswering201IsCheckedHere() {
    Set<String> created = new TreeSet<>();
    for (JsonNode path : CommittedContract.read().root().path("paths")) {
      for (Iterator<JsonNode> operations = path.elements(); operations.hasNext(); ) {
        JsonNode operation = operations.next();
        if (operation.path("responses").has("201")) {
          created.add(operation.path("operationId").asText());
        }
      }
    }
    // The platform's own create (createWebhook, in every service) is followed to its Location by
    // agreements-service's WebhookSubscriptionTest.
    created.removeAll(PLATFORM);
    assertEquals(new TreeSet<>(CHECKED), created);
  }

  private static Map<String, Object> session(String title, String start, String end) {
    return Map.of(
        "title", Map.of("en", title), "startLocal", Y + start, "endLocal", Y + end, "room", "Hall");
  }

  /** The body a create answered with is what its Location shows to the creator. */
  private static Response followed(Response created, String token) {
    String location = created.then().statusCode(201).extract().header("Location");
    assertNotNull(location, "a 201 names what it created");
    Response read = as(token).get(location);
    read.then().statusCode(200).body("id", equalTo(created.path("id")));
    return read;
  }

  @Test
  void theLocationsOfAProgrammeAndAPublicationAreReadableWithTheirVisibility() {
    // createAwarenessProgramme: a draft, readable by its organizer, unknown to others.
    Response programme =
        as(ORGANIZER_TOKEN)
            .body(
                Map.of(
                    "code",
                    AwarenessProgrammeResourceTest.code(),
                    "details",
                    AwarenessProgrammeResourceTest.details(List.of(ORGANIZER))))
            .post("/api/v1/awareness-programmes");
    followed(programme, ORGANIZER_TOKEN).then().body("status", equalTo("DRAFT"));
    given().get(programme.header("Location")).then().statusCode(404);

    // createPublication: public from the start.
    Response publication =
        as(ORGANIZER_TOKEN)
            .body(PublicationResourceTest.report(ORGANIZER))
            .post("/api/v1/publications");
    followed(publication, ORGANIZER_TOKEN);
    given().get(publication.header("Location")).then().statusCode(200);
  }

  @Test
  void everyLocationACreateAnswersWithIsReadableWithItsEventsVisibility() {
    // createEvent: a draft, readable by its organizer, unknown to others.
    Map<String, Object> details =
        EventsApi.details(
            "WEBINAR",
            EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
            10,
            false);
    Response createdEvent = EventsApi.create(ORGANIZER_TOKEN, details);
    String event = createdEvent.path("id");
    String eventLocation = createdEvent.header("Location");
    followed(createdEvent, ORGANIZER_TOKEN).then().body("status", equalTo("DRAFT"));
    given().get(eventLocation).then().statusCode(404);

    // addEventSession on the draft: readable by its organizer only, like the draft.
    Response draftSession =
        as(ORGANIZER_TOKEN)
            .body(session("Opening", "-02-10T14:00:00", "-02-10T14:30:00"))
            .post("/api/v1/events/" + event + "/sessions");
    String sessionLocation = draftSession.header("Location");
    followed(draftSession, ORGANIZER_TOKEN)
        .then()
        .body("eventId", equalTo(event))
        .body("title.en", equalTo("Opening"))
        .body("schedule.startAt", equalTo(Y + "-02-10T09:00:00Z"));
    given().get(sessionLocation).then().statusCode(404);
    as(TestTokens.partner("qau.edu.pk")).get(sessionLocation).then().statusCode(404);

    // Published, the event and its agenda are public.
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + event + "/publication").then().statusCode(200);
    given().get(eventLocation).then().statusCode(200);
    given().get(sessionLocation).then().statusCode(200).body("room", equalTo("Hall"));

    // registerForEvent: the registration, for the registrant.
    String person = EventsApi.person(1);
    Response registration =
        as(person)
            .body(Map.of("eventId", event, "name", "Participant", "email", "p@example.org"))
            .post("/api/v1/registrations");
    followed(registration, person).then().body("status", equalTo("CONFIRMED"));
    given().get(registration.header("Location")).then().statusCode(401);

    // registerDelegation creates several registrations: no single Location, each one readable.
    String most = TestTokens.partner("most.gov.pk");
    Response delegation =
        as(most)
            .body(
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    "most.gov.pk",
                    "members",
                    List.of(
                        Map.of("name", "Head", "email", "head@location.example.org"),
                        Map.of("name", "Adviser", "email", "adviser@location.example.org"))))
            .post("/api/v1/registrations/delegations");
    delegation.then().statusCode(201).header("Location", nullValue());
    List<String> members = delegation.path("id");
    assertEquals(2, members.size());
    for (String member : members) {
      as(most)
          .get("/api/v1/registrations/" + member)
          .then()
          .statusCode(200)
          .body("delegationId", notNullValue());
    }
  }

  @Test
  void theAgendaIsPagedAndASessionIsReadOnlyThroughItsOwnEvent() {
    String event = EventsApi.publishedWebinar(10, false);
    String other = EventsApi.publishedWebinar(10, false);
    List<String> ids =
        List.of(
                session("Third", "-02-10T15:00:00", "-02-10T16:00:00"),
                session("First", "-02-10T14:00:00", "-02-10T14:30:00"),
                session("Second", "-02-10T14:30:00", "-02-10T15:00:00"))
            .stream()
            .map(
                s ->
                    as(ORGANIZER_TOKEN)
                        .body(s)
                        .post("/api/v1/events/" + event + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id"))
            .toList();
    Response first = given().queryParam("limit", 2).get("/api/v1/events/" + event + "/sessions");
    first
        .then()
        .statusCode(200)
        .body("items.title.en", equalTo(List.of("First", "Second")))
        .body("nextCursor", notNullValue());
    given()
        .queryParam("limit", 2)
        .queryParam("cursor", first.<String>path("nextCursor"))
        .get("/api/v1/events/" + event + "/sessions")
        .then()
        .statusCode(200)
        .body("items.title.en", equalTo(List.of("Third")))
        .body("nextCursor", nullValue());
    given()
        .get("/api/v1/events/" + event + "/sessions/" + ids.get(0))
        .then()
        .statusCode(200)
        .body("title.en", equalTo("Third"));
    given()
        .get("/api/v1/events/" + other + "/sessions/" + ids.get(0))
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:eurasia-registry:problem:not-found"));
    given()
        .get("/api/v1/events/" + event + "/sessions/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404);
    // The seeded example of the contract.
    given()
        .get(
            "/api/v1/events/"
                + EventResource.EXAMPLE_ID
                + "/sessions/"
                + EventResource.EXAMPLE_SESSION)
        .then()
        .statusCode(200)
        .body("title.en", equalTo("Opening remarks"));
  }
}
