package org.eurasia.registry.agreements.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.ListExamplesTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/** Every list of agreements-service, sent with its pre-filled filters, finds seeded records. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsListExamplesTest extends ListExamplesTest {}
