package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eurasia.registry.platform.testing.ResponseShapeTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsResponseShapeTest extends ResponseShapeTest {

  /** The three calendar feeds, whose answers must carry the documented {@code text/calendar}. */
  @Override
  protected List<String> extraReads() {
    return List.of(
        "/api/v1/calendars/events/" + EventResource.EXAMPLE_ID + ".ics",
        "/api/v1/calendars/organizers/comsats.edu.pk.ics",
        "/api/v1/calendars/agreements/5eed0000-0000-4000-8000-0000000a0004.ics");
  }
}
