package org.eurasia.registry.events.messaging;

import static org.eurasia.registry.events.messaging.DirectoryEvents.awaitConsumed;
import static org.eurasia.registry.events.messaging.DirectoryEvents.awaitProjected;
import static org.eurasia.registry.events.messaging.DirectoryEvents.fresh;
import static org.eurasia.registry.events.messaging.DirectoryEvents.projected;
import static org.eurasia.registry.events.messaging.DirectoryEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eurasia.registry.events.domain.OrganizationProjection;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The directory projection follows agreements-service's organization events through real Kafka:
 * registered, updated, retired; the newest version wins, a late older one is skipped, and nothing
 * is ever deleted — not even by an older-style {@code removed} event, which leaves it retired.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OrganizationProjectionTest {

  @Test
  void theDirectoryFollowsAnOrganizationFromRegistrationToRetirementNewestVersionWinning() {
    String code = fresh();
    DirectoryEvents.registered(code);
    OrganizationProjection registered = projected(code).orElseThrow();
    assertEquals("UNIVERSITY", registered.kind());
    assertEquals("PK", registered.country());
    assertEquals(DirectoryEvents.idOf(code), registered.organizationId());

    publish(code, "updated", "ACTIVE", 2, p -> p.put("kind", "RESEARCH_CENTRE"));
    awaitProjected(code, "ACTIVE", 2);
    assertEquals("RESEARCH_CENTRE", projected(code).orElseThrow().kind());

    // Version 1 arrives late: taken by the consumer, and changes nothing.
    String late = publish(code, "updated", "ACTIVE", 1, p -> p.put("kind", "COMPANY"));
    awaitConsumed(late);
    OrganizationProjection afterLate = projected(code).orElseThrow();
    assertEquals(2, afterLate.version());
    assertEquals("RESEARCH_CENTRE", afterLate.kind());

    publish(code, "retired", "RETIRED", 3, p -> p.put("kind", "RESEARCH_CENTRE"));
    awaitProjected(code, "RETIRED", 3);
    OrganizationProjection retired = projected(code).orElseThrow();
    assertFalse(retired.isActive());
    assertEquals(code, retired.code());
  }

  @Test
  void anOlderStyleRemovalLeavesTheOrganizationRetiredNotDeleted() {
    String code = fresh();
    DirectoryEvents.registered(code);
    publish(
        code,
        "removed",
        null,
        1,
        p -> {
          p.remove("status");
          p.put("removed", true);
        });
    awaitProjected(code, "RETIRED", 1);
  }
}
