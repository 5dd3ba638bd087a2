package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Registration against real PostgreSQL with real concurrency: capacity never exceeded, waiting
 * lists, delegations.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistrationResourceTest {

  static final Path SCHEMA =
      EventSchemas.file("events-service/contract/events/registry.registration.v1.schema.json");

  @Inject EntityManager em;

  static io.restassured.response.Response register(String token, String eventId) {
    return as(token)
        .body(Map.of("eventId", eventId, "name", "Participant", "email", "p@example.org"))
        .post("/api/v1/registrations");
  }

  long count(String eventId, String status) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM registration WHERE event_id = CAST(?1 AS uuid) AND status = ?2")
                .setParameter(1, eventId)
                .setParameter(2, status)
                .getSingleResult())
        .longValue();
  }

  /**
   * The rule: 500 concurrent registrations for 100 seats — exactly 100 confirmed, 400
   * wait-listed, none lost.
   */
  @Test
  void fiveHundredConcurrentRegistrationsForAHundredSeatsNeverOversell() throws Exception {
    String event = EventsApi.publishedWebinar(100, false);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      tokens.add(EventsApi.person(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(64);
    List<String> statuses = new ArrayList<>();
    try {
      List<Callable<String>> calls =
          tokens.stream()
              .<Callable<String>>map(
                  t -> () -> register(t, event).then().statusCode(201).extract().path("status"))
              .toList();
      for (Future<String> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(
        Map.of("CONFIRMED", 100L, "WAITLISTED", 400L),
        statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
    assertEquals(100, count(event, "CONFIRMED"), "rows confirmed");
    assertEquals(400, count(event, "WAITLISTED"), "rows wait-listed");
    as(ORGANIZER_TOKEN)
        .get("/api/v1/events/" + event)
        .then()
        .body("registration.confirmed", equalTo(100))
        .body("registration.waitlisted", equalTo(400))
        .body("registration.available", equalTo(0));

    // A cancellation promotes exactly one: the first on the waiting list.
    String firstWaiting =
        as(ORGANIZER_TOKEN)
            .queryParam("limit", 1)
            .queryParam("eventId", event)
            .get("/api/v1/registrations/waitlist")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].id");
    String confirmed =
        as(ORGANIZER_TOKEN)
            .queryParam("status", "CONFIRMED")
            .queryParam("limit", 1)
            .queryParam("eventId", event)
            .get("/api/v1/registrations")
            .then()
            .extract()
            .path("items[0].id");
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + confirmed + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    as(ORGANIZER_TOKEN)
        .get("/api/v1/registrations/" + firstWaiting)
        .then()
        .body("status", equalTo("CONFIRMED"));
    assertEquals(100, count(event, "CONFIRMED"));
    assertEquals(399, count(event, "WAITLISTED"));

    List<ConsumerRecord<String, byte[]>> notices =
        KafkaProbe.collect(
            "registry.registrations",
            r -> new String(r.value(), StandardCharsets.UTF_8).contains(event),
            502,
            Duration.ofSeconds(60),
            Duration.ofSeconds(1));
    Map<String, Long> types =
        notices.stream()
            .collect(
                Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_type"), Collectors.counting()));
    assertEquals(
        Map.of(
            "registry.registration.confirmed.v1",
            100L,
            "registry.registration.wait-listed.v1",
            400L,
            "registry.registration.cancelled.v1",
            1L,
            "registry.registration.promoted.v1",
            1L),
        types);
    EventSchemas.assertValid(SCHEMA, notices.get(0).value());
    assertFalse(
        new String(notices.get(0).value(), StandardCharsets.UTF_8).contains("p@example.org"),
        "no personal data in notices");
  }

  @Test
  void concurrentCancellationsPromoteExactlyOneEachInQueueOrder() throws Exception {
    String event = EventsApi.publishedWebinar(5, false);
    List<String> confirmed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      confirmed.add(
          register(EventsApi.person(i), event)
              .then()
              .body("status", equalTo("CONFIRMED"))
              .extract()
              .path("id"));
    }
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(
          register(EventsApi.person(100 + i), event)
              .then()
              .body("status", equalTo("WAITLISTED"))
              .extract()
              .path("id"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> cancels =
          confirmed.subList(0, 3).stream()
              .<Callable<Integer>>map(
                  id ->
                      () ->
                          as(ORGANIZER_TOKEN)
                              .post("/api/v1/registrations/" + id + "/cancellation")
                              .statusCode())
              .toList();
      for (Future<Integer> f : pool.invokeAll(cancels)) {
        assertEquals(200, f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(5, count(event, "CONFIRMED"));
    List<String> promoted =
        waiting.stream()
            .filter(
                id ->
                    "CONFIRMED"
                        .equals(
                            as(ORGANIZER_TOKEN)
                                .get("/api/v1/registrations/" + id)
                                .then()
                                .extract()
                                .path("status")))
            .toList();
    assertEquals(waiting.subList(0, 3), promoted, "the first three in the queue, none twice");
  }

  @Test
  void aModeratedEventHoldsRegistrationsForTheOrganizer() {
    String event = EventsApi.publishedWebinar(1, true);
    String first =
        register(EventsApi.person(1), event)
            .then()
            .statusCode(201)
            .body("status", equalTo("PENDING"))
            .extract()
            .path("id");
    String second =
        register(EventsApi.person(2), event)
            .then()
            .body("status", equalTo("PENDING"))
            .extract()
            .path("id");
    String third =
        register(EventsApi.person(3), event)
            .then()
            .body("status", equalTo("PENDING"))
            .extract()
            .path("id");
    as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/registrations/" + first + "/approval")
        .then()
        .statusCode(404);
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + first + "/approval")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"));
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + second + "/approval")
        .then()
        .statusCode(200)
        .body("status", equalTo("WAITLISTED"));
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + third + "/decline")
        .then()
        .statusCode(200)
        .body("status", equalTo("DECLINED"));
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + third + "/approval")
        .then()
        .statusCode(409)
        .body("currentState", equalTo("DECLINED"));
  }

  @Test
  void aDelegationIsRegisteredAllOrNothing() {
    String event = EventsApi.publishedWebinar(4, false);
    String most = TestTokens.partner("most.gov.pk");
    Map<String, Object> three =
        Map.of(
            "eventId",
            event,
            "organization",
            "most.gov.pk",
            "members",
            List.of(
                Map.of("name", "Head", "email", "head@most.example.org"),
                Map.of("name", "Adviser", "email", "adviser@most.example.org"),
                Map.of("name", "Expert", "email", "expert@most.example.org")));
    as(TestTokens.partner("gknt.gov.by"))
        .body(three)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(403);
    as(most)
        .body(three)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(201)
        .body("size()", equalTo(3))
        .body("status", everyItem(equalTo("CONFIRMED")))
        .body("delegationId", everyItem(notNullValue()));

    Map<String, Object> two =
        Map.of(
            "eventId",
            event,
            "organization",
            "gknt.gov.by",
            "members",
            List.of(
                Map.of("name", "Chair", "email", "chair@gknt.example.org"),
                Map.of("name", "Secretary", "email", "secretary@gknt.example.org")));
    String gknt = TestTokens.partner("gknt.gov.by");
    as(gknt).body(two).post("/api/v1/registrations/delegations").then().statusCode(409);
    assertEquals(3, count(event, "CONFIRMED"), "nobody of the refused delegation was registered");
    Map<String, Object> twoWaiting =
        Map.of(
            "eventId",
            event,
            "organization",
            "gknt.gov.by",
            "members",
            two.get("members"),
            "waitIfFull",
            true);
    // Waiting accepted: the one free seat goes to the first listed, the second waits (issue 17:
    // both used to wait, leaving the seat to whoever came next).
    as(gknt)
        .body(twoWaiting)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(201)
        .body("status", equalTo(List.of("CONFIRMED", "WAITLISTED")));

    Map<String, Object> duplicate =
        Map.of(
            "eventId",
            event,
            "organization",
            "most.gov.pk",
            "members",
            List.of(
                Map.of("name", "New", "email", "new@most.example.org"),
                Map.of("name", "Head again", "email", "HEAD@most.example.org")));
    as(most).body(duplicate).post("/api/v1/registrations/delegations").then().statusCode(409);
    assertEquals(
        0,
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM registration WHERE email = 'new@most.example.org'")
                    .getSingleResult())
            .intValue());
  }

  @Test
  void theJoinLinkIsForConfirmedParticipantsAndCheckInForOrganizers() {
    String event = EventsApi.publishedWebinar(1, false);
    String seated = EventsApi.person(1);
    String waiting = EventsApi.person(2);
    String registration = register(seated, event).then().extract().path("id");
    register(waiting, event).then().body("status", equalTo("WAITLISTED"));
    register(seated, event).then().statusCode(409);
    as(seated).get("/api/v1/events/" + event).then().body("joinUrl", notNullValue());
    as(waiting)
        .get("/api/v1/events/" + event)
        .then()
        .body("joinUrl", org.hamcrest.Matchers.nullValue());
    RestAssured.given()
        .get("/api/v1/events/" + event)
        .then()
        .body("joinUrl", org.hamcrest.Matchers.nullValue());
    as(waiting).get("/api/v1/registrations/" + registration).then().statusCode(404);
    as(seated).post("/api/v1/registrations/" + registration + "/check-in").then().statusCode(403);
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + registration + "/check-in")
        .then()
        .statusCode(200)
        .body("checkedInAt", notNullValue());
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + registration + "/check-in")
        .then()
        .statusCode(409);
    RestAssured.given()
        .contentType("application/json")
        .body(Map.of("eventId", event, "name", "Anonymous"))
        .post("/api/v1/registrations")
        .then()
        .statusCode(401);
  }

  @Test
  void registrationNeedsAPublishedEventInsideItsWindow() {
    String draft =
        EventsApi.create(
                ORGANIZER_TOKEN,
                EventsApi.details(
                    "WEBINAR",
                    EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    10,
                    false))
            .then()
            .extract()
            .path("id");
    // A draft is unknown to everyone but its organizers: the answer an unknown event id gets.
    register(EventsApi.person(1), draft)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("eventId"));
    Set<String> seen = new HashSet<>();
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + draft + "/publication").then().statusCode(200);
    seen.add(register(EventsApi.person(2), draft).then().statusCode(201).extract().path("id"));
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Cancelled"))
        .post("/api/v1/events/" + draft + "/cancellation")
        .then()
        .statusCode(200);
    register(EventsApi.person(3), draft)
        .then()
        .statusCode(422)
        .body("condition", equalTo("registration-closed"));
    assertEquals(1, seen.size());
  }

  @Test
  void aPersonsTokenNamingTheOrganizersOrganizationManagesNoRegistrations() {
    String event = EventsApi.publishedWebinar(5, true);
    String colleague =
        TestTokens.attendee(
            "colleague-" + java.util.UUID.randomUUID() + "@ncp.edu.pk", EventsApi.ORGANIZER);
    // The person registers themselves; the organization in their token is shown, and gives them
    // nothing more.
    String own =
        register(colleague, event)
            .then()
            .statusCode(201)
            .body("status", equalTo("PENDING"))
            .body("organization", equalTo(EventsApi.ORGANIZER))
            .extract()
            .path("id");
    String other = register(EventsApi.person(1), event).then().statusCode(201).extract().path("id");
    as(colleague).post("/api/v1/registrations/" + other + "/approval").then().statusCode(403);
    as(colleague).post("/api/v1/registrations/" + own + "/approval").then().statusCode(403);
    as(colleague).post("/api/v1/registrations/" + other + "/decline").then().statusCode(403);
    as(colleague).post("/api/v1/registrations/" + other + "/check-in").then().statusCode(403);
    as(colleague).queryParam("eventId", event).get("/api/v1/registrations").then().statusCode(403);
    as(colleague)
        .queryParam("eventId", event)
        .get("/api/v1/registrations/waitlist")
        .then()
        .statusCode(403);
    as(colleague).get("/api/v1/registrations/" + other).then().statusCode(404);
    as(ORGANIZER_TOKEN).post("/api/v1/registrations/" + other + "/approval").then().statusCode(200);
    // Their organization's partner sees and may cancel it (here the partner is also the
    // organizer's).
    as(ORGANIZER_TOKEN)
        .get("/api/v1/registrations/" + own)
        .then()
        .statusCode(200)
        .body("organization", equalTo(EventsApi.ORGANIZER));
    as(colleague)
        .post("/api/v1/registrations/" + own + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }

  @Test
  void aTokenWithoutARoleRegistersNobody() {
    String event = EventsApi.publishedWebinar(5, false);
    String registration =
        register(EventsApi.person(1), event).then().statusCode(201).extract().path("id");
    String roleless = TestTokens.roleless("qau.edu.pk");
    register(roleless, event).then().statusCode(403);
    as(roleless)
        .post("/api/v1/registrations/" + registration + "/cancellation")
        .then()
        .statusCode(403);
    as(roleless)
        .body(
            Map.of(
                "eventId",
                event,
                "organization",
                "qau.edu.pk",
                "members",
                List.of(Map.of("name", "Member", "email", "member@qau.example.org"))))
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(403);
    assertEquals(1, count(event, "CONFIRMED"));
  }

  @Test
  void aDelegationForAnotherOrganizationIsRefusedBeforeAnythingIsSaidOfTheEvent() {
    String draft =
        EventsApi.create(
                ORGANIZER_TOKEN,
                EventsApi.details(
                    "WEBINAR",
                    EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    10,
                    false))
            .then()
            .extract()
            .path("id");
    Map<String, Object> delegation =
        Map.of(
            "eventId",
            draft,
            "organization",
            "most.gov.pk",
            "members",
            List.of(Map.of("name", "Member", "email", "member@most.example.org")));
    as(TestTokens.partner("gknt.gov.by"))
        .body(delegation)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(403);
    as(TestTokens.partner("most.gov.pk"))
        .body(delegation)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("eventId"));
    as(TestTokens.attendee("member@most.gov.pk", "most.gov.pk"))
        .body(delegation)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(403);
  }
}
