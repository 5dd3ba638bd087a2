package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
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
  private static final String TERMINATED_IN_2021 = "5eed0000-0000-4000-8000-0000000a0003";

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
  void fromAndToFindTheAgreementsInForceOnSomeDayOfTheWindow() {
    // 0a0002 entered into force in 2021 and runs on; 0a0003 was terminated on 2021-03-31;
    // 0a0010 entered into force on 2022-11-01.
    List<String> in2022 = ids(Map.of("from", "2022-01-01", "to", "2022-12-31"));
    assertTrue(in2022.contains(AgreementResource.IN_FORCE_ID), "still in force in 2022");
    assertTrue(in2022.contains(AgreementResource.SUSPENDED_ID), "entered into force in 2022");
    assertFalse(in2022.contains(TERMINATED_IN_2021), "ended before the window");
    assertTrue(ids(Map.of("from", "2021-01-01", "to", "2021-12-31")).contains(TERMINATED_IN_2021));
    List<String> entered2022 =
        ids(Map.of("entryIntoForceFrom", "2022-01-01", "entryIntoForceTo", "2022-12-31"));
    assertTrue(entered2022.contains(AgreementResource.SUSPENDED_ID));
    assertFalse(entered2022.contains(AgreementResource.IN_FORCE_ID), "entered before 2022");
    given()
        .queryParam("from", "2022-12-31")
        .queryParam("to", "2022-01-01")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
    Object counted =
        given()
            .queryParam("groupBy", "STATUS")
            .queryParam("from", "2022-01-01")
            .queryParam("to", "2022-12-31")
            .get("/api/v1/statistics/agreements")
            .then()
            .statusCode(200)
            .extract()
            .path("counts.find { it.key == 'TERMINATED' }?.count");
    assertEquals(null, counted, "the agreement terminated in 2021 is not counted in 2022");
  }

  @Test
  void theOldInvitedPartyAndInForceSpellingsStillFilter() {
    assertEquals(
        ids(Map.of("invitedOrganization", "most.gov.pk")),
        ids(Map.of("invitedParty", "most.gov.pk")));
    assertEquals(
        ids(Map.of("entryIntoForceFrom", "2022-01-01", "entryIntoForceTo", "2023-12-31")),
        ids(Map.of("inForceFrom", "2022-01-01", "inForceTo", "2023-12-31")));
    given()
        .queryParam("invitedOrganization", "most.gov.pk")
        .queryParam("invitedParty", "bsu.by")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("invitedOrganization"));
  }

  private static List<String> ids(Map<String, String> query) {
    return given()
        .queryParams(query)
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items", not(empty()))
        .extract()
        .path("items.id");
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
