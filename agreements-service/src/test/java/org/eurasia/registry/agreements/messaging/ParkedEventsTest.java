package org.eurasia.registry.agreements.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.OperationalEndpointsTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * One row the broker refuses never blocks the rest: its topic does not exist (and the broker
 * creates none on its own), so after {@code park-after-attempts} refused attempts the row is parked
 * with the later rows of its aggregate, other aggregates keep flowing, operators see it in metrics,
 * readiness and the operations endpoint, and once the topic exists, releasing it publishes the
 * aggregate's rows in their order.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ParkedEventsTest {

  static final String GOOD_TOPIC = "registry.organizations";
  static final Duration WAIT = Duration.ofSeconds(60);

  @Inject EntityManager em;

  private void insert(UUID id, String topic, String aggregateId, long version) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, aggregate_version,"
                            + " event_type, payload, occurred_at) VALUES (?1, ?2, 'test-probe', ?3, ?4,"
                            + " 'registry.test-probe.changed.v1', '{}', ?5)")
                    .setParameter(1, id)
                    .setParameter(2, topic)
                    .setParameter(3, aggregateId)
                    .setParameter(4, version)
                    .setParameter(5, OffsetDateTime.now())
                    .executeUpdate());
  }

  private long parkedRowsOf(String aggregateId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND parked_at IS NOT NULL")
                            .setParameter(1, aggregateId)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void aRowTheBrokerRefusesIsParkedWithItsAggregateAndTheRestKeepsFlowing() {
    String refusedTopic = "registry.test.refused-" + UUID.randomUUID().toString().substring(0, 8);
    String stuck = "stuck-" + UUID.randomUUID();
    String other = "other-" + UUID.randomUUID();
    UUID first = UUID.randomUUID();
    UUID follower = UUID.randomUUID();
    UUID otherEvent = UUID.randomUUID();
    insert(first, refusedTopic, stuck, 1);
    // Same aggregate, a topic that works: it must not overtake the refused row.
    insert(follower, GOOD_TOPIC, stuck, 2);
    insert(otherEvent, GOOD_TOPIC, other, 1);

    assertEquals(
        1,
        KafkaProbe.collect(GOOD_TOPIC, r -> other.equals(r.key()), 1, WAIT, Duration.ZERO).size(),
        "another aggregate's event was published despite the refused row ahead of it");
    await().atMost(WAIT).until(() -> parkedRowsOf(stuck) == 2);
    assertEquals(
        0,
        KafkaProbe.collect(
                GOOD_TOPIC, r -> stuck.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ZERO)
            .size(),
        "the refused row's follower waits with it");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                OperationalEndpointsTest.management()
                    .get("/q/health/ready")
                    .then()
                    .body(
                        "checks.find { it.name == 'kafka-and-outbox' }.data.parkedEvents",
                        greaterThanOrEqualTo(2)));
    OperationalEndpointsTest.management()
        .get("/q/metrics")
        .then()
        .body(org.hamcrest.Matchers.containsString("registry_outbox_parked_rows"));

    // Operators see both rows, in order, without payloads; partners see nothing.
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("pu.edu.pk")))
        .get("/api/v1/operations/outbox/parked")
        .then()
        .statusCode(403);
    String operator = TestTokens.bearer(TestTokens.operator());
    List<String> listed =
        given()
            .header("Authorization", operator)
            .queryParam("limit", 100)
            .get("/api/v1/operations/outbox/parked")
            .then()
            .statusCode(200)
            .body("items.id", hasItems(first.toString(), follower.toString()))
            .body("items.find { it.id == '" + first + "' }.topic", equalTo(refusedTopic))
            .body("items.find { it.id == '" + first + "' }.attempts", greaterThanOrEqualTo(1))
            .extract()
            .path("items.id");
    org.junit.jupiter.api.Assertions.assertTrue(
        listed.indexOf(first.toString()) < listed.indexOf(follower.toString()), "outbox order");

    // The cause fixed, an operator releases the aggregate: both rows leave, the first first.
    KafkaProbe.createTopic(refusedTopic, 1);
    given()
        .header("Authorization", operator)
        .post("/api/v1/operations/outbox/parked/" + follower + "/release")
        .then()
        .statusCode(200)
        .body("rows", equalTo(2));
    given()
        .header("Authorization", operator)
        .post("/api/v1/operations/outbox/parked/" + follower + "/release")
        .then()
        .statusCode(404);
    List<ConsumerRecord<String, byte[]>> released =
        KafkaProbe.collect(refusedTopic, r -> stuck.equals(r.key()), 1, WAIT, Duration.ZERO);
    assertEquals(1, released.size());
    assertEquals(first.toString(), KafkaProbe.header(released.get(0), "ce_id"));
    List<ConsumerRecord<String, byte[]>> followers =
        KafkaProbe.collect(GOOD_TOPIC, r -> stuck.equals(r.key()), 1, WAIT, Duration.ZERO);
    assertEquals(follower.toString(), KafkaProbe.header(followers.get(0), "ce_id"));
    await().atMost(WAIT).until(() -> parkedRowsOf(stuck) == 0);
  }
}
