package org.eurasia.registry.events.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eurasia.registry.events.domain.ProgramProjectionRepository;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.PoisonMessageTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/**
 * Poison on registry.programs reaches events-service's real consumer; the programme projection
 * keeps flowing.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsPoisonMessageTest extends PoisonMessageTest {

  @Inject ProgramProjectionRepository projections;

  @Override
  protected ForeignEvents producer() {
    return LinkedProjectionsTest.PROGRAMS;
  }

  @Override
  protected String deadLetterTopic() {
    return "registry.dlt.events-service";
  }

  @Override
  protected String handledType() {
    return "registry.program.created.v1";
  }

  @Override
  protected void publishValid(UUID id) {
    LinkedProjectionsTest.PROGRAMS.publish(
        id,
        "registry.program.created.v1",
        0,
        p ->
            p.put("programId", id.toString())
                .put("code", "P/" + id.toString().substring(0, 8).toUpperCase())
                .put("status", "PLANNED")
                .put("version", 0));
  }

  @Override
  protected boolean applied(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> projections.findByIdOptional(id).isPresent());
  }
}
