package org.eurasia.registry.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Scholarship.CountryPair;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** The mobility lifecycle, when it holds a place, and who a scholarship may go to. */
class MobilityLifecycleTest {

  static final Instant NOW = ProgramLifecycleTest.NOW;
  static final LocalDate SEP = LocalDate.of(2026, 9, 1);

  static Mobility nominated(Direction direction, Integer eqf) {
    Program p = ProgramLifecycleTest.planned();
    return Mobility.nominate(
        UUID.randomUUID(),
        p,
        new MobilityTerms("2026/2027", direction, eqf, "0613", SEP, SEP.plusMonths(5)),
        UUID.randomUUID(),
        NOW);
  }

  @Test
  void aMobilityGoesFromNominationToRecognisedCompletion() {
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    assertEquals("qau.edu.pk", m.homeInstitution());
    assertEquals("bsu.by", m.hostInstitution());
    assertEquals(MobilityChange.ACCEPTED, m.accept(NOW));
    assertTrue(m.holdsPlace());
    assertEquals(MobilityChange.STARTED, m.start(SEP, NOW));
    assertEquals(MobilityChange.COMPLETED, m.complete(SEP.plusMonths(5), true, 30, NOW));
    assertEquals(MobilityStatus.COMPLETED, m.status());
    assertEquals(Boolean.TRUE, m.recognized());
    assertEquals(30, m.ectsCredits());
    assertTrue(m.holdsPlace(), "a completed mobility used its place");
  }

  @Test
  void aMobilityAndAScholarshipGiveBackTheTermsTheyWereMadeWith() {
    MobilityTerms nominated =
        new MobilityTerms(
            "2026/2027", Direction.SENDING_TO_RECEIVING, 7, "0613", SEP, SEP.plusMonths(5));
    Mobility m =
        Mobility.nominate(
            UUID.randomUUID(), ProgramLifecycleTest.planned(), nominated, UUID.randomUUID(), NOW);
    assertEquals(nominated, m.terms());
    ScholarshipTerms set =
        new ScholarshipTerms(
            Map.of("en", "S"),
            new BigDecimal("450000"),
            "PKR",
            3,
            List.of(8, 7, 8),
            null,
            List.of(new CountryPair("PK", "BY"), new CountryPair("PK", "BY")));
    assertEquals(List.of(7, 8), set.eligibleEqfLevels(), "sorted, once each");
    assertEquals(List.of(), set.eligibleIscedCodes(), "absent is any");
    assertEquals(List.of(new CountryPair("PK", "BY")), set.eligibleDirections());
    assertEquals(set, Scholarship.fund(UUID.randomUUID(), "S/1", "most.gov.pk", set, NOW).terms());
  }

  @Test
  void theReturnDirectionSwapsHomeAndHost() {
    Mobility m = nominated(Direction.RECEIVING_TO_SENDING, 7);
    assertEquals("bsu.by", m.homeInstitution());
    assertEquals("BY", m.homeCountry());
    assertEquals("qau.edu.pk", m.hostInstitution());
  }

  @Test
  void cancellingAnAcceptedMobilityBeforeItStartsGivesThePlaceBack() {
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    m.accept(NOW);
    assertTrue(m.cancel("visa refused", NOW));
    assertFalse(m.holdsPlace());
    assertEquals("visa refused", m.statusReason());
  }

  @Test
  void cancellingAfterTheStartKeepsThePlaceUsed() {
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    m.accept(NOW);
    m.start(SEP, NOW);
    assertFalse(m.cancel("illness", NOW));
    assertTrue(m.holdsPlace());
  }

  @Test
  void cancellingANominationReleasesNothing() {
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    assertFalse(m.cancel("withdrawn", NOW));
  }

  @Test
  void finishedMobilitiesChangeNoMore() {
    Mobility rejected = nominated(Direction.SENDING_TO_RECEIVING, 7);
    rejected.reject("no B2 certificate", NOW);
    InvalidTransition refused = assertThrows(InvalidTransition.class, () -> rejected.accept(NOW));
    assertEquals("REJECTED", refused.currentState());
    assertEquals(List.of(), refused.allowed());
    assertEquals("Cannot accept a mobility that is REJECTED; allowed: none", refused.getMessage());
    assertThrows(InvalidTransition.class, () -> rejected.cancel("x", NOW));
    Mobility nominated = nominated(Direction.SENDING_TO_RECEIVING, 7);
    assertThrows(
        InvalidTransition.class, () -> nominated.start(SEP, NOW), "only accepted mobilities start");
  }

  @Test
  void completionCannotPrecedeTheStart() {
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    m.accept(NOW);
    m.start(SEP, NOW);
    assertEquals(
        "endedOn",
        assertThrows(InvalidValue.class, () -> m.complete(SEP.minusDays(1), true, null, NOW))
            .term());
  }

  @Test
  void aNominationOutsideTheProgrammesLevelsOrFieldsIsRefused() {
    Program p = ProgramLifecycleTest.planned();
    InvalidValue level =
        assertThrows(
            InvalidValue.class,
            () ->
                Mobility.nominate(
                    UUID.randomUUID(),
                    p,
                    new MobilityTerms(
                        "2026/2027", Direction.SENDING_TO_RECEIVING, 8, null, SEP, SEP),
                    UUID.randomUUID(),
                    NOW));
    assertEquals("eqfLevel", level.term());
    InvalidValue field =
        assertThrows(
            InvalidValue.class,
            () ->
                Mobility.nominate(
                    UUID.randomUUID(),
                    p,
                    new MobilityTerms(
                        "2026/2027", Direction.SENDING_TO_RECEIVING, null, "0912", SEP, SEP),
                    UUID.randomUUID(),
                    NOW));
    assertEquals("iscedCode", field.term());
    InvalidValue dates =
        assertThrows(
            InvalidValue.class,
            () ->
                Mobility.nominate(
                    UUID.randomUUID(),
                    p,
                    new MobilityTerms(
                        "2026/2027",
                        Direction.SENDING_TO_RECEIVING,
                        null,
                        null,
                        SEP,
                        SEP.minusDays(1)),
                    UUID.randomUUID(),
                    NOW));
    assertEquals("plannedEnd", dates.term());
  }

  static Scholarship scholarship(List<Integer> levels, List<CountryPair> directions) {
    return Scholarship.fund(
        UUID.randomUUID(),
        "S/1",
        "most.gov.pk",
        new ScholarshipTerms(
            Map.of("en", "S"), new BigDecimal("450000"), "PKR", 3, levels, List.of(), directions),
        NOW);
  }

  static String condition(Runnable r) {
    return assertThrows(RuleViolation.class, r::run).rule();
  }

  @Test
  void aScholarshipGoesOnlyToAcceptedMobilitiesThatMeetItsEligibility() {
    Scholarship s = scholarship(List.of(7, 8), List.of(new CountryPair("PK", "BY")));
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    assertEquals("mobility-not-accepted", condition(() -> s.requireEligible(m)));
    m.accept(NOW);
    s.requireEligible(m);
    Mobility bachelor = nominated(Direction.SENDING_TO_RECEIVING, 6);
    bachelor.accept(NOW);
    assertEquals("level-not-eligible", condition(() -> s.requireEligible(bachelor)));
    Mobility returning = nominated(Direction.RECEIVING_TO_SENDING, 7);
    returning.accept(NOW);
    assertEquals("direction-not-eligible", condition(() -> s.requireEligible(returning)));
    scholarship(List.of(), List.of()).requireEligible(returning);
  }

  @Test
  void onlyAnInstitutionOfTheMobilityAppliesForAScholarshipForIt() {
    Scholarship s = scholarship(List.of(), List.of());
    Mobility m = nominated(Direction.SENDING_TO_RECEIVING, 7);
    ScholarshipApplication byHost =
        ScholarshipApplication.apply(UUID.randomUUID(), s, m, "bsu.by", NOW);
    assertEquals("bsu.by", byHost.appliedBy());
    assertEquals(m.id(), byHost.mobilityId());
    assertThrows(
        IllegalArgumentException.class,
        () -> ScholarshipApplication.apply(UUID.randomUUID(), s, m, "most.gov.pk", NOW),
        "the funder is no institution of this mobility: it cannot consent for it");
  }

  @Test
  void amountsAreInAnIsoCurrencyWithItsOwnDecimals() {
    assertThrows(
        InvalidValue.class,
        () ->
            new ScholarshipTerms(
                Map.of("en", "S"),
                new BigDecimal("10"),
                "XYZ1",
                1,
                List.of(),
                List.of(),
                List.of()));
    assertThrows(
        InvalidValue.class,
        () ->
            new ScholarshipTerms(
                Map.of("en", "S"),
                new BigDecimal("10"),
                "ABC",
                1,
                List.of(),
                List.of(),
                List.of()));
    assertEquals(
        "amount",
        assertThrows(
                InvalidValue.class,
                () ->
                    new ScholarshipTerms(
                        Map.of("en", "S"),
                        new BigDecimal("10.5"),
                        "JPY",
                        1,
                        List.of(),
                        List.of(),
                        List.of()))
            .term());
    new ScholarshipTerms(
        Map.of("en", "S"), new BigDecimal("1200.50"), "USD", 1, List.of(), List.of(), List.of());
    new ScholarshipTerms(
        Map.of("en", "S"), new BigDecimal("5000.00"), "KZT", 1, List.of(), List.of(), List.of());
  }
}
