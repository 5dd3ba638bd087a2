package org.eurasia.registry.exchange.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.PoisonMessageTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/**
 * Poison on registry.agreements reaches exchange-service's real consumer; the agreement projection
 * keeps flowing.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangePoisonMessageTest extends PoisonMessageTest {

  @Inject AgreementProjectionRepository projections;

  @Override
  protected ForeignEvents producer() {
    return AgreementFixtures.AGREEMENTS;
  }

  @Override
  protected String deadLetterTopic() {
    return "registry.dlt.exchange-service";
  }

  @Override
  protected String handledType() {
    return "registry.agreement.entered-into-force.v1";
  }

  @Override
  protected void publishValid(UUID id) {
    AgreementFixtures.publish(id, "entered-into-force", "IN_FORCE", 3, "qau.edu.pk", "bsu.by");
  }

  @Override
  protected boolean applied(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> projections.findByIdOptional(id).isPresent());
  }
}
