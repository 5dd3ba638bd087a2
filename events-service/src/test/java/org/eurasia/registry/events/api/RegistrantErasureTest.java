package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.events.application.RegistrationRetention;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.PersonalDataScan;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a registrant's personal data is erased on request by their organization, and by the
 * retention job a configured time (P180D) after the event ended — every copy in the schema, while
 * the registrations keep counting.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistrantErasureTest {

  static final String MOST = TestTokens.partner("most.gov.pk");

  /** Where the test moves its event's end: before any other event's, so the job finds only it. */
  static final Instant ENDED = Instant.parse("2001-01-01T12:00:00Z");

  @Inject EntityManager em;

  @Inject RegistrationRetention retention;

  @Test
  void erasureOnRequestAndAfterRetentionLeavesNoCopyOfTheRegistrantAnywhere() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> first = List.of("Firstmember " + tag, "first." + tag + "@most.example.org");
    List<String> second = List.of("Secondmember " + tag, "second." + tag + "@most.example.org");
    String event = EventsApi.publishedWebinar(10, false);
    List<String> ids =
        as(MOST)
            .header("Idempotency-Key", "delegation-" + tag)
            .body(
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    "most.gov.pk",
                    "members",
                    List.of(
                        Map.of("name", first.get(0), "email", first.get(1)),
                        Map.of("name", second.get(0), "email", second.get(1)))))
            .post("/api/v1/registrations/delegations")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String erase = "/api/v1/registrations/" + ids.get(0) + "/personal-data";
    as(TestTokens.partner("gknt.gov.by")).delete(erase).then().statusCode(404);
    assertFalse(holding(first).isEmpty(), "held before erasure");
    long counted = confirmed(event);

    as(MOST).delete(erase).then().statusCode(204);
    as(MOST).delete(erase).then().statusCode(204);

    assertEquals(List.of(), holding(first), "columns still holding the erased registrant");
    assertFalse(holding(second).isEmpty(), "the other member stays");
    assertEquals(counted, confirmed(event), "the registration still counts");
    assertEquals(1L, tombstones(ids.get(0)));

    // The retention job: nothing before 180 days after the end, the rest after.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE event SET starts_at = ?2, ends_at = ?3 WHERE id = CAST(?1 AS uuid)")
                    .setParameter(1, event)
                    .setParameter(2, ENDED.minus(Duration.ofHours(2)))
                    .setParameter(3, ENDED)
                    .executeUpdate());
    assertEquals(0, retention.eraseDue(ENDED.plus(Duration.ofDays(179))));
    assertFalse(holding(second).isEmpty(), "kept until the retention period is over");
    assertEquals(1, retention.eraseDue(ENDED.plus(Duration.ofDays(181))));
    assertEquals(List.of(), holding(second), "erased once the retention period is over");
    assertEquals(1L, tombstones(ids.get(1)));
    assertEquals(counted, confirmed(event), "the registrations still count");
  }

  /**
   * Issue 24: registrations count people. Anonymous callers never see 1 to 4 of them in a row (the
   * count is null and the row flagged); a registrar, who may read every registration, sees all.
   */
  @Test
  void smallRegistrationCountsAreWithheldFromAnonymousCallersButNotFromRegistrars() {
    List<Map<String, Object>> registrar =
        as(TestTokens.registrar())
            .get("/api/v1/statistics/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertTrue(
        registrar.stream().anyMatch(r -> small((Number) r.get("confirmed"))),
        "a small cell exists: " + registrar);
    assertTrue(registrar.stream().noneMatch(r -> (Boolean) r.get("suppressed")));
    List<Map<String, Object>> anonymous =
        io.restassured.RestAssured.given()
            .get("/api/v1/statistics/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    for (Map<String, Object> row : anonymous) {
      for (String count : List.of("confirmed", "waitlisted")) {
        Number n = (Number) row.get(count);
        assertTrue(n == null ? (Boolean) row.get("suppressed") : !small(n), count + " in " + row);
      }
    }
  }

  private static boolean small(Number n) {
    return n != null && n.longValue() > 0 && n.longValue() < 5;
  }

  private List<String> holding(List<String> values) {
    return PersonalDataScan.columnsHolding(em, values);
  }

  private long confirmed(String event) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM registration WHERE event_id = CAST(?1 AS uuid)"
                        + " AND status = 'CONFIRMED'")
                .setParameter(1, event)
                .getSingleResult())
        .longValue();
  }

  /** The registration's erasure tombstones; each one's payload valid against its schema. */
  @SuppressWarnings("unchecked")
  private long tombstones(String registration) {
    List<String> changes =
        em.createNativeQuery(
                "SELECT change FROM change_log WHERE record_type = 'registrant'"
                    + " AND record_id = ?1 AND event_type = 'registry.registrant.erased.v1'"
                    + " AND tombstone")
            .setParameter(1, registration)
            .getResultList();
    for (String change : changes) {
      EventSchemas.assertValid(
          EventSchemas.file("events-service/contract/events/registry.registrant.v1.schema.json"),
          change.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return changes.size();
  }
}
