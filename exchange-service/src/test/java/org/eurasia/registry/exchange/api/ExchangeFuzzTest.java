package org.eurasia.registry.exchange.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.OpenApiFuzzTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/** Generated bad input against every operation of exchange-service's committed OpenAPI document. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeFuzzTest extends OpenApiFuzzTest {

  @Override
  protected String token() {
    return TestTokens.registrar();
  }
}
