package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The shared filter vocabulary on exchange's lists: {@code organization}, {@code countryPair} and
 * {@code isced} where the data has them; the old spellings ({@code institution}, {@code iscedCode},
 * {@code funder}, {@code invitedInstitution}) still work for one release, and both spellings with
 * different values are a 400 naming the new one. Read against the seeded mobility qau.edu.pk →
 * bsu.by in ISCED 0613.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SharedFilterNamesTest {

  private static final String MOBILITY = "5eed0000-0000-4000-8000-0000000c0001";
  private static final String PROGRAM = "5eed0000-0000-4000-8000-0000000b0002";

  /** Seeded PU-BSUIR programme that bsuir.by has not accepted yet. */
  private static final String INVITING_PROGRAM = "5eed0000-0000-4000-8000-0000000b0003";

  private static RequestSpecification registrar() {
    return given().header("Authorization", TestTokens.bearer(TestTokens.registrar()));
  }

  @Test
  void mobilitiesFilterByCountryPairEitherWayAndByIsced() {
    for (String pair : new String[] {"PK-BY", "BY-PK"}) {
      registrar()
          .queryParam("countryPair", pair)
          .queryParam("limit", 100)
          .get("/api/v1/mobilities")
          .then()
          .statusCode(200)
          .body("items.id", hasItem(MOBILITY));
    }
    registrar()
        .queryParam("countryPair", "PK-CN")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(MOBILITY)));
    registrar()
        .queryParam("isced", "0613")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .body("items.id", hasItem(MOBILITY));
    registrar()
        .queryParam("isced", "0533")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .body("items.id", not(hasItem(MOBILITY)));
  }

  @Test
  void theOldSpellingsStillFilterLikeTheNewOnes() {
    registrar()
        .queryParam("institution", "bsu.by")
        .queryParam("organization", "bsu.by")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(MOBILITY));
    registrar()
        .queryParam("institution", "cuc.edu.cn")
        .queryParam("limit", 100)
        .get("/api/v1/mobilities")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(MOBILITY)));
    given()
        .queryParam("iscedCode", "0613")
        .get("/api/v1/programs")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(PROGRAM));
    given().queryParam("funder", "most.gov.pk").get("/api/v1/scholarships").then().statusCode(200);
    for (String invited : new String[] {"invitedOrganization", "invitedInstitution"}) {
      given()
          .queryParam(invited, "bsuir.by")
          .queryParam("limit", 100)
          .get("/api/v1/programs")
          .then()
          .statusCode(200)
          .body("items.id", hasItem(INVITING_PROGRAM));
    }
  }

  @Test
  void bothSpellingsWithDifferentValuesAreRefusedNamingTheNewOne() {
    registrar()
        .queryParam("organization", "bsu.by")
        .queryParam("institution", "qau.edu.pk")
        .get("/api/v1/mobilities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("organization"));
    given()
        .queryParam("isced", "0613")
        .queryParam("iscedCode", "0533")
        .get("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("isced"));
    given()
        .queryParam("invitedOrganization", "bsuir.by")
        .queryParam("invitedInstitution", "bsu.by")
        .get("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("invitedOrganization"));
    given()
        .queryParam("organization", "most.gov.pk")
        .queryParam("funder", "qau.edu.pk")
        .get("/api/v1/scholarships")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("organization"));
  }
}
