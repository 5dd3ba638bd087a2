package org.eurasia.registry.agreements.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/** An organization's retirement as plain rules: once, after its children, and for good. */
class OrganizationRetirementRulesTest {

  static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant RETIRED = Instant.parse("2026-06-01T00:00:00Z");

  static Organization organization() {
    return new Organization(
        UUID.randomUUID(),
        "retiring.edu.pk",
        new OrganizationTerms(
            OrganizationKind.UNIVERSITY, Map.of("en", "Retiring University"), "PK", null),
        REGISTERED);
  }

  @Test
  void aNewOrganizationIsActiveAndARetiredOneRecordsWhen() {
    Organization organization = organization();
    assertEquals(OrganizationStatus.ACTIVE, organization.status());
    assertNull(organization.retiredAt());
    organization.retire(List.of(), RETIRED);
    assertEquals(OrganizationStatus.RETIRED, organization.status());
    assertEquals(RETIRED, organization.retiredAt());
    assertEquals(RETIRED, organization.updatedAt());
  }

  @Test
  void anOrganizationIsRetiredOnce() {
    Organization organization = organization();
    organization.retire(List.of(), RETIRED);
    InvalidTransition twice =
        assertThrows(InvalidTransition.class, () -> organization.retire(List.of(), RETIRED));
    assertEquals("RETIRED", twice.currentState());
    assertEquals(List.of(), twice.allowed());
  }

  @Test
  void activeChildrenAreRetiredFirstAndNamed() {
    Organization organization = organization();
    StateConflict refused =
        assertThrows(
            StateConflict.class,
            () -> organization.retire(List.of("a.retiring.edu.pk", "b.retiring.edu.pk"), RETIRED));
    assertEquals(
        List.of("a.retiring.edu.pk", "b.retiring.edu.pk"), refused.facts().get("activeChildren"));
    assertEquals(OrganizationStatus.ACTIVE, organization.status());
  }

  @Test
  void aRetiredOrganizationDoesNotChange() {
    Organization organization = organization();
    organization.retire(List.of(), RETIRED);
    assertThrows(InvalidTransition.class, () -> organization.requireAllows("update"));
    assertThrows(
        InvalidTransition.class,
        () ->
            organization.revise(
                new OrganizationTerms(
                    OrganizationKind.UNIVERSITY, Map.of("en", "Revived"), "PK", null),
                RETIRED));
    assertEquals("Retiring University", organization.terms().names().get("en"));
  }
}
