package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Events have the fields and frameworks of the public agreements they link, and the countries of
 * their venue and consenting organizers: the list filters by the first, the statistics count by all
 * of them (an online event for its organizers' countries only).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventFieldAndFrameworkTest {

  private static final String WEBINAR = "5eed0000-0000-4000-8000-0000000e0a01";
  private static final String CPEC_SEMINAR = "5eed0000-0000-4000-8000-0000000e0a02";
  private static final String SUMMIT = "5eed0000-0000-4000-8000-0000000e0a03";
  private static final String CPEC_MOU = "5eed0000-0000-4000-8000-0000000a0004";

  /** A day of next year no other test places a workshop on. */
  private static final String DAY = EventsApi.Y + "-08-12";

  @Test
  void theListFindsEventsByTheFieldsAndFrameworksOfTheirLinkedAgreements() {
    given()
        .queryParam("framework", "CPEC")
        .queryParam("limit", 100)
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(CPEC_SEMINAR))
        .body("items.id", not(hasItems(WEBINAR)))
        .body("items.id", not(hasItems(SUMMIT)));
    given()
        .queryParam("field", "SCIENCE_AND_TECHNOLOGY")
        .queryParam("limit", 100)
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(WEBINAR, SUMMIT))
        .body("items.id", not(hasItem(CPEC_SEMINAR)));
  }

  @Test
  void statisticsCountAnOnlineEventForItsOrganizersAndAnInPersonOneAlsoForItsVenue() {
    JsonPath before = counts();
    String online = published(null, List.of("ncp.edu.pk", "bsu.by"), List.of());
    String inPerson =
        published(
            Map.of("name", "Communication University", "city", "Beijing", "country", "CN"),
            List.of("ncp.edu.pk"),
            List.of(CPEC_MOU));
    JsonPath after = counts();

    assertEquals(2, delta(before, after, "COUNTRY", "PK"), "both are organized from PK");
    assertEquals(1, delta(before, after, "COUNTRY", "BY"), "the online one by bsu.by");
    assertEquals(1, delta(before, after, "COUNTRY", "CN"), "the in-person one's venue");
    assertEquals(1, delta(before, after, "COUNTRY_PAIR", "BY-PK"));
    assertEquals(1, delta(before, after, "COUNTRY_PAIR", "CN-PK"));
    assertEquals(1, delta(before, after, "FORMAT", "ONLINE"));
    assertEquals(1, delta(before, after, "FRAMEWORK", "CPEC"), "only the one linking CPEC");
    assertEquals(1, delta(before, after, "FIELD", "CONNECTIVITY_AND_INFRASTRUCTURE"));
    assertEquals(2, delta(before, after, "YEAR", EventsApi.Y));
    given()
        .queryParam("groupBy", "FORMAT")
        .queryParam("framework", "CPEC")
        .queryParam("kind", "WORKSHOP")
        .queryParam("from", DAY)
        .queryParam("to", DAY)
        .get("/api/v1/statistics/events/counts")
        .then()
        .statusCode(200)
        .body("counts", equalTo(List.of(Map.of("key", "IN_PERSON", "count", 1))));
    given()
        .queryParam("field", "TRADE")
        .queryParam("limit", 100)
        .get("/api/v1/events")
        .then()
        .body("items.id", not(hasItems(online, inPerson)));
  }

  @Test
  void anUnknownFieldOrAMalformedFrameworkIsRefusedNamingTheParameter() {
    for (String path :
        List.of(
            "/api/v1/events",
            "/api/v1/statistics/events",
            "/api/v1/statistics/events/counts?groupBy=KIND")) {
      given()
          .queryParam("field", "FISHING")
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("field"));
      given()
          .queryParam("framework", "cpec")
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("framework"));
    }
    given()
        .queryParam("groupBy", "PLANET")
        .get("/api/v1/statistics/events/counts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("groupBy"));
  }

  /** Every dimension's counts of the workshops on {@link #DAY}, keyed "DIMENSION key". */
  private static JsonPath counts() {
    StringBuilder all = new StringBuilder("{");
    for (String dimension :
        List.of("COUNTRY", "COUNTRY_PAIR", "FORMAT", "FRAMEWORK", "FIELD", "YEAR")) {
      String answer =
          given()
              .queryParam("groupBy", dimension)
              .queryParam("kind", "WORKSHOP")
              .queryParam("from", DAY)
              .queryParam("to", DAY)
              .get("/api/v1/statistics/events/counts")
              .then()
              .statusCode(200)
              .body("groupBy", equalTo(dimension))
              .extract()
              .asString();
      all.append(all.length() > 1 ? "," : "").append('"').append(dimension).append("\":");
      all.append(answer);
    }
    return new JsonPath(all.append('}').toString());
  }

  private static long delta(JsonPath before, JsonPath after, String dimension, String key) {
    return count(after, dimension, key) - count(before, dimension, key);
  }

  private static long count(JsonPath counts, String dimension, String key) {
    Object count = counts.get(dimension + ".counts.find { it.key == '" + key + "' }.count");
    return count == null ? 0 : ((Number) count).longValue();
  }

  /** A workshop on {@link #DAY} a registrar creates (binding its organizers) and publishes. */
  private static String published(
      Map<String, Object> venue, List<String> organizers, List<String> agreements) {
    Map<String, Object> details =
        EventsApi.details(
            "WORKSHOP",
            EventsApi.local("Etc/UTC", DAY + "T09:00:00", DAY + "T12:00:00"),
            50,
            false);
    details.put("organizers", organizers);
    details.put("linkedAgreements", agreements);
    if (venue != null) {
      details.put("format", "IN_PERSON");
      details.remove("joinUrl");
      details.put("venue", venue);
    }
    io.restassured.response.Response created = EventsApi.create(TestTokens.registrar(), details);
    assertEquals(201, created.statusCode(), created.asString());
    String id = created.path("id");
    EventsApi.as(TestTokens.registrar())
        .post("/api/v1/events/" + id + "/publication")
        .then()
        .statusCode(200);
    return id;
  }
}
