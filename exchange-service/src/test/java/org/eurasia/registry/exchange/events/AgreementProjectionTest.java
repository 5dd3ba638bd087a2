package org.eurasia.registry.exchange.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of agreement events, against real Kafka and PostgreSQL. Fixtures are validated against the schema
 * file agreements-service owns, so a producer change that breaks this consumer fails here too.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementProjectionTest {

  @Inject AgreementProjectionRepository projections;

  @BeforeAll
  static void theProducersTopicExists() {
    KafkaProbe.createTopic(AgreementFixtures.TOPIC, 3);
  }

  static void publish(String eventId, UUID id, String type, String status, long version) {
    AgreementFixtures.publish(eventId, id, type, status, version);
  }

  AgreementProjection projection(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> projections.findById(id));
  }

  @Test
  void theProjectionFollowsTheNewestVersionAppliedOnce() {
    UUID id = UUID.randomUUID();
    publish(UUID.randomUUID().toString(), id, "drafted", "DRAFT", 0);
    String inForce = UUID.randomUUID().toString();
    publish(inForce, id, "entered-into-force", "IN_FORCE", 3);
    publish(UUID.randomUUID().toString(), id, "signed", "SIGNED", 2);
    publish(inForce, id, "entered-into-force", "IN_FORCE", 3);
    String suspended = UUID.randomUUID().toString();
    publish(suspended, id, "suspended", "SUSPENDED", 4);

    await().atMost(Duration.ofSeconds(60)).until(() -> {
      AgreementProjection p = projection(id);
      return p != null && p.version() == 4;
    });
    AgreementProjection p = projection(id);
    assertEquals("SUSPENDED", p.status(), "the late version 2 did not roll the status back");
    assertEquals("BY", p.parties().get(1).country());
  }
}
