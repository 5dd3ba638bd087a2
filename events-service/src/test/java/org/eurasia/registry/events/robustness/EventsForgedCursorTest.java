package org.eurasia.registry.events.robustness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.platform.testing.ForgedCursorTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

/**
 * Every list of events-service refuses forged and hand-made cursors with a 400 problem, never a
 * failure.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsForgedCursorTest extends ForgedCursorTest {}
