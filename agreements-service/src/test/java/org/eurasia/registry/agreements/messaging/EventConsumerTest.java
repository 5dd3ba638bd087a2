package org.eurasia.registry.agreements.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
    return KafkaMessageFactory.createWriter(TOPIC, subject)
        .writeBinary(
            CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/probe"))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now())
                .withExtension("aggregatetype", "probe")
                .withExtension("aggregateversion", version)
                .withDataContentType("application/json")
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build());
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
  void aStaleVersionArrivingLateIsSkippedAndAGapIsStillApplied() {
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
