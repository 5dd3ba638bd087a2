package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.events.mail.RegistrantMailJob;
import org.eurasia.registry.local.MailServer;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestMail;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * People a head of delegation registers are told, by a real mail over SMTP (an embedded GreenMail
 * server, read back over POP3), and keep control through the link in it: they see and cancel their
 * own registration, nobody else opens it with a guessed or another member's token, and erasure
 * closes it. The organizers' cap keeps one organization's delegations from filling an event.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestMail.class, scope = TestResourceScope.GLOBAL)
class DelegationMailTest {

  @Inject RegistrantMailJob job;

  static final String ORGANIZATION = "most.gov.pk";
  static final String HEAD = TestTokens.partner(ORGANIZATION);
  static final String SELF_SERVICE = "/api/v1/self-service/registrations/";
  static final Pattern LINK =
      Pattern.compile(
          "(https?://\\S+?)(/api/v1/self-service/registrations/[^\\s?]+\\?token=(\\S+))");

  @Test
  void eachMemberIsMailedALinkToSeeAndCancelTheirOwnRegistration() {
    String event = EventsApi.publishedWebinar(50, false);
    String first = address("first");
    String second = address("second");
    List<String> ids =
        delegation(
                event,
                Map.of("name", "Aisha \"<b>Khan</b>\" & co", "email", first),
                member("Bekzod", second))
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    MailServer.Received mail = awaitMail(first);
    assertEquals(List.of(first), mail.to());
    assertTrue(
        mail.subject().startsWith("You are registered for Webinar on academic cooperation"),
        mail.subject());
    assertTrue(
        mail.text().contains("The delegation of most.gov.pk has registered you"), mail.text());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find(), mail.text());
    assertEquals("http://127.0.0.1:8083", link.group(1), "the configured public address");
    String path = link.group(2);
    assertTrue(path.startsWith(SELF_SERVICE + ids.get(0) + "?token="), path);
    String token = link.group(3);
    Matcher otherLink = LINK.matcher(awaitMail(second).text());
    assertTrue(otherLink.find());
    String otherToken = otherLink.group(3);

    // The link alone opens the registration: no account, no bearer token. Never cached.
    given()
        .accept("application/json")
        .get(path)
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .body("id", equalTo(ids.get(0)))
        .body("email", equalTo(first))
        .body("status", equalTo("CONFIRMED"));
    // A browser gets a page, with the registrant's own text escaped.
    String page =
        given()
            .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .get(path)
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(page.contains("Aisha &quot;&lt;b&gt;Khan&lt;/b&gt;&quot; &amp; co"), page);
    assertFalse(page.contains("<b>Khan"), page);
    assertTrue(page.contains("Cancel my registration"), page);

    // Another member's token, a wrong one, none, or the right token on another id: unknown.
    for (String refused :
        List.of(
            SELF_SERVICE + ids.get(0) + "?token=" + otherToken,
            SELF_SERVICE + ids.get(0) + "?token=" + token.substring(1) + "A",
            SELF_SERVICE + ids.get(0),
            SELF_SERVICE + ids.get(1) + "?token=" + token,
            SELF_SERVICE + UUID.randomUUID() + "?token=" + token)) {
      given().get(refused).then().statusCode(404);
      given().post(cancellationOf(refused)).then().statusCode(404);
    }
    given().get(SELF_SERVICE + ids.get(1)).then().statusCode(404);

    // The person cancels through the link, as a browser's form posts it; once.
    String cancellation = SELF_SERVICE + ids.get(0) + "/cancellation?token=" + token;
    given()
        .contentType("application/x-www-form-urlencoded")
        .accept("application/json")
        .post(cancellation)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    given().post(cancellation).then().statusCode(409);
    EventsApi.as(EventsApi.ORGANIZER_TOKEN)
        .get("/api/v1/registrations/" + ids.get(0))
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    // The other member's registration is untouched.
    given()
        .get(SELF_SERVICE + ids.get(1) + "?token=" + otherToken)
        .then()
        .body("status", equalTo("CONFIRMED"));
  }

  @Test
  void nobodyErasedOrCancelledBeforeTheMailWentOutIsMailed() {
    String event = EventsApi.publishedWebinar(50, false);
    String erased = address("erased-early");
    String cancelled = address("cancelled-early");
    String told = address("told");
    List<String> ids =
        delegation(event, member("E", erased), member("C", cancelled), member("T", told))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    EventsApi.as(HEAD)
        .delete("/api/v1/registrations/" + ids.get(0) + "/personal-data")
        .then()
        .statusCode(204);
    EventsApi.as(HEAD)
        .post("/api/v1/registrations/" + ids.get(1) + "/cancellation")
        .then()
        .statusCode(200);

    assertEquals(1, job.sendDue(), "only the member still registered");
    awaitMail(told);
    assertEquals(List.of(), TestMail.inbox(erased));
    assertEquals(List.of(), TestMail.inbox(cancelled));
    assertEquals(0, job.sendDue(), "the dropped mails are gone, the sent one too");
  }

  @Test
  void erasureClosesTheLink() {
    String event = EventsApi.publishedWebinar(50, false);
    String member = address("erased");
    String id =
        delegation(event, member("Dilnoza", member))
            .then()
            .statusCode(201)
            .extract()
            .path("[0].id");
    Matcher link = LINK.matcher(awaitMail(member).text());
    assertTrue(link.find());
    given().get(link.group(2)).then().statusCode(200);

    EventsApi.as(HEAD)
        .delete("/api/v1/registrations/" + id + "/personal-data")
        .then()
        .statusCode(204);
    given().get(link.group(2)).then().statusCode(404);
    given().post(cancellationOf(link.group(2))).then().statusCode(404);
  }

  @Test
  void theOrganizersCapBoundsTheSeatsOfOneOrganizationsDelegations() {
    Map<String, Object> details =
        EventsApi.details(
            "WEBINAR",
            EventsApi.local("Asia/Karachi", Y + "-03-10T14:00:00", Y + "-03-10T16:00:00"),
            50,
            false);
    @SuppressWarnings("unchecked")
    Map<String, Object> registration = (Map<String, Object>) details.get("registration");
    registration.put("delegationSeatCap", 3);
    String event =
        EventsApi.create(EventsApi.ORGANIZER_TOKEN, details)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    EventsApi.as(EventsApi.ORGANIZER_TOKEN)
        .post("/api/v1/events/" + event + "/publication")
        .then()
        .statusCode(200)
        .body("registration.delegationSeatCap", equalTo(3));

    List<String> seated = List.of(address("cap1"), address("cap2"));
    delegation(event, member("One", seated.get(0)), member("Two", seated.get(1)))
        .then()
        .statusCode(201);
    List<String> refused = List.of(address("cap3"), address("cap4"));
    delegation(event, member("Three", refused.get(0)), member("Four", refused.get(1)))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("allow 3 seats to the delegations of one organization"))
        .body("delegationSeatCap", equalTo(3))
        .body("held", equalTo(2));
    // Waiting does not get around it: a wait-listed member would take a seat too.
    Map<String, Object> waiting =
        new java.util.HashMap<>(
            body(event, member("Three", refused.get(0)), member("Four", refused.get(1))));
    waiting.put("waitIfFull", true);
    EventsApi.as(HEAD)
        .body(waiting)
        .post("/api/v1/registrations/delegations")
        .then()
        .statusCode(409);
    String third = address("cap5");
    delegation(event, member("Five", third)).then().statusCode(201);
    // The cap is on delegations: people still register themselves.
    EventsApi.as(EventsApi.person(1))
        .body(Map.of("eventId", event, "name", "Walk-in"))
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);

    // Mail goes out only for what was committed: the refused members are never told.
    awaitMail(third);
    seated.forEach(this::awaitMail);
    refused.forEach(address -> assertEquals(List.of(), TestMail.inbox(address), address));
  }

  /** The cancellation address beside a registration's self-service address (query kept). */
  static String cancellationOf(String path) {
    int query = path.indexOf('?');
    return query < 0
        ? path + "/cancellation"
        : path.substring(0, query) + "/cancellation" + path.substring(query);
  }

  static Map<String, Object> member(String name, String email) {
    return Map.of("name", name, "email", email);
  }

  @SafeVarargs
  static Map<String, Object> body(String event, Map<String, Object>... members) {
    return Map.of("eventId", event, "organization", ORGANIZATION, "members", List.of(members));
  }

  @SafeVarargs
  static Response delegation(String event, Map<String, Object>... members) {
    return EventsApi.as(HEAD).body(body(event, members)).post("/api/v1/registrations/delegations");
  }

  static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@most.example.org";
  }

  MailServer.Received awaitMail(String address) {
    job.sendDue();
    List<MailServer.Received> inbox = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              inbox.clear();
              inbox.addAll(TestMail.inbox(address));
              return !inbox.isEmpty();
            });
    assertEquals(1, inbox.size(), "one mail to " + address);
    assertNotNull(inbox.get(0).text());
    return inbox.get(0);
  }
}
