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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * No iCalendar line injection. Through the API a text with a control character is refused naming
 * the field (line feeds only where a field is documented multi-line); and text stored before that
 * rule, with every kind of line break, comes out of every feed escaped: each line ends in CR LF,
 * there is no other CR or LF, and parsed back no injected property exists.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CalendarInjectionTest {

  @Inject EntityManager em;

  static final String ATTENDEE = "ATTENDEE;RSVP=TRUE:mailto:victim@example.org";

  @Test
  void controlCharactersInTextFieldsAreRefusedNamingTheField() {
    Map<String, Object> crlf =
        details(
            "WEBINAR",
            local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
            10,
            false);
    crlf.put("title", Map.of("en", "Webinar\r\n" + ATTENDEE));
    create(ORGANIZER_TOKEN, crlf)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("details.title.en"));

    Map<String, Object> lf =
        details(
            "WEBINAR",
            local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
            10,
            false);
    lf.put("title", Map.of("en", "Webinar\n" + ATTENDEE));
    create(ORGANIZER_TOKEN, lf)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("details.title.en"));

    Map<String, Object> venue =
        details(
            "SEMINAR",
            local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
            10,
            false);
    venue.put("format", "IN_PERSON");
    venue.put("venue", Map.of("name", "Hall\rX-INJECTED:1", "city", "Islamabad", "country", "PK"));
    create(ORGANIZER_TOKEN, venue)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("details.venue.name"));

    // The description is documented multi-line: line feeds and tabs pass (CR LF is stored as LF), a
    // lone CR does not.
    Map<String, Object> multiLine =
        details(
            "WEBINAR",
            local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
            10,
            false);
    multiLine.put("description", Map.of("en", "Agenda:\r\n\t1. Opening\n\t2. Panel"));
    create(ORGANIZER_TOKEN, multiLine)
        .then()
        .statusCode(201)
        .body("description.en", equalTo("Agenda:\n\t1. Opening\n\t2. Panel"));
    multiLine.put("description", Map.of("en", "Agenda:\r" + ATTENDEE));
    create(ORGANIZER_TOKEN, multiLine)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("details.description.en"));

    String event = EventsApi.publishedWebinar(10, false);
    as(ORGANIZER_TOKEN)
        .body(Map.of("reason", "Postponed\r\n" + ATTENDEE))
        .post("/api/v1/events/" + event + "/cancellation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
  }

  @Test
  void lineBreaksStoredBeforeTheRuleNeverBecomeCalendarLines() throws Exception {
    String event = EventsApi.publishedWebinar(10, false);
    // Written as an older version of the service (or a hand-made SQL fix) could have: every kind of
    // line break.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE event SET title = CAST(?1 AS jsonb), description = CAST(?2 AS jsonb), format = 'HYBRID', venue_name = ?3,"
                            + " venue_city = 'Islamabad', venue_country = 'PK' WHERE id = CAST(?4 AS uuid)")
                    .setParameter(
                        1,
                        "{\"en\": \"Webinar\\r\\n"
                            + ATTENDEE
                            + "\\rX-CR-INJECTED:1\\nX-LF-INJECTED:1\"}")
                    .setParameter(
                        2,
                        "{\"en\": \"Agenda\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nUID:forged\\u2028X-LS-INJECTED:1\\u0085X-NEL-INJECTED:1\\u001b\"}")
                    .setParameter(3, "Hall\rX-VENUE-INJECTED:1")
                    .setParameter(4, event)
                    .executeUpdate());

    for (String path :
        List.of(
            "/api/v1/calendars/events/" + event + ".ics",
            "/api/v1/calendars/organizers/" + ORGANIZER + ".ics")) {
      String feed = given().get(path).then().statusCode(200).extract().asString();
      for (int i = 0; i < feed.length(); i++) {
        char c = feed.charAt(i);
        if (c == '\r') {
          assertTrue(
              i + 1 < feed.length() && feed.charAt(i + 1) == '\n',
              path + ": a CR not followed by LF at " + i);
        } else if (c == '\n') {
          assertTrue(i > 0 && feed.charAt(i - 1) == '\r', path + ": an LF without CR at " + i);
        } else if (c == '\u2028' || c == '\u0085' || c == '\u001b') {
          throw new AssertionError(
              path
                  + ": a line separator or control character U+"
                  + Integer.toHexString(c)
                  + " at "
                  + i);
        }
      }
      Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
      List<VEvent> entries =
          calendar.<VEvent>getComponents("VEVENT").stream()
              .filter(v -> v.getUid().orElseThrow().getValue().startsWith(event))
              .toList();
      assertEquals(1, entries.size(), path + ": one entry, no forged one");
      List<String> names = new ArrayList<>();
      entries.get(0).getProperties().forEach(p -> names.add(p.getName()));
      assertTrue(
          names.stream().noneMatch(n -> n.equals("ATTENDEE") || n.contains("INJECTED")),
          path + ": injected properties " + names);
      assertTrue(
          calendar.<VEvent>getComponents("VEVENT").stream()
              .noneMatch(v -> v.getUid().orElseThrow().getValue().equals("forged")));
      String summary = entries.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue();
      assertTrue(summary.contains(ATTENDEE), path + ": the text is kept, as text: " + summary);
    }
  }
}
