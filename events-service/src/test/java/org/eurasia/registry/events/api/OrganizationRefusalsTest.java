package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.events.messaging.DirectoryEvents;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Something new names only organizations the directory has active: an organizer of a new event, one
 * a revision adds, an invited one accepting, a delegation's organization, a registrant's
 * organization. An unknown code and a retired one are both a 422 naming the field, told apart by
 * the detail. What already names an organization retired later stays readable and manageable.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationRefusalsTest {

  static final String UNKNOWN_REFERENCE = "urn:eurasia-registry:problem:unknown-reference";

  static Map<String, Object> webinar(String... organizers) {
    Map<String, Object> d =
        EventsApi.details(
            "WEBINAR",
            EventsApi.local("Asia/Karachi", Y + "-09-14T14:00:00", Y + "-09-14T16:00:00"),
            20,
            false);
    d.put("organizers", List.of(organizers));
    return d;
  }

  /** An organization of this test's own, registered and then retired. */
  static String retiredOrganization() {
    String code = DirectoryEvents.fresh();
    DirectoryEvents.registered(code);
    DirectoryEvents.retired(code, 1);
    return code;
  }

  static void refused(Response response, String field, String detail) {
    response
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(UNKNOWN_REFERENCE))
        .body("detail", equalTo(detail))
        .body("errors[0].field", equalTo(field));
  }

  @Test
  void aNewEventNamingAnOrganizationTheDirectoryDoesNotKnowIsRefused() {
    String unknown = DirectoryEvents.fresh();
    refused(
        create(TestTokens.partner(unknown), webinar(unknown)),
        "organizers[0]",
        "no organization '" + unknown + "' in the directory");
    // A registrar acts for every organization, but cannot name one the directory lacks.
    refused(
        create(TestTokens.registrar(), webinar(ORGANIZER, unknown)),
        "organizers[1]",
        "no organization '" + unknown + "' in the directory");
  }

  @Test
  void aNewEventNamingARetiredOrganizationIsRefusedAsRetired() {
    String retired = retiredOrganization();
    refused(
        create(TestTokens.partner(retired), webinar(retired)),
        "organizers[0]",
        "organization '" + retired + "' is retired");
  }

  @Test
  void aRetiredOrganizationCannotBeInvitedNorAcceptAnInvitationMadeBeforeItsRetirement() {
    String retired = retiredOrganization();
    refused(
        create(ORGANIZER_TOKEN, webinar(ORGANIZER, retired)),
        "organizers[1]",
        "organization '" + retired + "' is retired");

    String draft =
        create(ORGANIZER_TOKEN, webinar(ORGANIZER)).then().statusCode(201).extract().path("id");
    String etag =
        as(ORGANIZER_TOKEN).get("/api/v1/events/" + draft).then().extract().header("ETag");
    refused(
        as(ORGANIZER_TOKEN)
            .header("If-Match", etag)
            .body(webinar(ORGANIZER, retired))
            .put("/api/v1/events/" + draft),
        "organizers[1]",
        "organization '" + retired + "' is retired");

    // Invited while active, retired before its partner accepts.
    String late = DirectoryEvents.fresh();
    DirectoryEvents.registered(late);
    String invitation =
        create(ORGANIZER_TOKEN, webinar(ORGANIZER, late))
            .then()
            .statusCode(201)
            .body("invitedOrganizers", equalTo(List.of(late)))
            .extract()
            .path("id");
    DirectoryEvents.retired(late, 1);
    refused(
        as(TestTokens.partner(late))
            .header("If-Match", "\"0\"")
            .body(Map.of("organizationCode", late))
            .post("/api/v1/events/" + invitation + "/acceptances"),
        "organizationCode",
        "organization '" + late + "' is retired");
  }

  @Test
  void aRetiredOrganizationRegistersNoDelegationAndNoOneUnderItsName() {
    String retired = retiredOrganization();
    String event = EventsApi.publishedWebinar(20, false);
    refused(
        as(TestTokens.partner(retired))
            .body(
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    retired,
                    "members",
                    List.of(Map.of("name", "Delegate", "email", "delegate@" + retired))))
            .post("/api/v1/registrations/delegations"),
        "organization",
        "organization '" + retired + "' is retired");
    refused(
        as(TestTokens.attendee("someone@" + retired, retired))
            .body(Map.of("eventId", event, "name", "Someone"))
            .post("/api/v1/registrations"),
        "org",
        "organization '" + retired + "' is retired");
  }

  @Test
  void anEventWhoseOrganizerIsRetiredLaterStaysReadableAndCanStillBeRevisedAndCancelled() {
    String organizer = DirectoryEvents.fresh();
    DirectoryEvents.registered(organizer);
    String token = TestTokens.partner(organizer);
    String event = create(token, webinar(organizer)).then().statusCode(201).extract().path("id");
    as(token).post("/api/v1/events/" + event + "/publication").then().statusCode(200);
    DirectoryEvents.retired(organizer, 1);

    String etag =
        as(token)
            .get("/api/v1/events/" + event)
            .then()
            .statusCode(200)
            .body("organizers", equalTo(List.of(organizer)))
            .extract()
            .header("ETag");
    Map<String, Object> revised = webinar(organizer);
    revised.put("title", Map.of("en", "Webinar on academic cooperation, revised"));
    etag =
        as(token)
            .header("If-Match", etag)
            .body(revised)
            .put("/api/v1/events/" + event)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    as(token)
        .header("If-Match", etag)
        .body(Map.of("reason", "The organizer closed"))
        .post("/api/v1/events/" + event + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }
}
