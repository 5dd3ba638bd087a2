package org.eurasia.registry.agreements.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of the events platform: each event applied once, poison records dead-lettered,
 * flow continues.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventConsumerTest {

  static final String TOPIC = "registry.test.probes";
  static final String DEAD_LETTERS = "registry.dlt.agreements-service";
  static final Duration WAIT = Duration.ofSeconds(30);

  static ProducerRecord<String, byte[]> event(String id, String type, String subject) {
    return event(id, type, subject, 1L);
  }

  static ProducerRecord<String, byte[]> event(
      String id, String type, String subject, long version) {
    return event(id, type, subject, Long.valueOf(version));
  }

  /** A probe event; {@code version} null leaves {@code ce_aggregateversion} out. */
  static ProducerRecord<String, byte[]> event(
      String id, String type, String subject, Long version) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create("/probe"))
            .withType(type)
            .withSubject(subject)
            .withTime(OffsetDateTime.now())
            .withExtension("aggregatetype", "probe")
            .withDataContentType("application/json")
            .withData("{}".getBytes(StandardCharsets.UTF_8));
    if (version != null) {
      builder.withExtension("aggregateversion", version);
    }
    return KafkaMessageFactory.createWriter(TOPIC, subject).writeBinary(builder.build());
  }

  @Inject MeterRegistry metrics;

  @Inject EntityManager em;

  private double count(String name, String tag, String value) {
    Counter counter = metrics.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  private double count(String name) {
    Counter counter = metrics.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private boolean markedProcessed(String eventId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                !em.createNativeQuery(
                        "SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                    .setParameter(1, TOPIC)
                    .setParameter(2, eventId)
                    .getResultList()
                    .isEmpty());
  }

  /** Sends {@code first}, then a probe the handler applies, and waits until that one is applied. */
  private static void sendThenAControl(ProducerRecord<String, byte[]> first, String subject) {
    KafkaProbe.send(first);
    // Same key, same partition, in order: once the control is applied, the first was dealt with.
    String control = UUID.randomUUID().toString();
    KafkaProbe.send(event(control, ProbeHandler.PROBE, subject));
    await().atMost(WAIT).until(() -> ProbeHandler.APPLIED_IDS.contains(control));
  }

  private static List<ConsumerRecord<String, byte[]>> deadLettersAbout(String subject) {
    return KafkaProbe.collect(
        DEAD_LETTERS,
        r -> subject.equals(r.key()),
        1,
        Duration.ofSeconds(5),
        Duration.ofMillis(500));
  }

  @Test
  void theSameEventDeliveredTwiceHasOneEffect() {
    String subject = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();
    KafkaProbe.send(event(id, ProbeHandler.PROBE, subject));
    KafkaProbe.send(event(id, ProbeHandler.PROBE, subject));
    // A later event of the same key is applied only after both copies were handled (one partition,
    // in order).
    String control = UUID.randomUUID().toString();
    KafkaProbe.send(event(control, ProbeHandler.PROBE, subject));
    await().atMost(WAIT).until(() -> ProbeHandler.APPLIED_IDS.contains(control));
    assertEquals(
        2,
        ProbeHandler.applied(subject),
        "the duplicate changed nothing; the control applied once");
  }

  @Test
  void aStaleVersionArrivingLateIsSkippedAndAGapIsStillAppliedAndCounted() {
    double gaps = count("registry.events.versions", "outcome", "gap");
    double stale = count("registry.events.versions", "outcome", "stale");
    String subject = UUID.randomUUID().toString();
    String last = UUID.randomUUID().toString();
    KafkaProbe.send(event(UUID.randomUUID().toString(), ProbeHandler.VERSIONED, subject, 1));
    KafkaProbe.send(event(UUID.randomUUID().toString(), ProbeHandler.VERSIONED, subject, 3));
    KafkaProbe.send(event(UUID.randomUUID().toString(), ProbeHandler.VERSIONED, subject, 2));
    KafkaProbe.send(event(last, ProbeHandler.VERSIONED, subject, 3));
    await().atMost(WAIT).until(() -> ProbeHandler.APPLIED_IDS.contains(last));
    assertEquals(
        List.of(1L, 3L),
        ProbeHandler.APPLIED_VERSIONS.get(subject),
        "version 2 came after 3: stale; 3 again: stale");
    assertEquals(
        1, count("registry.events.versions", "outcome", "gap") - gaps, "1 then 3: one gap");
    assertEquals(2, count("registry.events.versions", "outcome", "stale") - stale);
  }

  @Test
  void anEventOfATypeNobodyHandlesOrIgnoresIsDeadLetteredNotMarkedProcessed() {
    double unhandled = count("registry.events.unprocessable", "reason", "unhandled-type");
    String subject = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    sendThenAControl(event(unknown, "registry.test.unknown.v1", subject), subject);
    List<ConsumerRecord<String, byte[]>> dead = deadLettersAbout(subject);
    assertEquals(1, dead.size());
    assertEquals(unknown, KafkaProbe.header(dead.get(0), "ce_id"));
    assertTrue(
        KafkaProbe.header(dead.get(0), "dlt-error").contains("UnprocessableEvent"),
        KafkaProbe.header(dead.get(0), "dlt-error"));
    assertFalse(markedProcessed(unknown), "an unhandled event must not pass for processed");
    assertTrue(count("registry.events.unprocessable", "reason", "unhandled-type") > unhandled);
  }

  @Test
  void anEventWithoutAVersionIsDeadLetteredNotSkippedAsStale() {
    double versionless = count("registry.events.unprocessable", "reason", "no-version");
    String subject = UUID.randomUUID().toString();
    String noVersion = UUID.randomUUID().toString();
    sendThenAControl(event(noVersion, ProbeHandler.VERSIONED, subject, (Long) null), subject);
    List<ConsumerRecord<String, byte[]>> dead = deadLettersAbout(subject);
    assertEquals(1, dead.size());
    assertEquals(noVersion, KafkaProbe.header(dead.get(0), "ce_id"));
    assertFalse(markedProcessed(noVersion));
    assertFalse(ProbeHandler.APPLIED_IDS.contains(noVersion));
    assertTrue(count("registry.events.unprocessable", "reason", "no-version") > versionless);
  }

  @Test
  void anIgnoredTypeIsMarkedProcessedAndChangesNothing() {
    double ignored = count("registry.events.ignored");
    String subject = UUID.randomUUID().toString();
    String ignoredId = UUID.randomUUID().toString();
    sendThenAControl(event(ignoredId, ProbeIgnoredEvents.IGNORED, subject), subject);
    assertTrue(markedProcessed(ignoredId));
    assertFalse(ProbeHandler.APPLIED_IDS.contains(ignoredId));
    assertEquals(1, ProbeHandler.applied(subject), "only the control was applied");
    assertTrue(deadLettersAbout(subject).isEmpty(), "nothing was dead-lettered");
    assertEquals(1, count("registry.events.ignored") - ignored);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() {
    String subject = UUID.randomUUID().toString();
    String poison = UUID.randomUUID().toString();
    KafkaProbe.send(event(poison, ProbeHandler.POISON, subject));
    KafkaProbe.send(
        new ProducerRecord<>(TOPIC, subject, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
    KafkaProbe.send(event(UUID.randomUUID().toString(), ProbeHandler.PROBE, subject));
    await().atMost(WAIT).until(() -> ProbeHandler.applied(subject) == 1);
    List<ConsumerRecord<String, byte[]>> dead =
        KafkaProbe.collect(
            DEAD_LETTERS, r -> subject.equals(r.key()), 2, WAIT, Duration.ofMillis(500));
    assertEquals(
        2, dead.size(), "both the failing event and the unreadable record are dead-lettered");
    assertEquals(poison, KafkaProbe.header(dead.get(0), "ce_id"));
    assertTrue(KafkaProbe.header(dead.get(0), "dlt-error").contains("cannot apply"));
    assertEquals(TOPIC, KafkaProbe.header(dead.get(1), "dlt-original-topic"));
  }
}
