package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Awareness programmes over HTTP against real PostgreSQL and Kafka: consent of organizers, privacy
 * of drafts, the lifecycle, events joining, the calendar feed, statistics and lists.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AwarenessProgrammeResourceTest {

  static final Path SCHEMA =
      EventSchemas.file(
          "events-service/contract/events/registry.awareness-programme.v1.schema.json");

  static final String PATH = "/api/v1/awareness-programmes";

  /** The seeded announced 2027 series (ncp.edu.pk and most.gov.pk) and the draft of cuc.edu.cn. */
  static final String SEEDED_SERIES = "5eed0000-0000-4000-8000-0000000e1a01";

  static final String SEEDED_DRAFT = "5eed0000-0000-4000-8000-0000000e1a02";

  static Map<String, Object> details(List<String> organizers) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", Map.of("en", "Awareness series", "ru", "Серия"));
    d.put("theme", "Joint ventures");
    d.put("audiences", List.of("STUDENTS", "BUSINESS"));
    d.put("organizers", organizers);
    d.put("startsOn", Y + "-01-01");
    d.put("endsOn", Y + "-12-31");
    return d;
  }

  static String create(String token, List<String> organizers) {
    return as(token)
        .body(Map.of("code", code(), "details", details(organizers)))
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String announced() {
    String id = create(ORGANIZER_TOKEN, List.of(ORGANIZER));
    as(ORGANIZER_TOKEN).post(PATH + "/" + id + "/announcement").then().statusCode(200);
    return id;
  }

  static String code() {
    return "AP/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void aProgrammesHistoryShowsItsDraftOnlyToItsOrganizers() {
    String id = create(ORGANIZER_TOKEN, List.of(ORGANIZER));
    String history = PATH + "/" + id + "/history";
    // A draft is unknown to anyone but its organizers, history included.
    given().get(history).then().statusCode(404);
    as(ORGANIZER_TOKEN)
        .get(history)
        .then()
        .statusCode(200)
        .body("items.operation", equalTo(List.of("createAwarenessProgramme")));
    as(ORGANIZER_TOKEN).post(PATH + "/" + id + "/announcement").then().statusCode(200);
    as(ORGANIZER_TOKEN)
        .get(history)
        .then()
        .body(
            "items.operation",
            equalTo(List.of("createAwarenessProgramme", "announceAwarenessProgramme")));
    // Everyone else sees it from its announcement on.
    given()
        .get(history)
        .then()
        .statusCode(200)
        .body("items.operation", equalTo(List.of("announceAwarenessProgramme")));
  }

  @Test
  void aDraftIsPrivateUntilAnnouncedAndOnlyItsChangesFromThenOnArePublished() {
    String id = create(ORGANIZER_TOKEN, List.of(ORGANIZER, "bsu.by"));
    String bsu = TestTokens.partner("bsu.by");
    as(ORGANIZER_TOKEN)
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("organizers", equalTo(List.of(ORGANIZER)))
        .body("invitedOrganizers", equalTo(List.of("bsu.by")))
        .body("audiences", equalTo(List.of("STUDENTS", "BUSINESS")));
    given().get(PATH + "/" + id).then().statusCode(404);
    as(TestTokens.partner("pu.edu.pk")).get(PATH + "/" + id).then().statusCode(404);
    given().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
    // The invited organizer reads it, may not change it, and consents by accepting.
    as(bsu).get(PATH + "/" + id).then().statusCode(200);
    as(bsu).post(PATH + "/" + id + "/start").then().statusCode(403);
    as(bsu)
        .body(Map.of("organizationCode", "bsu.by"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .body("organizers", equalTo(List.of(ORGANIZER, "bsu.by")));
    as(bsu)
        .post(PATH + "/" + id + "/announcement")
        .then()
        .statusCode(200)
        .body("status", equalTo("ANNOUNCED"))
        .body("allowedTransitions", hasItem("start"));
    given().get(PATH + "/" + id).then().statusCode(200);
    as(ORGANIZER_TOKEN).post(PATH + "/" + id + "/start").then().statusCode(200);
    as(ORGANIZER_TOKEN)
        .post(PATH + "/" + id + "/start")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    as(ORGANIZER_TOKEN)
        .post(PATH + "/" + id + "/closure")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    String etag = as(ORGANIZER_TOKEN).get(PATH + "/" + id).then().extract().header("ETag");
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(details(List.of(ORGANIZER, "bsu.by")))
        .put(PATH + "/" + id)
        .then()
        .statusCode(409);

    List<ConsumerRecord<String, byte[]>> notices =
        KafkaProbe.collect(
            "registry.awareness-programmes",
            r -> id.equals(r.key()),
            3,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of(
            "registry.awareness-programme.announced.v1",
            "registry.awareness-programme.started.v1",
            "registry.awareness-programme.closed.v1"),
        notices.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    notices.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
  }

  @Test
  void anEventJoinsOnlyWhenPublishedAndTheCallerOrganizesBoth() {
    String id = announced();
    String event = EventsApi.publishedWebinar(20, false);
    String link = PATH + "/" + id + "/events";
    as(ORGANIZER_TOKEN)
        .body(Map.of("eventId", event))
        .post(link)
        .then()
        .statusCode(200)
        .body("events.eventId", equalTo(List.of(event)))
        .body("events[0].status", equalTo("PUBLISHED"));
    as(ORGANIZER_TOKEN).body(Map.of("eventId", event)).post(link).then().statusCode(409);
    String draft =
        EventsApi.create(
                ORGANIZER_TOKEN,
                EventsApi.details(
                    "WEBINAR",
                    EventsApi.local("Asia/Karachi", Y + "-03-10T14:00:00", Y + "-03-10T16:00:00"),
                    null,
                    false))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(ORGANIZER_TOKEN)
        .body(Map.of("eventId", draft))
        .post(link)
        .then()
        .statusCode(422)
        .body("condition", equalTo("event-not-published"));
    // The seeded CPEC seminar of comsats.edu.pk: public, but not ncp.edu.pk's to link.
    as(ORGANIZER_TOKEN)
        .body(Map.of("eventId", "5eed0000-0000-4000-8000-0000000e0a02"))
        .post(link)
        .then()
        .statusCode(403);
    // pu.edu.pk's seeded draft workshop is as unknown to ncp.edu.pk as a random id.
    for (String unseen : List.of("5eed0000-0000-4000-8000-0000000e0a05", UUID.randomUUID() + "")) {
      as(ORGANIZER_TOKEN).body(Map.of("eventId", unseen)).post(link).then().statusCode(404);
    }
    // Nor does ncp.edu.pk link anything to a programme it does not organize.
    as(ORGANIZER_TOKEN)
        .body(Map.of("eventId", event))
        .post(PATH + "/" + SEEDED_DRAFT + "/events")
        .then()
        .statusCode(404);

    String feed =
        given()
            .queryParam("from", Y + "-01-01")
            .queryParam("to", Y + "-12-31")
            .get("/api/v1/calendars/awareness-programmes/" + id + ".ics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(feed.contains("UID:" + event + "@"), feed);
    as(ORGANIZER_TOKEN)
        .queryParam("organization", ORGANIZER)
        .get("/api/v1/statistics/awareness-programmes")
        .then()
        .statusCode(200)
        .body("find { it.programmeId == '" + id + "' }.events", equalTo(1));

    String etag = as(ORGANIZER_TOKEN).get(PATH + "/" + id).then().extract().header("ETag");
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .delete(link + "/" + event)
        .then()
        .statusCode(200)
        .body("events", equalTo(List.of()));
    as(ORGANIZER_TOKEN)
        .header("If-Match", "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"")
        .delete(link + "/" + event)
        .then()
        .statusCode(422)
        .body("condition", equalTo("not-linked"));
  }

  @Test
  void aBackwardPeriodAnEmptyAudienceAndAnUnknownOneAreRefusedNamingTheField() {
    Map<String, Object> backward = details(List.of(ORGANIZER));
    backward.put("endsOn", Y + "-01-01");
    backward.put("startsOn", Y + "-02-01");
    Map<String, Object> noAudience = details(List.of(ORGANIZER));
    noAudience.put("audiences", List.of());
    Map<String, Object> robots = details(List.of(ORGANIZER));
    robots.put("audiences", List.of("ROBOTS"));
    for (Map<String, Object> refused : List.of(backward, noAudience, robots)) {
      String field =
          as(ORGANIZER_TOKEN)
              .body(Map.of("code", code(), "details", refused))
              .post(PATH)
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .extract()
              .path("errors[0].field");
      assertTrue(field.endsWith("endsOn") || field.contains("audiences"), field);
    }
    // A partner may not create a programme for another organization alone.
    as(ORGANIZER_TOKEN)
        .body(Map.of("code", code(), "details", details(List.of("bsu.by"))))
        .post(PATH)
        .then()
        .statusCode(403);
  }

  @Test
  void theListFiltersByOrganizationAndPeriodAndAnswersInCsv() {
    given()
        .queryParam("organization", "most.gov.pk")
        .queryParam("country", "PK")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(SEEDED_SERIES))
        .body("items.id", not(hasItem(SEEDED_DRAFT)));
    given()
        .queryParam("organization", "most.gov.pk")
        .queryParam("to", "2026-12-31")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(SEEDED_SERIES)));
    given()
        .accept("text/csv")
        .queryParam("organization", "most.gov.pk")
        .get(PATH)
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("PK-BY/AWARENESS/2027"));
  }
}
