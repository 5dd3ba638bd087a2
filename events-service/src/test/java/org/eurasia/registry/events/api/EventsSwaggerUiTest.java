package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.testing.SwaggerUiTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/** events-service's Swagger UI executed as pre-filled, against the demo data as it ships. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsSwaggerUiTest extends SwaggerUiTest {

  /**
   * The seeded ended conference is completed by hand or, once the completion job (or a test that
   * runs it) got there first, refused as already completed — as completeEvent's description says.
   */
  @Override
  protected Map<String, Integer> explainedRefusals() {
    Map<String, Integer> refusals = super.explainedRefusals();
    refusals.put("completeEvent", 409);
    return refusals;
  }

  @Override
  protected List<String> browserOperations() {
    return List.of("createEvent", "listEvents");
  }
}
