package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.reviseCapacity;
import static org.eurasia.registry.events.api.RegistrationResourceTest.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, seats: a capacity is never set below the confirmed seats, seats freed or added go to
 * the waiting list in queue order in the same transaction, and nobody — a newcomer, an approval, a
 * delegation — jumps a non-empty queue. Against real PostgreSQL and Kafka, through HTTP.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SeatsTest {

  @Inject EntityManager em;

  private static String registered(String event, String status) {
    return register(EventsApi.person(0), event)
        .then()
        .statusCode(201)
        .body("status", equalTo(status))
        .extract()
        .path("id");
  }

  private static String status(String registration) {
    return as(ORGANIZER_TOKEN)
        .get("/api/v1/registrations/" + registration)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static List<String> statuses(List<String> registrations) {
    return registrations.stream().map(SeatsTest::status).toList();
  }

  /** The ids of the promotions announced for this event, once {@code wanted} have arrived. */
  private static Set<String> promotionsAnnounced(String event, int wanted) {
    List<ConsumerRecord<String, byte[]>> notices =
        KafkaProbe.collect(
            "registry.registrations",
            r ->
                "registry.registration.promoted.v1".equals(KafkaProbe.header(r, "ce_type"))
                    && new String(r.value(), StandardCharsets.UTF_8).contains(event),
            wanted,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1));
    notices.forEach(
        n ->
            EventSchemas.assertValid(
                EventSchemas.file(
                    "events-service/contract/events/registry.registration.v1.schema.json"),
                n.value()));
    return notices.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
  }

  /** Changes a column behind the service's back, as data written under older rules. */
  private void writeDirectly(String sql, String event) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(sql)
                    .setParameter(1, java.util.UUID.fromString(event))
                    .executeUpdate());
  }

  @Test
  void aCapacityBelowTheConfirmedSeatsIsAConflictNamingBothNumbers() {
    String event = EventsApi.publishedWebinar(5, false);
    for (int i = 0; i < 3; i++) {
      registered(event, "CONFIRMED");
    }
    reviseCapacity(event, 2, false)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:eurasia-registry:problem:conflict"))
        .body("capacity", equalTo(2))
        .body("confirmed", equalTo(3))
        .body(
            "detail",
            equalTo(
                "A capacity of 2 is below the 3 seats already confirmed; cancel registrations first,"
                    + " or keep at least 3"));
    as(ORGANIZER_TOKEN)
        .get("/api/v1/events/" + event)
        .then()
        .body("registration.capacity", equalTo(5))
        .body("registration.confirmed", equalTo(3));
    reviseCapacity(event, 3, false)
        .then()
        .statusCode(200)
        .body("registration.capacity", equalTo(3))
        .body("registration.available", equalTo(0));
    reviseCapacity(event, null, false).then().statusCode(200);
  }

  @Test
  void raisingTheCapacitySeatsTheFirstWaitingAtOnceEachPromotionAnnounced() {
    String event = EventsApi.publishedWebinar(1, false);
    registered(event, "CONFIRMED");
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(registered(event, "WAITLISTED"));
    }
    reviseCapacity(event, 3, false)
        .then()
        .statusCode(200)
        .body("registration.confirmed", equalTo(3))
        .body("registration.waitlisted", equalTo(2))
        .body("registration.available", equalTo(0));
    assertEquals(
        List.of("CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"),
        statuses(waiting),
        "the first two in the queue");
    // A newcomer queues behind those still waiting.
    String newcomer = registered(event, "WAITLISTED");
    reviseCapacity(event, null, false)
        .then()
        .statusCode(200)
        .body("registration.confirmed", equalTo(6))
        .body("registration.waitlisted", equalTo(0))
        .body("registration.available", nullValue());
    assertEquals(List.of("CONFIRMED", "CONFIRMED"), statuses(List.of(waiting.get(3), newcomer)));
    List<String> promoted = new ArrayList<>(waiting);
    promoted.add(newcomer);
    assertEquals(Set.copyOf(promoted), promotionsAnnounced(event, 5));
  }

  @Test
  void seatsLeftFreeByOlderRulesGoToTheQueueBeforeANewcomer() {
    String event = EventsApi.publishedWebinar(1, false);
    registered(event, "CONFIRMED");
    String first = registered(event, "WAITLISTED");
    String second = registered(event, "WAITLISTED");
    // Before issue 17 a higher capacity promoted nobody: three seats free, two people waiting.
    writeDirectly("UPDATE event SET capacity = 4 WHERE id = ?1", event);
    String newcomer = registered(event, "CONFIRMED");
    assertEquals(List.of("CONFIRMED", "CONFIRMED"), statuses(List.of(first, second)));
    assertEquals(Set.of(first, second), promotionsAnnounced(event, 2));
    as(ORGANIZER_TOKEN)
        .get("/api/v1/events/" + event)
        .then()
        .body("registration.confirmed", equalTo(4))
        .body("registration.waitlisted", equalTo(0));
    assertEquals("CONFIRMED", status(newcomer));
  }

  @Test
  void anApprovalWhileOthersWaitJoinsTheEndOfTheQueue() {
    String event = EventsApi.publishedWebinar(1, true);
    String seated = registered(event, "PENDING");
    String early = registered(event, "PENDING");
    String late = registered(event, "PENDING");
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + seated + "/approval")
        .then()
        .body("status", equalTo("CONFIRMED"));
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + late + "/approval")
        .then()
        .body("status", equalTo("WAITLISTED"));
    // Registered before `late`, approved after it: its place is taken at approval.
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + early + "/approval")
        .then()
        .body("status", equalTo("WAITLISTED"));
    as(ORGANIZER_TOKEN)
        .queryParam("eventId", event)
        .get("/api/v1/registrations/waitlist")
        .then()
        .body("items.id", equalTo(List.of(late, early)));
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + seated + "/cancellation")
        .then()
        .statusCode(200);
    assertEquals(List.of("CONFIRMED", "WAITLISTED"), statuses(List.of(late, early)));

    // Seats left free by older rules go to the queue, not to the registration being approved.
    String pending = registered(event, "PENDING");
    writeDirectly("UPDATE event SET capacity = 2 WHERE id = ?1", event);
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + pending + "/approval")
        .then()
        .body("status", equalTo("WAITLISTED"));
    assertEquals("CONFIRMED", status(early));
  }

  @Test
  void aDelegationTakesOnlyTheSeatsNobodyWaitsFor() {
    String event = EventsApi.publishedWebinar(3, false);
    registered(event, "CONFIRMED");
    String most = TestTokens.partner("most.gov.pk");
    List<Map<String, String>> three =
        List.of(
            Map.of("name", "Head", "email", "head@most.example.org"),
            Map.of("name", "Adviser", "email", "adviser@most.example.org"),
            Map.of("name", "Expert", "email", "expert@most.example.org"));
    // Two seats free, nobody waiting: the first two listed are seated, the third waits.
    List<String> statuses =
        as(most)
            .body(
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    "most.gov.pk",
                    "members",
                    three,
                    "waitIfFull",
                    true))
            .post("/api/v1/registrations/delegations")
            .then()
            .statusCode(201)
            .extract()
            .path("status");
    assertEquals(List.of("CONFIRMED", "CONFIRMED", "WAITLISTED"), statuses);

    // One seat left free by older rules while the expert waits: it goes to the expert, and the
    // next delegation waits behind.
    writeDirectly("UPDATE event SET capacity = 4 WHERE id = ?1", event);
    as(TestTokens.partner("gknt.gov.by"))
        .body(
            Map.of(
                "eventId",
                event,
                "organization",
                "gknt.gov.by",
                "members",
                List.of(Map.of("name", "Chair", "email", "chair@gknt.example.org")),
                "waitIfFull",
                true))
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(201)
        .body("status", equalTo(List.of("WAITLISTED")));
    assertEquals(
        List.of("CONFIRMED"),
        em.createNativeQuery(
                "SELECT status FROM registration WHERE email = 'expert@most.example.org'"
                    + " AND event_id = CAST(?1 AS uuid)")
            .setParameter(1, event)
            .getResultList());
  }

  @Test
  void aSeatFreedOnceTheEventIsCancelledGoesToNobody() {
    String event = EventsApi.publishedWebinar(1, false);
    String seated = registered(event, "CONFIRMED");
    String waiting = registered(event, "WAITLISTED");
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Postponed"))
        .post("/api/v1/events/" + event + "/cancellation")
        .then()
        .statusCode(200);
    as(ORGANIZER_TOKEN)
        .post("/api/v1/registrations/" + seated + "/cancellation")
        .then()
        .statusCode(200);
    assertEquals("WAITLISTED", status(waiting));
  }
}
