package org.eurasia.registry.exchange.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eurasia.registry.platform.testing.SwaggerUiTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/** exchange-service's Swagger UI executed as pre-filled, against the demo data as it ships. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeSwaggerUiTest extends SwaggerUiTest {

  @Override
  protected List<String> browserOperations() {
    return List.of("createProgram", "listPrograms", "listMobilities");
  }
}
