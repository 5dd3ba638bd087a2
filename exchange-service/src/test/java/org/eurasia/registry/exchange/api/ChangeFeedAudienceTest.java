package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The change feed shows each exchange record's changes to exactly those who may read the record:
 * public programmes to everyone, a programme under a confidential agreement to its institutions and
 * the agreement's parties, a mobility to its two institutions, an application to the funder and the
 * mobility's institutions, an award to the funder; registrars see all. A cancelled mobility is a
 * tombstone.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedAudienceTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");
  static final String MOST = TestTokens.partner("most.gov.pk");

  /** A partner of a real organization that has nothing to do with the records written here. */
  static final String OUTSIDER = TestTokens.partner("nust.edu.pk");

  @Inject EntityManager em;

  @Test
  void aMobilitysChangesReachOnlyItsTwoInstitutions() {
    String start = now();
    String program = ExchangeApi.openProgram(3, 3);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    List<Map<String, Object>> seen = awaitFeed(TestTokens.registrar(), start, mobility);
    assertEquals("registry.mobility.nominated.v1", seen.get(0).get("type"));
    assertTrue(sees(QAU, start, mobility), "the home institution");
    assertTrue(sees(BSU, start, mobility), "the host institution");
    assertFalse(sees(OUTSIDER, start, mobility), "another partner");
    assertFalse(sees(null, start, mobility), "an anonymous reader");
    // The programme is public: everyone follows it.
    assertTrue(sees(OUTSIDER, start, program));
    assertTrue(sees(null, start, program));
  }

  @Test
  void aProgrammeUnderAConfidentialAgreementReachesOnlyItsInstitutionsAndTheAgreementsParties() {
    String start = now();
    String program = ExchangeApi.confidentialOpenProgram("STUDENT_EXCHANGE").programId();
    awaitFeed(TestTokens.registrar(), start, program);
    assertTrue(sees(QAU, start, program), "an institution");
    assertTrue(sees(MOST, start, program), "a party of the agreement");
    assertFalse(sees(OUTSIDER, start, program), "another partner");
    assertFalse(sees(null, start, program), "an anonymous reader");
  }

  @Test
  void anApplicationReachesTheFunderAndTheMobilitysInstitutionsAndAnAwardOnlyTheFunder() {
    String start = now();
    String program = ExchangeApi.openProgram(null, null);
    String mobility = ScholarshipResourceTest.acceptedMobility(program, "SENDING_TO_RECEIVING", 7);
    String scholarship = ScholarshipResourceTest.fund(2);
    String application =
        ScholarshipResourceTest.apply(QAU, scholarship, mobility)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String award =
        ScholarshipResourceTest.award(MOST, scholarship, mobility)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    awaitFeed(TestTokens.registrar(), start, award);
    for (String admitted : List.of(MOST, QAU, BSU)) {
      assertTrue(sees(admitted, start, application));
    }
    assertFalse(sees(OUTSIDER, start, application), "another partner, the application");
    assertTrue(sees(MOST, start, award), "the funder");
    assertFalse(sees(QAU, start, award), "an institution, the award it may not list");
    assertFalse(sees(OUTSIDER, start, award), "another partner, the award");
    // The scholarship itself is public.
    assertTrue(sees(null, start, scholarship));
  }

  @Test
  void aCancelledMobilityIsATombstone() {
    String start = now();
    String program = ExchangeApi.openProgram(3, 3);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    as(QAU)
        .body(Map.of("reason", "Withdrew"))
        .post("/api/v1/mobilities/" + mobility + "/cancellation")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> changes(QAU, start, "registry.mobility.*", mobility).size() == 2);
    List<Map<String, Object>> seen = changes(QAU, start, "registry.mobility.*", mobility);
    assertEquals("registry.mobility.nominated.v1", seen.get(0).get("type"));
    assertEquals(false, seen.get(0).get("tombstone"));
    assertEquals("registry.mobility.cancelled.v1", seen.get(1).get("type"));
    assertEquals(true, seen.get(1).get("tombstone"));
  }

  /**
   * A cursor at the feed's present: every transaction that commits a change later has a txid at
   * least the oldest one running now (instead of reading the whole feed of the test run first).
   */
  String now() {
    String xmin =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        em.createNativeQuery(
                                "SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")
                            .getSingleResult());
    return Cursor.of(xmin, "0").encode();
  }

  /** The changes of the record the reader sees after {@code start}, once the registrar sees one. */
  List<Map<String, Object>> awaitFeed(String registrar, String start, String subject) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !changes(registrar, start, "*", subject).isEmpty());
    return changes(registrar, start, "*", subject);
  }

  boolean sees(String token, String start, String subject) {
    return !changes(token, start, "*", subject).isEmpty();
  }

  /** Every page of the feed after {@code start} the reader gets, filtered to one record. */
  static List<Map<String, Object>> changes(
      String token, String start, String types, String subject) {
    List<Map<String, Object>> items = new ArrayList<>();
    String cursor = start;
    boolean more = true;
    while (more) {
      RequestSpecification request = token == null ? given() : as(token);
      JsonPath page =
          request
              .queryParam("after", cursor)
              .queryParam("types", types)
              .queryParam("limit", 500)
              .get("/api/v1/changes")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> pageItems = page.getList("items");
      pageItems.stream().filter(i -> subject.equals(i.get("subject"))).forEach(items::add);
      cursor = page.getString("cursor");
      more = page.getBoolean("hasMore");
    }
    return items;
  }
}
