package org.eurasia.registry.exchange;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.JsonColumnsTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeJsonColumnsTest extends JsonColumnsTest {}
