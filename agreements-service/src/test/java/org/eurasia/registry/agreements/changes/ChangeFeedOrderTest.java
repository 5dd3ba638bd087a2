package org.eurasia.registry.agreements.changes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The change log's own guarantees, against the real PostgreSQL: a feed cursor never skips a change
 * that commits late, the log refuses to be rewritten, and retention is the only deletion.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedOrderTest {

  private static final String FEED = "/api/v1/changes";
  private static final String PROBE_TYPE = "registry.probe.written.v1";

  @Inject AgroalDataSource dataSource;

  @Inject EntityManager em;

  @Inject ChangeLog changeLog;

  /**
   * A writer that began first but commits last (a slow transaction) must not be overtaken: while it
   * is open the feed holds back every later change, so a partner's cursor can never pass it.
   */
  @Test
  void aChangeThatCommitsLateIsNotSkippedByACursorTakenMeanwhile() throws Exception {
    String start = head();
    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      String slowId = "slow-" + UUID.randomUUID();
      insertProbe(slow, slowId);

      // A later write commits while the slow one is still open.
      String fastCode = "u" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
      String fastId = register(fastCode);
      List<String> meanwhile = subjectsAfter(start);
      assertFalse(
          meanwhile.contains(fastId),
          "a change committed after an older open transaction is held back: " + meanwhile);

      slow.commit();
      List<String> after = subjectsAfter(start);
      assertTrue(after.contains(slowId) && after.contains(fastId), after.toString());
      assertTrue(
          after.indexOf(slowId) < after.indexOf(fastId),
          "in transaction order, the slow writer first: " + after);
    }
  }

  @Test
  void aCursorResumesExactlyAfterTheLastChangeItCovered() {
    String start = head();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      written.add(register("u" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = start;
    for (int page = 0; page < 10; page++) {
      var body =
          asRegistrar()
              .get(FEED + "?types=registry.organization.*&limit=1&after=" + cursor)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(body.getList("items.subject", String.class));
      cursor = body.getString("cursor");
      if (!body.getBoolean("hasMore")) {
        break;
      }
    }
    assertEquals(written, seen.stream().filter(written::contains).toList());
    assertEquals(seen.size(), seen.stream().distinct().count(), "no change twice: " + seen);
  }

  /**
   * Transaction ids are ordered as numbers: 9 before 10 (as text, "10" sorts first and a cursor
   * taken after it would skip 9).
   */
  @Test
  void changesAreServedInTransactionOrderAcrossAPowerOfTen() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> probes = List.of("t9-" + run, "t10-" + run, "t11-" + run);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // Written in reverse, so that position order cannot pass for transaction order.
              for (int i = probes.size() - 1; i >= 0; i--) {
                em.createNativeQuery(
                        "INSERT INTO change_log (txid, recorded_at, actor_subject, actor_role,"
                            + " operation, record_type, record_id, record_version, event_id,"
                            + " event_type, change) VALUES (CAST(?1 AS xid8), now(), 'test',"
                            + " 'system', 'test', 'probe', ?2, 1, gen_random_uuid(), ?3, '{}')")
                    .setParameter(1, Integer.toString(9 + i))
                    .setParameter(2, probes.get(i))
                    .setParameter(3, "registry.probe.ordered-" + run + ".v1")
                    .executeUpdate();
              }
            });
    List<String> seen = new ArrayList<>();
    String cursor = org.eurasia.registry.platform.pagination.Cursor.of("8", "0").encode();
    for (int page = 0; page < 5 && seen.size() < 3; page++) {
      var body =
          asRegistrar()
              .get(FEED + "?types=registry.probe.ordered-" + run + ".v1&limit=1&after=" + cursor)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(body.getList("items.subject", String.class));
      cursor = body.getString("cursor");
    }
    assertEquals(probes, seen);
  }

  @Test
  void theLogRefusesUpdatesAndDeletionsButRetentionPrunes() {
    assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery("UPDATE change_log SET operation = 'rewritten'")
                            .executeUpdate()));
    assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM change_log").executeUpdate()));
    // Retention: an entry older than the cutoff goes, a younger one stays.
    String old = "old-" + UUID.randomUUID();
    String young = "young-" + UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              probe(old, Instant.parse("2001-01-01T00:00:00Z"));
              probe(young, Instant.now());
            });
    changeLog.prune(Instant.parse("2002-01-01T00:00:00Z"));
    assertEquals(0, count(old));
    assertEquals(1, count(young));
  }

  @Test
  void aForgedCursorOrTypeIsABadRequestNamingIt() {
    given().get(FEED + "?after=bm90LWEtY3Vyc29y").then().statusCode(400);
    given()
        .get(FEED + "?types=registry.agreement.signed.v1,DROP TABLE")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private long count(String recordId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM change_log WHERE record_id = ?1")
                .setParameter(1, recordId)
                .getSingleResult())
        .longValue();
  }

  private void probe(String recordId, Instant at) {
    em.createNativeQuery(
            "INSERT INTO change_log (recorded_at, actor_subject, actor_role, operation, record_type,"
                + " record_id, record_version, event_id, event_type, change) VALUES (?1, 'test',"
                + " 'system', 'test', 'probe', ?2, 1, gen_random_uuid(), ?3, '{}')")
        .setParameter(1, at.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(2, recordId)
        .setParameter(3, PROBE_TYPE)
        .executeUpdate();
  }

  private static void insertProbe(Connection connection, String recordId) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO change_log (recorded_at, actor_subject, actor_role, operation, record_type,"
                + " record_id, record_version, event_id, event_type, change) VALUES (now(), 'test',"
                + " 'system', 'test', 'probe', ?, 1, gen_random_uuid(), ?, '{}')")) {
      insert.setString(1, recordId);
      insert.setString(2, PROBE_TYPE);
      insert.executeUpdate();
    }
  }

  private static String head() {
    String cursor = null;
    for (int page = 0; page < 1000; page++) {
      var body =
          asRegistrar()
              .get(FEED + "?limit=500" + (cursor == null ? "" : "&after=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      cursor = body.getString("cursor");
      if (!body.getBoolean("hasMore")) {
        return cursor;
      }
    }
    throw new AssertionError("the feed never ended");
  }

  private static List<String> subjectsAfter(String cursor) {
    return asRegistrar()
        .get(FEED + "?types=registry.organization.*," + PROBE_TYPE + "&limit=500&after=" + cursor)
        .then()
        .statusCode(200)
        .extract()
        .path("items.subject");
  }

  private static String register(String code) {
    return asRegistrar()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "Feed University " + code),
                "country",
                "PK"))
        .post("/api/v1/organizations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static io.restassured.specification.RequestSpecification asRegistrar() {
    return given().header("Authorization", TestTokens.bearer(TestTokens.registrar()));
  }
}
