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
import org.eurasia.registry.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/**
 * The mobility lifecycle, when it holds a place, who a scholarship may go to, and a scholarship
 * closed.
 */
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

  /**
   * Issue 17: accepted and running mobilities are flagged when their agreement leaves force; a
   * nomination or a finished mobility is not. The flag follows the agreement (suspended, then
   * terminated), stays through the mobility's own changes and is cleared only when the agreement
   * returns to force.
   */
  @Test
  void runningMobilitiesAreFlaggedWhileTheirAgreementIsNotInForce() {
    MobilityAttention suspended = new MobilityAttention(AttentionReason.AGREEMENT_SUSPENDED, SEP);
    Mobility nominated = nominated(Direction.SENDING_TO_RECEIVING, 7);
    assertEquals(null, nominated.flag(suspended, NOW), "a nomination is not running");
    Mobility rejected = nominated(Direction.SENDING_TO_RECEIVING, 7);
    rejected.reject("no", NOW);
    assertEquals(null, rejected.flag(suspended, NOW));
    assertEquals(null, rejected.attention());

    Mobility accepted = nominated(Direction.SENDING_TO_RECEIVING, 7);
    accepted.accept(NOW);
    assertEquals(MobilityChange.ATTENTION_RAISED, accepted.flag(suspended, NOW));
    assertEquals(suspended, accepted.attention());
    assertEquals(null, accepted.flag(suspended, NOW), "flagged for this reason already");
    MobilityAttention terminated =
        new MobilityAttention(AttentionReason.AGREEMENT_TERMINATED, SEP.plusDays(3));
    assertEquals(
        MobilityChange.ATTENTION_RAISED,
        accepted.flag(terminated, NOW),
        "the agreement ended another way since");
    assertEquals(terminated, accepted.attention());
    accepted.start(SEP, NOW);
    assertEquals(terminated, accepted.attention(), "kept through the mobility's own changes");
    assertEquals(
        List.of("complete", "cancel"),
        accepted.allowedTransitions(),
        "the institutions still act on it");

    Mobility running = nominated(Direction.SENDING_TO_RECEIVING, 7);
    running.accept(NOW);
    running.start(SEP, NOW);
    assertEquals(MobilityChange.ATTENTION_RAISED, running.flag(suspended, NOW));
    running.cancel("brought home", NOW);
    assertEquals(suspended, running.attention());
    assertEquals(MobilityChange.ATTENTION_CLEARED, running.clearAttention(NOW));
    assertEquals(null, running.attention());
    assertEquals(null, running.clearAttention(NOW), "nothing left to clear");
  }

  /**
   * The reason and date a flag carries: the agreement's own end date when it states one, the day it
   * was learnt otherwise; a confidential agreement's status and dates are not told.
   */
  @Test
  void theAttentionNamesWhatHappenedToAPublicAgreementOnly() {
    LocalDate today = LocalDate.of(2026, 11, 30);
    LocalDate endedOn = LocalDate.of(2026, 11, 28);
    assertEquals(
        new MobilityAttention(AttentionReason.AGREEMENT_SUSPENDED, today),
        MobilityAttention.agreementNotInForce(agreement("SUSPENDED", "PUBLIC"), null, today));
    assertEquals(
        new MobilityAttention(AttentionReason.AGREEMENT_TERMINATED, endedOn),
        MobilityAttention.agreementNotInForce(agreement("TERMINATED", "PUBLIC"), endedOn, today));
    assertEquals(
        new MobilityAttention(AttentionReason.AGREEMENT_EXPIRED, endedOn),
        MobilityAttention.agreementNotInForce(agreement("EXPIRED", "PUBLIC"), endedOn, today));
    assertEquals(
        new MobilityAttention(AttentionReason.AGREEMENT_NOT_IN_FORCE, today),
        MobilityAttention.agreementNotInForce(
            agreement("TERMINATED", "CONFIDENTIAL"), endedOn, today));
    assertEquals(
        new MobilityAttention(AttentionReason.AGREEMENT_NOT_IN_FORCE, today),
        MobilityAttention.agreementNotInForce(agreement("WITHDRAWN", "PUBLIC"), null, today),
        "a status this service has no name for");
    assertThrows(
        IllegalArgumentException.class,
        () -> MobilityAttention.agreementNotInForce(agreement("IN_FORCE", "PUBLIC"), null, today));
  }

  static AgreementProjection agreement(String status, String visibility) {
    return ProgramLifecycleTest.agreement(ProgramLifecycleTest.planned(), status, visibility);
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

  /**
   * Issue 18: a funder revises an open scholarship's terms and closes it; a closed one takes no
   * application or award and is neither revised nor closed again.
   */
  @Test
  void aClosedScholarshipTakesNoApplicationOrAwardAndIsNotChangedAgain() {
    Scholarship s = scholarship(List.of(7), List.of());
    ScholarshipTerms more =
        new ScholarshipTerms(
            Map.of("en", "More"), new BigDecimal("500000"), "PKR", 5, null, null, null);
    s.revise(more, NOW);
    assertEquals(more, s.terms());
    s.requireAwarding();
    s.close(NOW.plusSeconds(60));
    assertTrue(s.isClosed());
    assertEquals(NOW.plusSeconds(60), s.closedAt());
    assertEquals("scholarship-closed", condition(s::requireAwarding));
    assertThrows(StateConflict.class, () -> s.close(NOW.plusSeconds(120)));
    assertThrows(StateConflict.class, () -> s.revise(more, NOW.plusSeconds(120)));
    assertEquals(NOW.plusSeconds(60), s.closedAt(), "the first closure stands");
  }
}
