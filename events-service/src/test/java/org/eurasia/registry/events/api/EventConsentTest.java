package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Naming is not binding: an organization named as co-organizer by someone else is invited, not
 * bound. Until its own partner accepts it is not in the event's organizers, its calendar feed, the
 * {@code organizer=} list or the statistics, nor in the published notices, and it manages nothing;
 * it may read the event to decide.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventConsentTest {

  static final Path SCHEMA =
      EventSchemas.file("events-service/contract/events/registry.event.v1.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Invited: Belarusian State University, named as co-organizer by the research centre ncp.edu.pk.
   */
  static final String INVITED = "bsu.by";

  static final String INVITED_TOKEN = TestTokens.partner(INVITED);

  /** A working-group meeting of ncp.edu.pk that names bsu.by too, in draft. */
  static String coOrganizedDraft() {
    Map<String, Object> d =
        details(
            "WORKING_GROUP_MEETING",
            local("Europe/Minsk", Y + "-06-03T10:00:00", Y + "-06-03T12:00:00"),
            30,
            false);
    d.put("organizers", List.of(ORGANIZER, INVITED));
    return create(ORGANIZER_TOKEN, d)
        .then()
        .statusCode(201)
        .body("organizers", equalTo(List.of(ORGANIZER)))
        .body("invitedOrganizers", equalTo(List.of(INVITED)))
        .extract()
        .path("id");
  }

  static long meetingsOf(String organizer) {
    List<Integer> counts =
        given()
            .queryParam("organizer", organizer)
            .queryParam("kind", "WORKING_GROUP_MEETING")
            .get("/api/v1/statistics/events")
            .then()
            .statusCode(200)
            .extract()
            .path("events");
    return counts.stream().mapToLong(Integer::longValue).sum();
  }

  static boolean inFeed(String organizer, String event) {
    return given()
        .get("/api/v1/calendars/organizers/" + organizer + ".ics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .contains(event);
  }

  @Test
  void aCoOrganizerIsNotBoundUntilItsOwnPartnerAccepts() throws Exception {
    String event = coOrganizedDraft();
    String path = "/api/v1/events/" + event;

    // Invited: it reads the draft to decide, and nothing more.
    as(INVITED_TOKEN)
        .get(path)
        .then()
        .statusCode(200)
        .body("invitedOrganizers", equalTo(List.of(INVITED)));
    as(INVITED_TOKEN)
        .queryParam("limit", 100)
        .queryParam("kind", "WORKING_GROUP_MEETING")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(event));
    as(INVITED_TOKEN).post(path + "/publication").then().statusCode(403);
    as(INVITED_TOKEN)
        .body(Map.of("reason", "Not ours"))
        .post(path + "/cancellation")
        .then()
        .statusCode(403);
    as(INVITED_TOKEN)
        .body(
            Map.of(
                "title",
                Map.of("en", "Ours now"),
                "startLocal",
                Y + "-06-03T10:00:00",
                "endLocal",
                Y + "-06-03T10:30:00"))
        .post(path + "/sessions")
        .then()
        .statusCode(403);
    String etag = as(ORGANIZER_TOKEN).get(path).then().extract().header("ETag");
    Map<String, Object> takeover =
        details(
            "WORKING_GROUP_MEETING",
            local("Europe/Minsk", Y + "-06-03T10:00:00", Y + "-06-03T12:00:00"),
            30,
            false);
    takeover.put("organizers", List.of(INVITED));
    as(INVITED_TOKEN).header("If-Match", etag).body(takeover).put(path).then().statusCode(403);

    long before = meetingsOf(INVITED);
    as(ORGANIZER_TOKEN).post(path + "/publication").then().statusCode(200);
    assertFalse(inFeed(INVITED, event), "an invited organizer's feed does not show the event");
    assertTrue(inFeed(ORGANIZER, event));
    given()
        .queryParam("organizer", INVITED)
        .queryParam("limit", 100)
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(event)));
    assertEquals(before, meetingsOf(INVITED), "nor do its statistics count it");
    as(INVITED_TOKEN)
        .queryParam("eventId", event)
        .get("/api/v1/registrations")
        .then()
        .statusCode(403);

    // Nobody accepts for another organization; an organization not named has nothing to accept.
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(ORGANIZER_TOKEN)
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("organizationCode", "qau.edu.pk"))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(TestTokens.registrar())
        .header("If-Match", as(TestTokens.registrar()).get(path).then().extract().header("ETag"))
        .body(Map.of("organizationCode", "qau.edu.pk"))
        .post(path + "/acceptances")
        .then()
        .statusCode(422)
        .body("condition", equalTo("not-named"));
    as(TestTokens.attendee("someone@bsu.by", INVITED))
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(403);
    as(ORGANIZER_TOKEN)
        .get(path)
        .then()
        .body("organizers", equalTo(List.of(ORGANIZER)))
        .body("invitedOrganizers", equalTo(List.of(INVITED)));

    // A consent binds the version read: without If-Match, or with a wildcard, it is refused.
    as(INVITED_TOKEN)
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(428);
    as(INVITED_TOKEN)
        .header("If-Match", "*")
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(428);
    String read = as(INVITED_TOKEN).get(path).then().extract().header("ETag");

    // Its own partner accepts: from now on it organizes the event everywhere.
    as(INVITED_TOKEN)
        .header("If-Match", read)
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER, INVITED)))
        .body("invitedOrganizers", equalTo(List.of()));
    as(INVITED_TOKEN)
        .header("If-Match", as(INVITED_TOKEN).get(path).then().extract().header("ETag"))
        .body(Map.of("organizationCode", INVITED))
        .post(path + "/acceptances")
        .then()
        .statusCode(409);
    assertTrue(inFeed(INVITED, event));
    given()
        .queryParam("organizer", INVITED)
        .queryParam("limit", 100)
        .get("/api/v1/events")
        .then()
        .body("items.id", hasItem(event));
    assertEquals(before + 1, meetingsOf(INVITED));
    as(INVITED_TOKEN)
        .body(
            Map.of(
                "schedule",
                local("Europe/Minsk", Y + "-06-04T10:00:00", Y + "-06-04T12:00:00"),
                "reason",
                "Agreed with NCP"))
        .post(path + "/reschedule")
        .then()
        .statusCode(200);

    // What other services hear: the organizers that consented, and nothing of the invitation
    // before.
    List<ConsumerRecord<String, byte[]>> notices =
        KafkaProbe.collect(
            "registry.events",
            r -> event.equals(r.key()),
            3,
            Duration.ofSeconds(20),
            Duration.ofMillis(500));
    assertEquals(
        List.of(
            "registry.event.published.v1",
            "registry.event.organizer-accepted.v1",
            "registry.event.rescheduled.v1"),
        notices.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    notices.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    assertEquals(
        List.of(ORGANIZER), organizers(notices.get(0)), "published while bsu.by was only invited");
    assertEquals(List.of(ORGANIZER, INVITED), organizers(notices.get(1)));
  }

  static List<String> organizers(ConsumerRecord<String, byte[]> notice) throws Exception {
    JsonNode payload = JSON.readTree(notice.value());
    return JSON.convertValue(
        payload.get("organizers"),
        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  @Test
  void aDraftIsInvisibleToOrganizationsItDoesNotName() {
    String event = coOrganizedDraft();
    as(TestTokens.partner("qau.edu.pk")).get("/api/v1/events/" + event).then().statusCode(404);
    // Visibility first: an outsider learns nothing, not even whether the organization is named.
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("organizationCode", "qau.edu.pk"))
        .post("/api/v1/events/" + event + "/acceptances")
        .then()
        .statusCode(404);
    as(TestTokens.registrar())
        .header("If-Match", "\"0\"")
        .body(Map.of("organizationCode", INVITED))
        .post("/api/v1/events/" + event + "/acceptances")
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER, INVITED)));
  }

  @Test
  void aRegistrarsCreationBindsEveryOrganizerItNames() {
    Map<String, Object> d =
        details(
            "WORKING_GROUP_MEETING",
            local("Europe/Minsk", Y + "-06-05T10:00:00", Y + "-06-05T12:00:00"),
            30,
            false);
    d.put("organizers", List.of("gknt.gov.by", "most.gov.pk"));
    create(TestTokens.registrar(), d)
        .then()
        .statusCode(201)
        .body("organizers", equalTo(List.of("gknt.gov.by", "most.gov.pk")))
        .body("invitedOrganizers", equalTo(List.of()));
  }

  @Test
  void aRevisionMayInviteOrRemoveOrganizersButAPartnerKeepsItsOwn() {
    String event = coOrganizedDraft();
    String path = "/api/v1/events/" + event;
    Map<String, Object> d =
        details(
            "WORKING_GROUP_MEETING",
            local("Europe/Minsk", Y + "-06-03T10:00:00", Y + "-06-03T12:00:00"),
            30,
            false);
    d.put("organizers", List.of(ORGANIZER, INVITED, "qau.edu.pk"));
    String etag = as(ORGANIZER_TOKEN).get(path).then().extract().header("ETag");
    etag =
        as(ORGANIZER_TOKEN)
            .header("If-Match", etag)
            .body(d)
            .put(path)
            .then()
            .statusCode(200)
            .body("organizers", equalTo(List.of(ORGANIZER)))
            .body("invitedOrganizers", equalTo(List.of(INVITED, "qau.edu.pk")))
            .extract()
            .header("ETag");

    d.put("organizers", List.of(INVITED, "qau.edu.pk"));
    as(ORGANIZER_TOKEN).header("If-Match", etag).body(d).put(path).then().statusCode(403);

    d.put("organizers", List.of(ORGANIZER, "qau.edu.pk", "most.gov.pk"));
    as(TestTokens.registrar())
        .header("If-Match", etag)
        .body(d)
        .put(path)
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER, "most.gov.pk")))
        .body("invitedOrganizers", equalTo(List.of("qau.edu.pk")));
    as(TestTokens.partner(INVITED)).get(path).then().statusCode(404);
  }

  @Test
  void anOrganizerThatConsentedIsWithdrawnOnlyByItsOwnPartner() {
    String event = coOrganizedDraft();
    String path = "/api/v1/events/" + event;
    String etag = as(INVITED_TOKEN).get(path).then().extract().header("ETag");
    etag =
        as(INVITED_TOKEN)
            .header("If-Match", etag)
            .body(Map.of("organizationCode", INVITED))
            .post(path + "/acceptances")
            .then()
            .statusCode(200)
            .body("organizers", equalTo(List.of(ORGANIZER, INVITED)))
            .extract()
            .header("ETag");
    Map<String, Object> d =
        details(
            "WORKING_GROUP_MEETING",
            local("Europe/Minsk", Y + "-06-03T10:00:00", Y + "-06-03T12:00:00"),
            30,
            false);
    // The first organizer may not write its consenting co-organizer out of the event...
    d.put("organizers", List.of(ORGANIZER));
    as(ORGANIZER_TOKEN).header("If-Match", etag).body(d).put(path).then().statusCode(403);
    as(INVITED_TOKEN)
        .get(path)
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER, INVITED)));
    // ...nor the other way round; a registrar may (and any organizer still withdraws an invitation
    // not yet accepted).
    d.put("organizers", List.of(INVITED));
    as(INVITED_TOKEN).header("If-Match", etag).body(d).put(path).then().statusCode(403);
    d.put("organizers", List.of(ORGANIZER, INVITED, "qau.edu.pk"));
    etag =
        as(ORGANIZER_TOKEN)
            .header("If-Match", etag)
            .body(d)
            .put(path)
            .then()
            .statusCode(200)
            .body("invitedOrganizers", equalTo(List.of("qau.edu.pk")))
            .extract()
            .header("ETag");
    d.put("organizers", List.of(ORGANIZER, INVITED));
    etag =
        as(INVITED_TOKEN)
            .header("If-Match", etag)
            .body(d)
            .put(path)
            .then()
            .statusCode(200)
            .body("invitedOrganizers", equalTo(List.of()))
            .extract()
            .header("ETag");
    d.put("organizers", List.of(ORGANIZER));
    as(TestTokens.registrar())
        .header("If-Match", etag)
        .body(d)
        .put(path)
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER)));
  }
}
