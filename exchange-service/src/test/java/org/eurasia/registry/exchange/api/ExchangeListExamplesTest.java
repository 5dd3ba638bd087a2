package org.eurasia.registry.exchange.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.ListExamplesTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * Every list of exchange-service, sent with its pre-filled filters, finds seeded records; the
 * mobilities of the example institution (bsu.by) are read as its partner, as Swagger UI would be
 * authorized to.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeListExamplesTest extends ListExamplesTest {

  @Override
  protected String token(String operationId) {
    return "listMobilities".equals(operationId) ? TestTokens.partner("bsu.by") : null;
  }
}
