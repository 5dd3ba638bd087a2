package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The shared filter vocabulary on events: {@code organization} (formerly {@code organizer}, still
 * answered for one release) and {@code countryPair}, for which an online event counts for its
 * consenting organizers' countries.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SharedFilterNamesTest {

  @Test
  void anOnlineEventCountsForTheCountriesOfItsConsentingOrganizers() {
    String marker = "zqpair" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> d =
        details(
            "WEBINAR",
            local("Asia/Karachi", Y + "-05-04T10:00:00", Y + "-05-04T12:00:00"),
            50,
            false);
    d.put("title", Map.of("en", "Webinar " + marker));
    d.put("organizers", List.of(ORGANIZER, "bsu.by"));
    String id = create(ORGANIZER_TOKEN, d).then().statusCode(201).extract().path("id");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + id + "/publication").then().statusCode(200);

    // bsu.by is only invited: the webinar is Pakistan's alone.
    given()
        .queryParam("q", marker)
        .queryParam("countryPair", "PK-BY")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items", empty());

    as(TestTokens.partner("bsu.by"))
        .header(
            "If-Match",
            as(TestTokens.partner("bsu.by"))
                .get("/api/v1/events/" + id)
                .then()
                .extract()
                .header("ETag"))
        .body(Map.of("organizationCode", "bsu.by"))
        .post("/api/v1/events/" + id + "/acceptances")
        .then()
        .statusCode(200);

    for (String pair : List.of("PK-BY", "BY-PK")) {
      given()
          .queryParam("q", marker)
          .queryParam("countryPair", pair)
          .get("/api/v1/events")
          .then()
          .statusCode(200)
          .body("items.id", contains(id));
    }
    given()
        .queryParam("q", marker)
        .queryParam("countryPair", "PK-CN")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void theOldOrganizerSpellingStillFiltersAndDisagreeingSpellingsAreRefused() {
    given()
        .queryParam("organizer", "ncp.edu.pk")
        .queryParam("organization", "ncp.edu.pk")
        .get("/api/v1/events")
        .then()
        .statusCode(200);
    given()
        .queryParam("organization", "ncp.edu.pk")
        .queryParam("organizer", "most.gov.pk")
        .get("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("organization"));
    given()
        .queryParam("organization", "ncp.edu.pk")
        .queryParam("organizer", "most.gov.pk")
        .get("/api/v1/statistics/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("organization"));
  }
}
