package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The change log records an organization's registration; the feed serves it after a cursor. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedSmokeTest {

  @Inject EntityManager em;

  @Test
  void registrationIsInTheFeed() {
    String start =
        given()
            .get("/api/v1/changes?types=registry.organization.*&limit=1")
            .then()
            .statusCode(200)
            .extract()
            .path("cursor");
    String code = OrganizationResourceTest.uniqueCode();
    String id =
        OrganizationResourceTest.asRegistrar()
            .header("X-Request-Id", "smoke-" + code)
            .body(OrganizationResourceTest.organization(code))
            .post(OrganizationResourceTest.PATH)
            .then()
            .statusCode(201)
            .header("X-Request-Id", "smoke-" + code)
            .extract()
            .path("id");
    List<String> subjects =
        given()
            .get("/api/v1/changes?types=registry.organization.*&limit=500")
            .then()
            .statusCode(200)
            .extract()
            .path("items.subject");
    assertTrue(subjects.contains(id), subjects.toString());
    assertTrue(appendOnlyRefusesUpdate());
  }

  boolean appendOnlyRefusesUpdate() {
    try {
      io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
          .run(() -> em.createNativeQuery("UPDATE change_log SET operation = 'x'").executeUpdate());
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
