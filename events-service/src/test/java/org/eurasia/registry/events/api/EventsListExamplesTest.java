package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.eurasia.registry.platform.testing.ListExamplesTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * Every list of events-service, sent with its pre-filled filters, finds seeded records; the example
 * event's registrations are read as its organizer (ncp.edu.pk). Its waiting list is empty while the
 * webinar has free seats, as seeded.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsListExamplesTest extends ListExamplesTest {

  @Override
  protected String token(String operationId) {
    return operationId.startsWith("listEventRegistrations")
            || operationId.equals("listEventWaitlist")
        ? TestTokens.partner("ncp.edu.pk")
        : null;
  }

  @Override
  protected Set<String> emptyOnTheSeed() {
    return Set.of("listEventWaitlist");
  }
}
