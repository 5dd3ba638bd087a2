package org.eurasia.registry.events.robustness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.OpenApiFuzzTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * Generated bad input against every operation of events-service's committed OpenAPI document. It
 * lives in a package that sorts after the others on purpose: the Quarkus test orderer runs it last,
 * since valid requests it generates may add records (it never addresses an existing one).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsFuzzTest extends OpenApiFuzzTest {

  @Override
  protected String token() {
    return TestTokens.registrar();
  }
}
