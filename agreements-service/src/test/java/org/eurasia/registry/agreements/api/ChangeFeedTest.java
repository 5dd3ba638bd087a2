package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.draftedId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The change feed of agreements-service (GET /api/v1/changes) against real PostgreSQL: a change
 * reaches exactly those who may read the record (a confidential agreement's parties and registrars;
 * everyone for public records), retirements and withdrawals are tombstones, and the change log
 * refuses to be rewritten.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedTest {

  static final String FEED = "/api/v1/changes";

  @Inject EntityManager em;

  static RequestSpecification reader(String token) {
    return token == null ? given() : given().header("Authorization", TestTokens.bearer(token));
  }

  /** Where the feed ends now, for this reader and these types: changes after it are new. */
  static String end(String types) {
    String cursor = null;
    boolean more = true;
    while (more) {
      JsonPath page = page(TestTokens.registrar(), types, cursor);
      cursor = page.getString("cursor");
      more = page.getBoolean("hasMore");
    }
    return cursor;
  }

  static JsonPath page(String token, String types, String after) {
    RequestSpecification request =
        reader(token).queryParam("types", types).queryParam("limit", 500);
    if (after != null) {
      request.queryParam("after", after);
    }
    return request.get(FEED).then().statusCode(200).extract().jsonPath();
  }

  /** The feed's events about one record after {@code from}, as this reader sees them. */
  static List<Map<String, Object>> eventsOf(String token, String types, String from, String id) {
    List<Map<String, Object>> events = new ArrayList<>();
    String cursor = from;
    boolean more = true;
    while (more) {
      JsonPath page = page(token, types, cursor);
      for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
        if (id.equals(item.get("subject"))) {
          events.add(item);
        }
      }
      cursor = page.getString("cursor");
      more = page.getBoolean("hasMore");
    }
    return events;
  }

  /**
   * The record's events once a registrar (who sees all) sees {@code count} of them: from then on,
   * the feed holds them for whoever it admits.
   */
  static List<Map<String, Object>> awaitEvents(String types, String from, String id, int count) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> eventsOf(TestTokens.registrar(), types, from, id), e -> e.size() >= count);
  }

  @Test
  void aConfidentialAgreementsChangesReachOnlyItsPartiesAndRegistrars() {
    String types = "registry.agreement.*";
    String from = end(types);
    String id = draftedId("CONFIDENTIAL", "qau.edu.pk", "bsu.by");
    awaitEvents(types, from, id, 1);

    assertEquals(1, eventsOf(TestTokens.partner("qau.edu.pk"), types, from, id).size());
    assertEquals(1, eventsOf(TestTokens.partner("bsu.by"), types, from, id).size());
    assertTrue(eventsOf(TestTokens.partner("cuc.edu.cn"), types, from, id).isEmpty());
    // A ministry of a party's country is not a party.
    assertTrue(eventsOf(TestTokens.partner("most.gov.pk"), types, from, id).isEmpty());
    assertTrue(eventsOf(null, types, from, id).isEmpty());
  }

  @Test
  void aPublicAgreementsChangesReachEveryone() {
    String types = "registry.agreement.*";
    String from = end(types);
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    awaitEvents(types, from, id, 1);

    assertEquals(1, eventsOf(TestTokens.partner("cuc.edu.cn"), types, from, id).size());
    List<Map<String, Object>> anonymous = eventsOf(null, types, from, id);
    assertEquals(1, anonymous.size());
    assertEquals("registry.agreement.drafted.v1", anonymous.get(0).get("type"));
    assertEquals("agreement", anonymous.get(0).get("aggregatetype"));
    assertEquals(false, anonymous.get(0).get("tombstone"));
  }

  @Test
  void aWithdrawnDraftIsATombstone() {
    String types = "registry.agreement.*";
    String from = end(types);
    String id = draftedId("PUBLIC", "qau.edu.pk", "bsu.by");
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("reason", "Superseded by another memorandum"))
        .post(PATH + "/" + id + "/withdrawal")
        .then()
        .statusCode(200);

    List<Map<String, Object>> events = awaitEvents(types, from, id, 2);
    assertEquals("registry.agreement.withdrawn.v1", events.get(1).get("type"));
    assertEquals(true, events.get(1).get("tombstone"));
    assertEquals(false, events.get(0).get("tombstone"));
  }

  @Test
  void anOrganizationsRegistrationReachesEveryoneAndItsRetirementIsATombstone() {
    String types = "registry.organization.*";
    String from = end(types);
    String id =
        OrganizationResourceTest.register(OrganizationResourceTest.uniqueCode())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    OrganizationResourceTest.asRegistrar()
        .post(OrganizationResourceTest.PATH + "/" + id + "/retirement")
        .then()
        .statusCode(200);
    awaitEvents(types, from, id, 2);

    List<Map<String, Object>> anonymous = eventsOf(null, types, from, id);
    assertEquals(2, anonymous.size());
    assertEquals("registry.organization.retired.v1", anonymous.get(1).get("type"));
    assertEquals(true, anonymous.get(1).get("tombstone"));
    assertEquals(false, anonymous.get(0).get("tombstone"));
  }

  @Test
  void aFrameworksChangesReachEveryoneAndItsRemovalIsATombstone() {
    String types = "registry.framework.*";
    String from = end(types);
    String id =
        as(TestTokens.registrar())
            .body(
                FrameworkResourceTest.framework(
                    FrameworkResourceTest.code(), List.of(Map.of("country", "PK"))))
            .post("/api/v1/frameworks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(TestTokens.registrar())
        .header("If-Match", "\"0\"")
        .delete("/api/v1/frameworks/" + id)
        .then()
        .statusCode(204);
    awaitEvents(types, from, id, 2);

    List<Map<String, Object>> outsider =
        eventsOf(TestTokens.partner("cuc.edu.cn"), types, from, id);
    assertEquals(2, outsider.size());
    assertEquals("registry.framework.removed.v1", outsider.get(1).get("type"));
    assertEquals(true, outsider.get(1).get("tombstone"));
  }

  @Test
  void theChangeLogRefusesToBeRewritten() {
    // A row trigger refuses: there must be a row to refuse for.
    OrganizationResourceTest.register(OrganizationResourceTest.uniqueCode()).then().statusCode(201);
    assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery("UPDATE change_log SET operation = 'forged'")
                            .executeUpdate()));
    assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM change_log").executeUpdate()));
    assertFalse(
        ((Number) em.createNativeQuery("SELECT count(*) FROM change_log").getSingleResult())
                .longValue()
            == 0);
  }
}
