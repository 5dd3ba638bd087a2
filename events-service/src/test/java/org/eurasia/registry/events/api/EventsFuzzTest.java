package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.OpenApiFuzzTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/** Generated bad input against every operation of events-service's committed OpenAPI document. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsFuzzTest extends OpenApiFuzzTest {

  @Override
  protected String token() {
    return TestTokens.registrar();
  }
}
