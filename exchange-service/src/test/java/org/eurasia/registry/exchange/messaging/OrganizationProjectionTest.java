package org.eurasia.registry.exchange.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eurasia.registry.exchange.domain.OrganizationProjection;
import org.eurasia.registry.exchange.messaging.OrganizationFixtures.Registered;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of organization events, against real Kafka and PostgreSQL: an organization is
 * retired, never deleted, so the records that name it keep resolving its code.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationProjectionTest {

  @Inject EntityManager entities;

  @Test
  void aRetiredEventMarksTheCopyRetiredAndKeepsIt() {
    Registered university =
        OrganizationFixtures.register(
            OrganizationFixtures.freshCode("retiring"), "UNIVERSITY", "PK");
    assertTrue(OrganizationFixtures.awaitCopy(entities, university, 0).isActive());

    OrganizationFixtures.retire(university, 1);

    OrganizationProjection copy = OrganizationFixtures.awaitCopy(entities, university, 1);
    assertEquals("RETIRED", copy.status());
    assertFalse(copy.isActive());
    assertEquals(university.code(), copy.code(), "the code still resolves");
    assertEquals("PK", copy.country());
  }

  @Test
  void anOlderRemovedEventRetiresTheCopyInsteadOfDeletingIt() {
    Registered university =
        OrganizationFixtures.register(
            OrganizationFixtures.freshCode("removed"), "UNIVERSITY", "PK");
    OrganizationFixtures.awaitCopy(entities, university, 0);

    OrganizationFixtures.removeAsBefore(university, 1);

    OrganizationProjection copy = OrganizationFixtures.awaitCopy(entities, university, 1);
    assertEquals("RETIRED", copy.status(), "removed before issue 17 counts as retired");
    assertEquals(university.code(), copy.code());
  }
}
