package org.eurasia.registry.agreements.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eurasia.registry.platform.testing.ResponseShapeTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsResponseShapeTest extends ResponseShapeTest {

  /** Diffs between the seeded versions of the signed agreement (it has three: 0, 1 and 2). */
  @Override
  protected List<String> extraReads() {
    String diff = "/api/v1/agreements/" + AgreementResource.SIGNED_ID + "/diff";
    return List.of(diff + "?from=0&to=2", diff + "?from=1&to=2", diff + "?from=2&to=2");
  }
}
