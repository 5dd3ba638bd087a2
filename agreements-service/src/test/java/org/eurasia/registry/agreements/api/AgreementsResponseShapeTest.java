package org.eurasia.registry.agreements.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.ResponseShapeTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsResponseShapeTest extends ResponseShapeTest {}
