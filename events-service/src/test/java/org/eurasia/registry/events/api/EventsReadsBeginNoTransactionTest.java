package org.eurasia.registry.events.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.eurasia.registry.platform.testing.ReadsBeginNoTransactionTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsReadsBeginNoTransactionTest extends ReadsBeginNoTransactionTest {

  /** The searches the public may run, bounded by a statement timeout (ExpensiveReads). */
  @Override
  protected Set<String> boundedForThePublic() {
    return Set.of("listEvents", "listAwarenessProgrammes", "listPublications");
  }
}
