package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The shared filter vocabulary on agreements: {@code organization} (formerly {@code party}, still
 * answered for one release), {@code countryPair} as {@code country} twice, and the statistics at
 * {@code /api/v1/statistics/agreements} (the old path still answers, the same).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SharedFilterNamesTest {

  private static final String PATH = "/api/v1/agreements";

  @Test
  void countryPairFindsWhatCountryTwiceFinds() {
    List<String> twice =
        given()
            .queryParam("country", "PK", "BY")
            .queryParam("limit", 100)
            .get(PATH)
            .then()
            .statusCode(200)
            .body("items", not(empty()))
            .extract()
            .path("items.id");
    List<String> pair =
        given()
            .queryParam("countryPair", "PK-BY")
            .queryParam("limit", 100)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertEquals(twice, pair);
  }

  @Test
  void theOldPartySpellingStillFiltersAndDisagreeingSpellingsAreRefused() {
    List<String> organization =
        given()
            .queryParam("organization", "qau.edu.pk")
            .queryParam("limit", 100)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    List<String> party =
        given()
            .queryParam("party", "qau.edu.pk")
            .queryParam("limit", 100)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertEquals(organization, party);
    given()
        .queryParam("organization", "qau.edu.pk")
        .queryParam("party", "bsu.by")
        .get(PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("organization"));
  }

  @Test
  void statisticsLiveUnderStatisticsAndTheOldPathAnswersTheSame() {
    String fresh =
        given()
            .queryParam("groupBy", "COUNTRY_PAIR")
            .queryParam("organization", "qau.edu.pk")
            .get("/api/v1/statistics/agreements")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String old =
        given()
            .queryParam("groupBy", "COUNTRY_PAIR")
            .queryParam("party", "qau.edu.pk")
            .get(PATH + "/statistics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(fresh, old);
    given()
        .queryParam("groupBy", "FIELD")
        .queryParam("organization", "qau.edu.pk")
        .queryParam("party", "bsu.by")
        .get("/api/v1/statistics/agreements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("organization"));
    // Both paths validate the one query alike, naming the parameter.
    for (String path : List.of("/api/v1/statistics/agreements", PATH + "/statistics")) {
      given()
          .queryParam("groupBy", "FIELD")
          .queryParam("countryPair", "PK_BY")
          .get(path)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("countryPair"));
      given().get(path).then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }
  }
}
