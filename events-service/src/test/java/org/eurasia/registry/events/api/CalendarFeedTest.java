package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The feeds as a calendar client reads them: parsed back with ical4j, checked for VTIMEZONE, the
 * same UID across changes, SEQUENCE growing on reschedule and STATUS:CANCELLED on cancellation.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CalendarFeedTest {

  static Calendar fetch(String path) throws Exception {
    String body =
        RestAssured.given()
            .get(path)
            .then()
            .statusCode(200)
            .contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
            .extract()
            .asString();
    return new CalendarBuilder().build(new StringReader(body));
  }

  static VEvent entry(Calendar calendar, String eventId) {
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(v -> v.getUid().orElseThrow().getValue().startsWith(eventId))
        .findFirst()
        .orElseThrow();
  }

  static String prop(VEvent v, String name) {
    return v.getProperty(name).orElseThrow().getValue();
  }

  @Test
  void aSubscribedCalendarSeesTheRescheduleAndTheCancellationOfTheSameEntry() throws Exception {
    String id = EventsApi.publishedWebinar(20, false);
    Calendar before = fetch("/api/v1/calendars/events/" + id + ".ics");
    VEvent first = entry(before, id);
    assertEquals("0", prop(first, "SEQUENCE"));
    assertEquals(Y + "0210T140000", prop(first, "DTSTART"));
    assertEquals(
        "Asia/Karachi",
        first.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue());
    assertEquals("CONFIRMED", prop(first, "STATUS"));
    assertTrue(
        before.<VTimeZone>getComponents("VTIMEZONE").stream()
            .anyMatch(z -> "Asia/Karachi".equals(z.getProperty("TZID").orElseThrow().getValue())));
    assertFalse(before.toString().contains("meet.example.org"), "no join link in feeds");

    as(ORGANIZER_TOKEN)
        .body(
            Map.of(
                "schedule",
                EventsApi.local("Europe/Warsaw", Y + "-07-15T14:00:00", Y + "-07-15T16:00:00"),
                "reason",
                "Moved to Warsaw time"))
        .post("/api/v1/events/" + id + "/reschedule")
        .then()
        .statusCode(200);
    VEvent moved = entry(fetch("/api/v1/calendars/events/" + id + ".ics"), id);
    assertEquals(prop(first, "UID"), prop(moved, "UID"), "the UID never changes");
    assertEquals("1", prop(moved, "SEQUENCE"));
    assertEquals(Y + "0715T140000", prop(moved, "DTSTART"));
    assertEquals(
        "Europe/Warsaw",
        moved.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue());

    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Postponed"))
        .post("/api/v1/events/" + id + "/cancellation")
        .then()
        .statusCode(200);
    VEvent cancelled =
        entry(fetch("/api/v1/calendars/organizers/" + EventsApi.ORGANIZER + ".ics"), id);
    assertEquals("CANCELLED", prop(cancelled, "STATUS"));
    assertEquals("2", prop(cancelled, "SEQUENCE"));
  }

  @Test
  void anAgreementsFeedHoldsItsLinkedEventsInTheRequestedLanguage() throws Exception {
    Calendar feed =
        fetch("/api/v1/calendars/agreements/5eed0000-0000-4000-8000-0000000a0004.ics?lang=zh");
    VEvent seminar = entry(feed, "5eed0000-0000-4000-8000-0000000e0a02");
    assertEquals("中巴经济走廊互联互通研讨会", prop(seminar, "SUMMARY"));
    assertTrue(prop(seminar, "LOCATION").contains("Islamabad"));
    List<String> zones =
        feed.<VTimeZone>getComponents("VTIMEZONE").stream()
            .map(z -> z.getProperty("TZID").orElseThrow().getValue())
            .toList();
    assertEquals(List.of("Asia/Karachi"), zones);
  }

  @Test
  void aDraftHasNoCalendarEntry() {
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
    RestAssured.given()
        .get("/api/v1/calendars/events/" + draft + ".ics")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
