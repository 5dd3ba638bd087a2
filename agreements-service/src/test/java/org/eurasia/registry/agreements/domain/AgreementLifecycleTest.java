package org.eurasia.registry.agreements.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.problem.InvalidTransition;
import org.eurasia.registry.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The agreement lifecycle as plain rules: no Quarkus, no database. */
class AgreementLifecycleTest {

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static Party party(String code, String country, PartyRole role) {
    return new Party(UUID.randomUUID(), code, country, role, null);
  }

  static Agreement.Terms terms(List<Party> parties, Integer durationMonths, boolean autoRenewal) {
    return new Agreement.Terms(
        AgreementKind.MEMORANDUM_OF_UNDERSTANDING, Visibility.PUBLIC, Map.of("en", "MoU"), Map.of(), parties,
        Set.of(CooperationField.SCIENCE_AND_TECHNOLOGY), Set.of("0533"), Set.of(), Set.of("en"), List.of(), null,
        durationMonths, null, autoRenewal);
  }

  static Agreement draft() {
    return Agreement.draft(
        UUID.randomUUID(), "PK-BY/MOU/2025/ST-001",
        terms(List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY), party("bsu.by", "BY", PartyRole.SIGNATORY),
            party("most.gov.pk", "PK", PartyRole.OBSERVER)), 60, false),
        NOW);
  }

  static Party.Signature signature(String date) {
    return new Party.Signature(PartialDate.parse(date), "Islamabad", "Vice-Chancellor");
  }

  static Agreement inForce() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-02"), NOW);
    a.enterIntoForce(LocalDate.parse("2025-04-01"), NOW);
    return a;
  }

  @Test
  void anAgreementIsSignedOnlyWhenEverySignatoryHasSigned() {
    Agreement a = draft();
    assertEquals(AgreementChange.PARTY_SIGNED, a.sign("qau.edu.pk", signature("2025-03"), NOW));
    assertEquals(AgreementStatus.DRAFT, a.status());
    assertEquals(AgreementChange.SIGNED, a.sign("bsu.by", signature("2025"), NOW));
    assertEquals(AgreementStatus.SIGNED, a.status());
  }

  @Test
  void anObserverDoesNotSignAndNobodySignsTwice() {
    Agreement a = draft();
    assertThrows(ProblemException.class, () -> a.sign("most.gov.pk", signature("2025-03-01"), NOW));
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    ProblemException twice = assertThrows(ProblemException.class, () -> a.sign("qau.edu.pk", signature("2025-03-01"), NOW));
    assertEquals(409, twice.problem().getStatus());
    assertThrows(ProblemException.class, () -> a.sign("cuc.edu.cn", signature("2025-03-01"), NOW));
  }

  @Test
  void enteringIntoForceSetsTheExpiryFromTheDuration() {
    Agreement a = inForce();
    assertEquals(AgreementStatus.IN_FORCE, a.status());
    assertEquals(LocalDate.parse("2030-04-01"), a.expiresOn());
  }

  @Test
  void entryIntoForceCannotPrecedeTheLastSignature() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-10"), NOW);
    assertThrows(ProblemException.class, () -> a.enterIntoForce(LocalDate.parse("2025-03-05"), NOW));
  }

  @Test
  void suspensionAndResumptionAlternate() {
    Agreement a = inForce();
    assertEquals(AgreementChange.SUSPENDED, a.suspend("review of the programme", NOW));
    assertEquals(AgreementStatus.SUSPENDED, a.status());
    assertThrows(InvalidTransition.class, () -> a.suspend("again", NOW));
    assertEquals(AgreementChange.RESUMED, a.resume(NOW));
    assertEquals(AgreementStatus.IN_FORCE, a.status());
  }

  @Test
  void anInvalidTransitionNamesTheCurrentStateAndWhatIsAllowed() {
    Agreement a = draft();
    InvalidTransition refused = assertThrows(InvalidTransition.class, () -> a.suspend("too early", NOW));
    assertEquals(409, refused.problem().getStatus());
    assertEquals("DRAFT", refused.problem().getExtensions().get("currentState"));
    assertEquals(List.of("revise", "sign"), refused.problem().getExtensions().get("allowedTransitions"));
  }

  @Test
  void aTerminatedAgreementAllowsNothingMore() {
    Agreement a = inForce();
    assertEquals(AgreementChange.TERMINATED, a.terminate(LocalDate.parse("2026-01-01"), "denunciation by bsu.by", NOW));
    assertTrue(a.allowedTransitions().isEmpty());
    assertThrows(InvalidTransition.class, () -> a.resume(NOW));
    assertThrows(InvalidTransition.class, () -> a.revise(terms(a.parties(), 12, false), NOW));
  }

  @Test
  void signedTextsAreNotRevised() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-01"), NOW);
    assertThrows(InvalidTransition.class, () -> a.revise(terms(a.parties(), 12, false), NOW));
  }

  @Test
  void anAgreementExpiresTheDayAfterItsExpiryDateUnlessItRenews() {
    Agreement a = inForce();
    assertNull(a.expireIfDue(LocalDate.parse("2030-04-01"), NOW));
    assertEquals(AgreementChange.EXPIRED, a.expireIfDue(LocalDate.parse("2030-04-02"), NOW));
    assertEquals(AgreementStatus.EXPIRED, a.status());

    Agreement renewing = Agreement.draft(UUID.randomUUID(), "PK-BY/MOU/2025/ST-002",
        terms(List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY), party("bsu.by", "BY", PartyRole.SIGNATORY)), 12, true), NOW);
    renewing.sign("qau.edu.pk", signature("2025-01-01"), NOW);
    renewing.sign("bsu.by", signature("2025-01-01"), NOW);
    renewing.enterIntoForce(LocalDate.parse("2025-01-01"), NOW);
    assertEquals(AgreementChange.RENEWED, renewing.expireIfDue(LocalDate.parse("2026-01-02"), NOW));
    assertEquals(LocalDate.parse("2027-01-01"), renewing.expiresOn());
    assertEquals(AgreementStatus.IN_FORCE, renewing.status());
  }

  @Test
  void aDraftNeedsTwoDistinctPartiesAndASignatory() {
    assertThrows(ProblemException.class, () -> Agreement.draft(UUID.randomUUID(), "X-1",
        terms(List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY)), null, false), NOW));
    assertThrows(ProblemException.class, () -> Agreement.draft(UUID.randomUUID(), "X-1",
        terms(List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY), party("qau.edu.pk", "PK", PartyRole.OBSERVER)), null, false), NOW));
    assertThrows(ProblemException.class, () -> Agreement.draft(UUID.randomUUID(), "X-1",
        terms(List.of(party("qau.edu.pk", "PK", PartyRole.OBSERVER), party("bsu.by", "BY", PartyRole.OBSERVER)), null, false), NOW));
  }

  @Test
  void anAgreementWaitsForEveryRequiredRatificationBeforeEnteringIntoForce() {
    Party ministry = new Party(UUID.randomUUID(), "most.gov.pk", "PK", PartyRole.SIGNATORY, null, true, null);
    Agreement a = Agreement.draft(UUID.randomUUID(), "PK-BY/TREATY/2025/001",
        terms(List.of(ministry, party("gknt.gov.by", "BY", PartyRole.SIGNATORY)), 60, false), NOW);
    assertThrows(InvalidTransition.class,
        () -> a.ratify("most.gov.pk", new Party.Ratification(PartialDate.parse("2025-04"), Party.RatificationKind.RATIFICATION), NOW));
    a.sign("most.gov.pk", signature("2025-03-01"), NOW);
    a.sign("gknt.gov.by", signature("2025-03-01"), NOW);
    ProblemException waiting = assertThrows(ProblemException.class, () -> a.enterIntoForce(LocalDate.parse("2025-04-01"), NOW));
    assertEquals(409, waiting.problem().getStatus());
    assertEquals(422, assertThrows(ProblemException.class, () -> a.ratify("gknt.gov.by",
        new Party.Ratification(PartialDate.parse("2025-04"), Party.RatificationKind.APPROVAL), NOW)).problem().getStatus());
    assertThrows(ProblemException.class, () -> a.ratify("most.gov.pk",
        new Party.Ratification(PartialDate.parse("2025-02"), Party.RatificationKind.RATIFICATION), NOW));
    assertEquals(AgreementChange.PARTY_RATIFIED, a.ratify("most.gov.pk",
        new Party.Ratification(PartialDate.parse("2025-04-10"), Party.RatificationKind.RATIFICATION), NOW));
    assertEquals(AgreementChange.ENTERED_INTO_FORCE, a.enterIntoForce(LocalDate.parse("2025-05-01"), NOW));
  }

  @Test
  void partialDatesKeepTheirPrecision() {
    assertEquals("2021", PartialDate.parse("2021").toString());
    assertEquals("2021-05", PartialDate.parse("2021-05").toString());
    assertEquals(LocalDate.parse("2021-05-01"), PartialDate.parse("2021-05").earliest());
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2021-02-30"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("21-05"));
  }
}
