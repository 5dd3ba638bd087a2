package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eurasia.registry.platform.testing.SwaggerUiTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/** events-service's Swagger UI executed as pre-filled, against the demo data as it ships. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsSwaggerUiTest extends SwaggerUiTest {

  @Override
  protected List<String> browserOperations() {
    return List.of("createEvent", "listEvents");
  }
}
