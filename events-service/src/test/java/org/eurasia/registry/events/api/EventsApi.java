package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestTokens;

/** Requests the events API tests repeat. */
final class EventsApi {

  static final String ORGANIZER = "ncp.edu.pk";
  static final String ORGANIZER_TOKEN = TestTokens.partner(ORGANIZER);

  /** Seeded agreements: a draft (qau.edu.pk–bsu.by) and the ministries' memorandum in force. */
  static final String DRAFT_MOU = "5eed0000-0000-4000-8000-0000000a0001";

  static final String MINISTRIES_MOU = "5eed0000-0000-4000-8000-0000000a0002";

  /**
   * Next year: events are published only for the future, so tests place them a year ahead of
   * whenever they run rather than at a fixed date that would one day be past.
   */
  static final String Y =
      String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1);

  private EventsApi() {}

  /**
   * A local time that does not exist in Warsaw next year: half an hour into the spring-forward gap.
   */
  static String warsawSpringGap() {
    return springTransition().getDateTimeBefore().plusMinutes(30).toString() + ":00";
  }

  static String warsawSpringGapEnd() {
    return springTransition().getDateTimeAfter().plusHours(1).toString() + ":00";
  }

  private static java.time.zone.ZoneOffsetTransition springTransition() {
    java.time.Instant newYear =
        java.time.LocalDate.of(Integer.parseInt(Y), 1, 1)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
    return java.time.ZoneId.of("Europe/Warsaw").getRules().nextTransition(newYear);
  }

  static RequestSpecification as(String token) {
    return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
  }

  static Map<String, Object> details(
      String kind, Map<String, Object> schedule, Integer capacity, boolean moderated) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", kind);
    d.put(
        "title",
        Map.of(
            "en",
            "Webinar on academic cooperation",
            "ru",
            "Вебинар об академическом сотрудничестве"));
    d.put("organizers", List.of(ORGANIZER));
    d.put("format", "ONLINE");
    d.put("joinUrl", "https://meet.example.org/" + UUID.randomUUID());
    d.put("schedule", schedule);
    d.put("linkedAgreements", new ArrayList<>());
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("capacity", capacity);
    registration.put("moderated", moderated);
    d.put("registration", registration);
    return d;
  }

  static Map<String, Object> local(String zone, String start, String end) {
    return Map.of("timeZone", zone, "startLocal", start, "endLocal", end);
  }

  static Response create(String token, Map<String, Object> details) {
    return create(token, code(), details);
  }

  /**
   * A published online webinar organized by ncp.edu.pk, 14:00–16:00 in Karachi on 10 February next
   * year.
   */
  static String publishedWebinar(Integer capacity, boolean moderated) {
    String id =
        create(
                ORGANIZER_TOKEN,
                details(
                    "WEBINAR",
                    local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    capacity,
                    moderated))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + id + "/publication").then().statusCode(200);
    return id;
  }

  /**
   * The organizer changes the capacity of a {@link #publishedWebinar} (read, then {@code PUT} with
   * its ETag); everything else is sent as it was created.
   */
  static Response reviseCapacity(String id, Integer capacity, boolean moderated) {
    String etag = as(ORGANIZER_TOKEN).get("/api/v1/events/" + id).then().extract().header("ETag");
    return reviseCapacity(id, capacity, moderated, etag);
  }

  /** As {@link #reviseCapacity(String, Integer, boolean)}, based on the version {@code etag}. */
  static Response reviseCapacity(String id, Integer capacity, boolean moderated, String etag) {
    return as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(
            details(
                "WEBINAR",
                local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                capacity,
                moderated))
        .put("/api/v1/events/" + id);
  }

  /** A person registering themselves: the attendee role, no organization. */
  static String person(int i) {
    return TestTokens.attendee("person" + i + "-" + UUID.randomUUID() + "@registry.test", null);
  }

  /** A unique event code. */
  static String code() {
    return "E/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Response create(String token, String code, Map<String, Object> details) {
    return as(token).body(Map.of("code", code, "details", details)).post("/api/v1/events");
  }
}
