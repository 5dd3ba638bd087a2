package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A draft stays private unless it is published: cancelling it does not make it public (it used to
 * become a visible CANCELLED event), and its code is not confirmed to anyone who may not see it.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DraftPrivacyTest {

  /**
   * An in-person workshop in Dushanbe: no other test holds events there, so its statistics are this
   * test's.
   */
  static Map<String, Object> workshop(String word) {
    Map<String, Object> d =
        details(
            "WORKSHOP",
            EventsApi.local("Asia/Dushanbe", Y + "-10-07T10:00:00", Y + "-10-07T12:00:00"),
            25,
            false);
    d.put("title", Map.of("en", "Workshop " + word));
    d.put("format", "IN_PERSON");
    d.remove("joinUrl");
    d.put("venue", Map.of("name", "Academy of Sciences", "city", "Dushanbe", "country", "TJ"));
    return d;
  }

  static List<Integer> tajikWorkshops(String token) {
    return (token == null ? given() : as(token))
        .queryParam("country", "TJ")
        .queryParam("kind", "WORKSHOP")
        .get("/api/v1/statistics/events")
        .then()
        .statusCode(200)
        .extract()
        .path("events");
  }

  @Test
  void aDraftCancelledBeforePublicationStaysInvisibleEverywhere() {
    String word = "zqdraft" + UUID.randomUUID().toString().substring(0, 8);
    List<Integer> before = tajikWorkshops(null);
    List<Integer> beforeForRegistrar = tajikWorkshops(TestTokens.registrar());
    String draft =
        create(ORGANIZER_TOKEN, workshop(word)).then().statusCode(201).extract().path("id");
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Not needed"))
        .post("/api/v1/events/" + draft + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("publishedAt", nullValue());

    for (String outsider :
        new String[] {null, TestTokens.partner("qau.edu.pk"), EventsApi.person(1)}) {
      (outsider == null ? given() : as(outsider))
          .get("/api/v1/events/" + draft)
          .then()
          .statusCode(404);
      (outsider == null ? given() : as(outsider))
          .queryParam("q", word)
          .get("/api/v1/events")
          .then()
          .statusCode(200)
          .body("items.size()", equalTo(0));
      (outsider == null ? given() : as(outsider))
          .queryParam("status", "CANCELLED")
          .queryParam("organizer", ORGANIZER)
          .queryParam("limit", 100)
          .get("/api/v1/events")
          .then()
          .body("items.id", not(hasItem(draft)));
      (outsider == null ? given() : as(outsider))
          .get("/api/v1/calendars/events/" + draft + ".ics")
          .then()
          .statusCode(404);
      (outsider == null ? given() : as(outsider))
          .get("/api/v1/events/" + draft + "/sessions")
          .then()
          .statusCode(404);
    }
    assertFalse(
        given()
            .get("/api/v1/calendars/organizers/" + ORGANIZER + ".ics")
            .asString()
            .contains(draft));
    assertEquals(before, tajikWorkshops(null), "statistics count nothing of drafts");
    assertEquals(beforeForRegistrar, tajikWorkshops(TestTokens.registrar()), "for nobody");
    as(EventsApi.person(2))
        .body(Map.of("eventId", draft, "name", "Curious"))
        .post("/api/v1/registrations")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"));
    // Its organizers still have it, as the private record it always was.
    as(ORGANIZER_TOKEN)
        .get("/api/v1/events/" + draft)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    as(ORGANIZER_TOKEN)
        .get("/api/v1/calendars/events/" + draft + ".ics")
        .then()
        .statusCode(422)
        .body("condition", equalTo("event-not-published"));

    // Published, it counts; cancelled after publication, it stays public (subscribed calendars must
    // see the cancellation).
    String published =
        create(ORGANIZER_TOKEN, workshop(word)).then().statusCode(201).extract().path("id");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + published + "/publication").then().statusCode(200);
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Postponed"))
        .post("/api/v1/events/" + published + "/cancellation")
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/events/" + published)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    assertEquals(
        before.stream().mapToInt(Integer::intValue).sum() + 1,
        tajikWorkshops(null).stream().mapToInt(Integer::intValue).sum());

    // The published one was announced twice; by then the relay is past the draft, which was never
    // announced at all.
    assertEquals(
        2,
        KafkaProbe.collect(
                "registry.events",
                r -> published.equals(r.key()),
                2,
                Duration.ofSeconds(20),
                Duration.ofMillis(300))
            .size());
    assertEquals(
        List.of(),
        KafkaProbe.collect(
            "registry.events",
            r -> draft.equals(r.key()),
            1,
            Duration.ofSeconds(2),
            Duration.ofMillis(300)),
        "a draft is never announced, not even its cancellation");
  }

  @Test
  void aCodeHeldOnlyByAnInvisibleDraftIsNotConfirmed() {
    String code = "PRIVATE/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String ncpDraft =
        create(ORGANIZER_TOKEN, code, workshop("ncp")).then().statusCode(201).extract().path("id");
    // Another organization uses the same code: nothing says a draft of someone else holds it.
    Map<String, Object> qauWorkshop = workshop("qau");
    qauWorkshop.put("organizers", List.of("qau.edu.pk"));
    String qauDraft =
        create(TestTokens.partner("qau.edu.pk"), code, qauWorkshop)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    // Published, the code is public and taken: a second publication, or a new event, is a conflict.
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + ncpDraft + "/publication").then().statusCode(200);
    as(TestTokens.partner("qau.edu.pk"))
        .post("/api/v1/events/" + qauDraft + "/publication")
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString(ncpDraft));
    create(TestTokens.partner("qau.edu.pk"), code, qauWorkshop).then().statusCode(409);
    as(TestTokens.partner("qau.edu.pk"))
        .get("/api/v1/events/" + qauDraft)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
  }
}
