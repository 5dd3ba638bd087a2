package org.eurasia.registry.agreements.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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

/** The rules of joint ventures and milestones, without Quarkus: consent, lifecycle, overdue. */
class VentureRulesTest {

  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-12-01");
  static final Map<String, String> COUNTRIES =
      Map.of("qau.edu.pk", "PK", "bsu.by", "BY", "ncp.edu.pk", "PK");

  static VentureTerms.NamedPartner founder(String code, String equity, String inKind) {
    return new VentureTerms.NamedPartner(
        code, VenturePartnerRole.FOUNDER, equity == null ? null : new BigDecimal(equity), inKind);
  }

  static VentureTerms terms(VentureTerms.NamedPartner... partners) {
    return new VentureTerms(
        VentureKind.JOINT_LABORATORY,
        Map.of("en", "Laboratory"),
        null,
        List.of(partners),
        null,
        null,
        "PK",
        "Islamabad",
        null,
        null);
  }

  static Venture proposedBy(String proposer, VentureTerms terms) {
    return new Venture(UUID.randomUUID(), "PK-BY/JL/T", terms, COUNTRIES, proposer, TODAY, NOW);
  }

  @Test
  void theProposersOrganizationHasConsentedAndEveryOtherOneIsOnlyInvited() {
    Venture v =
        proposedBy(
            "qau.edu.pk",
            terms(founder("qau.edu.pk", null, "Premises"), founder("bsu.by", null, null)));
    assertEquals(Set.of("qau.edu.pk"), v.consentedPartnerCodes());
    v.accept("bsu.by", TODAY, NOW);
    assertEquals(Set.of("bsu.by", "qau.edu.pk"), v.consentedPartnerCodes());
    assertThrows(StateConflict.class, () -> v.accept("bsu.by", TODAY, NOW));
    RuleViolation notNamed =
        assertThrows(RuleViolation.class, () -> v.accept("ncp.edu.pk", TODAY, NOW));
    assertEquals("not-named", notNamed.rule());
  }

  @Test
  void aRegistrarsProposalBindsNobodyAndCannotBeEstablishedBeforeAnAcceptance() {
    Venture v =
        proposedBy(null, terms(founder("qau.edu.pk", null, null), founder("bsu.by", null, null)));
    assertTrue(v.consentedPartnerCodes().isEmpty());
    RuleViolation refused = assertThrows(RuleViolation.class, () -> v.establish(TODAY, NOW));
    assertEquals("partner-consent", refused.rule());
  }

  @Test
  void aChangedCommitmentIsANewInvitationButAnUnchangedOneKeepsItsConsent() {
    Venture v =
        proposedBy(
            "qau.edu.pk", terms(founder("qau.edu.pk", "50", null), founder("bsu.by", "50", null)));
    v.accept("bsu.by", TODAY, NOW);
    v.revise(
        terms(founder("qau.edu.pk", "50.0", null), founder("bsu.by", "50", null)),
        COUNTRIES,
        "qau.edu.pk",
        TODAY,
        NOW);
    assertEquals(Set.of("bsu.by", "qau.edu.pk"), v.consentedPartnerCodes());
    v.revise(
        terms(founder("qau.edu.pk", "70", null), founder("bsu.by", "30", null)),
        COUNTRIES,
        "qau.edu.pk",
        TODAY,
        NOW);
    assertEquals(Set.of("qau.edu.pk"), v.consentedPartnerCodes());
  }

  @Test
  void contributionsAreEquityOrInKindAndSharesStayWithinAHundredPercent() {
    InvalidValue both =
        assertThrows(
            InvalidValue.class,
            () -> proposedBy("qau.edu.pk", terms(founder("qau.edu.pk", "10", "Premises"))));
    assertEquals("partners[0]", both.term());
    assertThrows(
        InvalidValue.class,
        () ->
            proposedBy(
                "qau.edu.pk",
                terms(founder("qau.edu.pk", "60", null), founder("bsu.by", "40.01", null))));
    InvalidValue twice =
        assertThrows(
            InvalidValue.class,
            () ->
                proposedBy(
                    "qau.edu.pk",
                    terms(founder("qau.edu.pk", null, null), founder("qau.edu.pk", null, null))));
    assertEquals("partners[1].organizationCode", twice.term());
  }

  @Test
  void theLifecycleAllowsOnlyItsOwnStepsAndADissolvedVentureAllowsNothing() {
    Venture v = proposedBy("qau.edu.pk", terms(founder("qau.edu.pk", null, null)));
    assertThrows(InvalidTransition.class, () -> v.operate(NOW));
    v.establish(TODAY, NOW);
    assertThrows(InvalidTransition.class, () -> v.resume(NOW));
    v.operate(NOW);
    v.suspend(NOW);
    v.resume(NOW);
    assertEquals(VentureStatus.OPERATING, v.status());
    v.dissolve(NOW);
    assertEquals(List.of(), v.allowedTransitions());
    assertThrows(InvalidTransition.class, () -> v.accept("qau.edu.pk", TODAY, NOW));
  }

  @Test
  void aMilestoneIsOverdueOnlyWhilePlannedPastItsDueDateAndItsOutcomeIsFinal() {
    Milestone m =
        new Milestone(
            UUID.randomUUID(),
            PlanSubject.VENTURE,
            UUID.randomUUID(),
            Map.of("en", "Report"),
            "qau.edu.pk",
            TODAY.minusDays(1),
            NOW);
    assertTrue(m.overdueOn(TODAY));
    assertFalse(m.overdueOn(TODAY.minusDays(1)));
    m.update(MilestoneStatus.DONE, null, List.of(java.net.URI.create("https://qau.edu.pk")), NOW);
    assertFalse(m.overdueOn(TODAY));
    assertThrows(InvalidTransition.class, () -> m.update(MilestoneStatus.DROPPED, null, null, NOW));
  }
}
