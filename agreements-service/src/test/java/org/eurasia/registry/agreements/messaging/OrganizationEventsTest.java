package org.eurasia.registry.agreements.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.agreements.domain.OrganizationKind;
import org.eurasia.registry.agreements.domain.OrganizationNotice;
import org.eurasia.registry.agreements.domain.OrganizationStatus;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.events.OutboxRelay;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The outbox guarantees, proven on organization events against the real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationEventsTest {

  static final String TOPIC = "registry.organizations";
  static final Path SCHEMA =
      EventSchemas.file("agreements-service/contract/events/registry.organization.v1.schema.json");
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration SETTLE = Duration.ofSeconds(1);

  @Inject Outbox outbox;

  @Inject OutboxRelay relay;

  @Inject EntityManager em;

  static String register() {
    String code = "e" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
    return given()
        .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "Events U"),
                "country",
                "PK"))
        .post("/api/v1/organizations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<ConsumerRecord<String, byte[]>> eventsOf(String id, int expected) {
    return KafkaProbe.collect(TOPIC, r -> id.equals(r.key()), expected, WAIT, SETTLE);
  }

  @Test
  void aCommittedChangeProducesExactlyOneCloudEventInBinaryMode() {
    String id = register();
    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 1);
    assertEquals(1, records.size(), "exactly one record");
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
    assertNotNull(UUID.fromString(KafkaProbe.header(record, "ce_id")));
    assertEquals("/agreements-service", KafkaProbe.header(record, "ce_source"));
    assertEquals(OrganizationNotice.REGISTERED, KafkaProbe.header(record, "ce_type"));
    assertEquals(id, KafkaProbe.header(record, "ce_subject"));
    assertNotNull(OffsetDateTime.parse(KafkaProbe.header(record, "ce_time")));
    assertEquals("application/json", KafkaProbe.header(record, "content-type"));
    assertEquals("0", KafkaProbe.header(record, "ce_aggregateversion"));
    EventSchemas.assertValid(SCHEMA, record.value());
  }

  @Test
  void oneAggregatesEventsArriveInVersionOrder() {
    String id = register();
    for (int version = 0; version < 5; version++) {
      given()
          .header("Authorization", TestTokens.bearer(TestTokens.registrar()))
          .header("If-Match", "\"" + version + "\"")
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "kind",
                  "UNIVERSITY",
                  "names",
                  Map.of("en", "Renamed " + version),
                  "country",
                  "PK"))
          .put("/api/v1/organizations/" + id)
          .then()
          .statusCode(200);
    }
    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 6);
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5"),
        records.stream().map(r -> KafkaProbe.header(r, "ce_aggregateversion")).toList());
    records.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
  }

  @Test
  void aRolledBackTransactionLeavesNoEvent() {
    UUID rolledBack = UUID.randomUUID();
    UUID committed = UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      outbox.record(probe(rolledBack));
                      throw new IllegalStateException(
                          "the state change failed after the event was recorded");
                    }));
    QuarkusTransaction.requiringNew().run(() -> outbox.record(probe(committed)));
    // The committed control event arrives; by then the rolled-back one would have been sent before
    // it.
    assertEquals(1, eventsOf(committed.toString(), 1).size());
    assertTrue(eventsOf(rolledBack.toString(), 0).isEmpty(), "no event for a rolled-back change");
  }

  @Test
  void anEventCommittedWhileTheRelayIsDownIsPublishedWhenItComesBack() {
    relay.stop();
    String id;
    try {
      // A stopped relay leaves no advisory lock behind on its pooled connection, or no relay could
      // ever take over.
      long advisoryLocks =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              em.createNativeQuery(
                                      "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
                                  .getSingleResult())
                          .longValue());
      assertEquals(0, advisoryLocks, "the relay lock was released");
      id = register();
      long waiting =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              em.createNativeQuery("select count(*) from outbox_event")
                                  .getSingleResult())
                          .longValue());
      assertTrue(waiting >= 1, "the event waits in the outbox");
      assertTrue(
          KafkaProbe.collect(
                  TOPIC, r -> id.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ZERO)
              .isEmpty());
    } finally {
      relay.start();
    }
    assertEquals(1, eventsOf(id, 1).size());
    await()
        .atMost(WAIT)
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                ((Number)
                                        em.createNativeQuery("select count(*) from outbox_event")
                                            .getSingleResult())
                                    .longValue())
                    == 0);
  }

  private static OrganizationNotice probe(UUID id) {
    return new OrganizationNotice(
        OrganizationNotice.UPDATED,
        id,
        "probe.example.org",
        OrganizationKind.COMPANY,
        "PK",
        OrganizationStatus.ACTIVE,
        Map.of("en", "Probe"),
        null,
        1,
        false);
  }
}
