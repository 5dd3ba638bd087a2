package org.eurasia.registry.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/**
 * The awareness programme's lifecycle, consent of organizers and events joining, without Quarkus.
 */
class AwarenessProgrammeLifecycleTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  static AwarenessProgrammeTerms terms(Set<String> organizers, LocalDate from, LocalDate to) {
    return new AwarenessProgrammeTerms(
        Map.of("en", "Series"),
        Map.of(),
        "Joint ventures",
        Set.of(AwarenessAudience.STUDENTS),
        organizers,
        from,
        to);
  }

  static AwarenessProgramme draft() {
    return AwarenessProgramme.draft(
        UUID.randomUUID(),
        "AP/1",
        terms(Set.of("ncp.edu.pk", "bsu.by"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)),
        Set.of("ncp.edu.pk"),
        NOW);
  }

  @Test
  void aDraftIsAnnouncedThenRunsThenClosesAndNothingChangesItAfterwards() {
    AwarenessProgramme p = draft();
    assertThrows(InvalidTransition.class, () -> p.start(NOW));
    assertEquals(AwarenessProgrammeChange.ANNOUNCED, p.announce(NOW));
    assertTrue(p.wasAnnounced());
    assertThrows(InvalidTransition.class, () -> p.announce(NOW));
    p.start(NOW);
    p.close(NOW);
    assertEquals(AwarenessProgrammeStatus.CLOSED, p.status());
    assertEquals(List.of(), p.allowedTransitions());
    assertThrows(InvalidTransition.class, () -> p.link(UUID.randomUUID(), true, NOW));
  }

  @Test
  void namedOrganizersAreInvitedUntilTheyAcceptAndOnlyNamedOnesMay() {
    AwarenessProgramme p = draft();
    assertEquals(List.of("ncp.edu.pk"), p.organizers());
    assertEquals(List.of("bsu.by"), p.invitedOrganizers());
    assertThrows(RuleViolation.class, () -> p.accept("pu.edu.pk", NOW));
    p.accept("bsu.by", NOW);
    assertEquals(List.of("ncp.edu.pk", "bsu.by"), p.organizers());
    assertThrows(StateConflict.class, () -> p.accept("bsu.by", NOW));
  }

  @Test
  void onlyPublishedEventsJoinOnceEach() {
    AwarenessProgramme p = draft();
    UUID event = UUID.randomUUID();
    RuleViolation unpublished = assertThrows(RuleViolation.class, () -> p.link(event, false, NOW));
    assertEquals("event-not-published", unpublished.rule());
    p.link(event, true, NOW);
    assertThrows(StateConflict.class, () -> p.link(event, true, NOW));
    p.unlink(event, NOW);
    assertEquals(List.of(), p.events());
    assertThrows(RuleViolation.class, () -> p.unlink(event, NOW));
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    InvalidValue refused =
        assertThrows(
            InvalidValue.class,
            () ->
                AwarenessProgramme.draft(
                    UUID.randomUUID(),
                    "AP/2",
                    terms(Set.of("ncp.edu.pk"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1)),
                    Set.of("ncp.edu.pk"),
                    NOW));
    assertEquals("endsOn", refused.term());
  }
}
