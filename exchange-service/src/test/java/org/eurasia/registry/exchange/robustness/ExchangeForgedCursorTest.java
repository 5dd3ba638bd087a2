package org.eurasia.registry.exchange.robustness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.ForgedCursorTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/**
 * Every list of exchange-service refuses forged and hand-made cursors with a 400 problem, never a
 * failure.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeForgedCursorTest extends ForgedCursorTest {}
