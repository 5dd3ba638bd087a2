package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.testing.AuthorizationMatrixTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call each write operation of events-service, generated from its OpenAPI document. Besides
 * the platform's callers, every write is sent with a person's token (attendee role) naming the
 * right organization: the claim gives no organization rights, so only registering oneself and
 * cancelling a registration are open to it.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsAuthorizationMatrixTest extends AuthorizationMatrixTest {

  static final String OUTSIDER = "pu.edu.pk";
  static Map<String, Rule> rules;

  static Map<String, Object> webinar() {
    return EventsApi.details(
        "WEBINAR",
        EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
        50,
        false);
  }

  @Override
  protected synchronized Map<String, Rule> rules() {
    if (rules != null) {
      return rules;
    }
    String event = EventsApi.publishedWebinar(50, false);
    String session =
        EventsApi.as(EventsApi.ORGANIZER_TOKEN)
            .body(
                Map.of(
                    "title",
                    Map.of("en", "Opening"),
                    "startLocal",
                    Y + "-02-10T14:00:00",
                    "endLocal",
                    Y + "-02-10T14:30:00"))
            .post("/api/v1/events/" + event + "/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String registration =
        EventsApi.as(EventsApi.person(1))
            .body(Map.of("eventId", event, "name", "Matrix"))
            .post("/api/v1/registrations")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // An event of ncp.edu.pk that names bsu.by as co-organizer: only bsu.by's partner (or a
    // registrar) accepts for it.
    Map<String, Object> coOrganized = webinar();
    coOrganized.put("organizers", List.of(EventsApi.ORGANIZER, "bsu.by"));
    String invitation =
        EventsApi.create(EventsApi.ORGANIZER_TOKEN, coOrganized)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    EventsApi.as(EventsApi.ORGANIZER_TOKEN)
        .post("/api/v1/events/" + invitation + "/publication")
        .then()
        .statusCode(200);
    String e = "/api/v1/events/" + event;
    String reg = "/api/v1/registrations/" + registration;
    String organizer = EventsApi.ORGANIZER;
    Map<String, Rule> r = new HashMap<>();
    r.put(
        "createEvent",
        Rule.partnerOf(
            organizer,
            OUTSIDER,
            "/api/v1/events",
            () ->
                Map.of(
                    "code",
                    "M/" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "details",
                    webinar())));
    r.put(
        "updateEvent",
        Rule.partnerOf(organizer, OUTSIDER, e, EventsAuthorizationMatrixTest::webinar)
            .withIfMatch());
    r.put("publishEvent", Rule.partnerOf(organizer, OUTSIDER, e + "/publication", () -> null));
    r.put(
        "rescheduleEvent",
        Rule.partnerOf(
            organizer,
            OUTSIDER,
            e + "/reschedule",
            () ->
                Map.of(
                    "schedule",
                    EventsApi.local("Asia/Karachi", Y + "-02-10T14:00:00", Y + "-02-10T16:00:00"),
                    "reason",
                    "Matrix")));
    r.put(
        "addEventSession",
        Rule.partnerOf(
            organizer,
            OUTSIDER,
            e + "/sessions",
            () ->
                Map.of(
                    "title",
                    Map.of("en", "Panel"),
                    "startLocal",
                    Y + "-02-10T14:30:00",
                    "endLocal",
                    Y + "-02-10T15:00:00")));
    r.put(
        "removeEventSession",
        Rule.partnerOf(organizer, OUTSIDER, e + "/sessions/" + session, () -> null).withIfMatch());
    r.put(
        "registerForEvent",
        Rule.anyCaller("/api/v1/registrations", () -> Map.of("eventId", event, "name", "Anyone")));
    r.put(
        "registerDelegation",
        Rule.partnerOf(
            "most.gov.pk",
            "gknt.gov.by",
            "/api/v1/registrations/delegations",
            () ->
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    "most.gov.pk",
                    "members",
                    List.of(
                        Map.of(
                            "name",
                            "Delegate",
                            "email",
                            "delegate-" + System.nanoTime() + "@most.example.org")))));
    r.put(
        "approveRegistration", Rule.partnerOf(organizer, OUTSIDER, reg + "/approval", () -> null));
    r.put("declineRegistration", Rule.partnerOf(organizer, OUTSIDER, reg + "/decline", () -> null));
    r.put(
        "checkInRegistration", Rule.partnerOf(organizer, OUTSIDER, reg + "/check-in", () -> null));
    r.put(
        "cancelRegistration",
        Rule.partnerOf(organizer, OUTSIDER, reg + "/cancellation", () -> null));
    r.put(
        "eraseRegistrantData",
        Rule.partnerOf(organizer, OUTSIDER, reg + "/personal-data", () -> null));
    r.put(
        "cancelEvent",
        Rule.partnerOf(organizer, OUTSIDER, e + "/cancellation", () -> Map.of("reason", "Matrix")));
    r.put("completeEvent", Rule.partnerOf(organizer, OUTSIDER, e + "/completion", () -> null));
    r.put(
        "acceptEvent",
        Rule.partnerOf(
            "bsu.by",
            OUTSIDER,
            "/api/v1/events/" + invitation + "/acceptances",
            () -> Map.of("organizationCode", "bsu.by")));
    awarenessProgrammeRules(r, event);
    String publication = PublicationResourceTest.create(EventsApi.ORGANIZER_TOKEN, organizer);
    r.put(
        "createPublication",
        Rule.partnerOf(
            organizer,
            OUTSIDER,
            "/api/v1/publications",
            () -> PublicationResourceTest.report(organizer)));
    r.put(
        "updatePublication",
        Rule.partnerOf(
                organizer,
                OUTSIDER,
                "/api/v1/publications/" + publication,
                () -> PublicationResourceTest.report(organizer))
            .withIfMatch());
    rules = r;
    return r;
  }

  /**
   * Awareness programmes: an announced one of ncp.edu.pk that invites bsu.by, and the published
   * webinar joining it.
   */
  private static void awarenessProgrammeRules(Map<String, Rule> r, String event) {
    String organizer = EventsApi.ORGANIZER;
    java.util.function.Supplier<Object> details =
        () -> AwarenessProgrammeResourceTest.details(List.of(organizer, "bsu.by"));
    String programme =
        AwarenessProgrammeResourceTest.create(
            EventsApi.ORGANIZER_TOKEN, List.of(organizer, "bsu.by"));
    EventsApi.as(EventsApi.ORGANIZER_TOKEN)
        .post("/api/v1/awareness-programmes/" + programme + "/announcement")
        .then()
        .statusCode(200);
    String p = "/api/v1/awareness-programmes/" + programme;
    r.put(
        "createAwarenessProgramme",
        Rule.partnerOf(
            organizer,
            OUTSIDER,
            "/api/v1/awareness-programmes",
            () ->
                Map.of(
                    "code",
                    AwarenessProgrammeResourceTest.code(),
                    "details",
                    AwarenessProgrammeResourceTest.details(List.of(organizer)))));
    r.put(
        "updateAwarenessProgramme", Rule.partnerOf(organizer, OUTSIDER, p, details).withIfMatch());
    r.put(
        "announceAwarenessProgramme",
        Rule.partnerOf(organizer, OUTSIDER, p + "/announcement", () -> null));
    r.put("startAwarenessProgramme", Rule.partnerOf(organizer, OUTSIDER, p + "/start", () -> null));
    r.put(
        "closeAwarenessProgramme", Rule.partnerOf(organizer, OUTSIDER, p + "/closure", () -> null));
    r.put(
        "acceptAwarenessProgramme",
        Rule.partnerOf(
            "bsu.by", OUTSIDER, p + "/acceptances", () -> Map.of("organizationCode", "bsu.by")));
    r.put(
        "linkAwarenessProgrammeEvent",
        Rule.partnerOf(organizer, OUTSIDER, p + "/events", () -> Map.of("eventId", event)));
    r.put(
        "unlinkAwarenessProgrammeEvent",
        Rule.partnerOf(organizer, OUTSIDER, p + "/events/" + event, () -> null).withIfMatch());
  }

  /**
   * What a person's token may write: register themselves and cancel (their own) registration;
   * nothing else.
   */
  static final Set<String> OPEN_TO_ATTENDEES = Set.of("registerForEvent", "cancelRegistration");

  @Test
  void aPersonsTokenNamingTheRightOrganizationManagesNothing() throws IOException {
    List<String> faults = new ArrayList<>();
    for (Map.Entry<String, String> op : writeOperations().entrySet()) {
      Rule rule = allRules().get(op.getKey());
      String organization =
          rule.rightOrganization() != null ? rule.rightOrganization() : EventsApi.ORGANIZER;
      String attendee =
          TestTokens.attendee("someone-" + UUID.randomUUID() + "@" + organization, organization);
      RequestSpecification request =
          given()
              .contentType("application/json")
              .header("Authorization", TestTokens.bearer(attendee));
      if (rule.ifMatch()) {
        request.header("If-Match", "\"0\"");
      }
      Object body = rule.body().get();
      if (body != null) {
        request.body(body);
      }
      int status = request.request(op.getValue().toUpperCase(), rule.path()).statusCode();
      boolean open = OPEN_TO_ATTENDEES.contains(op.getKey());
      if (open ? status == 401 || status == 403 : status != 403) {
        faults.add(
            op.getKey()
                + " with an attendee token of "
                + organization
                + ": "
                + status
                + (open ? " (expected to be authorized)" : " (expected 403)"));
      }
    }
    assertEquals(List.of(), faults);
  }
}
