package org.eurasia.registry.agreements.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eurasia.registry.platform.domain.DomainException;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.problem.DomainProblems;
import org.eurasia.registry.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The agreement lifecycle as plain rules: no Quarkus, no database. The domain refuses with its own
 * exceptions; where a test states the answer a caller gets, it reads it through the edge's mapping
 * ({@link DomainProblems#of}).
 */
class AgreementLifecycleTest {

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static Party party(String code, String country, PartyRole role) {
    return new Party(UUID.randomUUID(), code, country, role, null);
  }

  /** The organizations the tests' agreements name. */
  static final Map<String, Organization> DIRECTORY =
      Stream.of("qau.edu.pk PK", "bsu.by BY", "most.gov.pk PK", "gknt.gov.by BY", "cuc.edu.cn CN")
          .map(entry -> entry.split(" "))
          .collect(
              Collectors.toMap(
                  entry -> entry[0],
                  entry ->
                      new Organization(
                          UUID.randomUUID(),
                          entry[0],
                          new OrganizationTerms(
                              OrganizationKind.UNIVERSITY, Map.of("en", entry[0]), entry[1], null),
                          NOW)));

  static AgreementTerms terms(List<Party> parties, Integer durationMonths, boolean autoRenewal) {
    return terms(AgreementKind.MEMORANDUM_OF_UNDERSTANDING, parties, durationMonths, autoRenewal);
  }

  /** Terms naming the parties' organizations in their roles (the content of the snapshot walks). */
  static AgreementTerms terms(
      AgreementKind kind, List<Party> parties, Integer durationMonths, boolean autoRenewal) {
    return AgreementSnapshotTest.terms(
        kind,
        Visibility.PUBLIC,
        parties.stream()
            .map(
                p ->
                    new AgreementTerms.NamedParty(
                        p.organizationCode(), p.role(), p.ratificationRequired()))
            .toList(),
        durationMonths,
        null,
        autoRenewal);
  }

  static Agreement draft() {
    return Agreement.draft(
        UUID.randomUUID(),
        "PK-BY/MOU/2025/ST-001",
        terms(
            List.of(
                party("qau.edu.pk", "PK", PartyRole.SIGNATORY),
                party("bsu.by", "BY", PartyRole.SIGNATORY),
                party("most.gov.pk", "PK", PartyRole.OBSERVER)),
            60,
            false),
        DIRECTORY,
        NOW);
  }

  /** The problem a refused change is answered with at the edge. */
  static Problem refusal(Executable change) {
    return DomainProblems.of(assertThrows(DomainException.class, change));
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
    assertEquals(
        "not-a-signatory",
        assertThrows(RuleViolation.class, () -> a.sign("most.gov.pk", signature("2025-03-01"), NOW))
            .rule());
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    assertThrows(StateConflict.class, () -> a.sign("qau.edu.pk", signature("2025-03-01"), NOW));
    assertEquals(
        409, refusal(() -> a.sign("qau.edu.pk", signature("2025-03-01"), NOW)).getStatus());
    assertEquals(
        "not-named",
        assertThrows(RuleViolation.class, () -> a.sign("cuc.edu.cn", signature("2025-03-01"), NOW))
            .rule());
  }

  @Test
  void enteringIntoForceSetsTheExpiryFromTheDuration() {
    Agreement a = inForce();
    assertEquals(AgreementStatus.IN_FORCE, a.status());
    assertEquals(LocalDate.parse("2030-04-01"), a.terms().expiresOn());
  }

  @Test
  void entryIntoForceCannotPrecedeTheLastSignature() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-10"), NOW);
    assertEquals(
        "date",
        assertThrows(InvalidValue.class, () -> a.enterIntoForce(LocalDate.parse("2025-03-05"), NOW))
            .term());
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
    InvalidTransition refused =
        assertThrows(InvalidTransition.class, () -> a.suspend("too early", NOW));
    assertEquals("DRAFT", refused.currentState());
    assertEquals(List.of("revise", "sign", "accept", "approve", "withdraw"), refused.allowed());
    Problem answer = DomainProblems.of(refused);
    assertEquals(409, answer.getStatus());
    assertEquals("DRAFT", answer.getExtensions().get("currentState"));
    assertEquals(
        List.of("revise", "sign", "accept", "approve", "withdraw"),
        answer.getExtensions().get("allowedTransitions"));
    assertEquals(
        "Cannot suspend an agreement that is DRAFT; allowed: [revise, sign, accept, approve, withdraw]",
        answer.getDetail());
  }

  @Test
  void whatAnAgreementAdvertisesIsWhatItsCommandsAllow() {
    Agreement draft = draft();
    assertEquals(
        draft.allowedTransitions(),
        assertThrows(InvalidTransition.class, () -> draft.amendBy(UUID.randomUUID(), NOW))
            .allowed());
    assertEquals(
        "Cannot enter-into-force an agreement that is DRAFT; allowed: [revise, sign, accept, approve, "
            + "withdraw]",
        assertThrows(
                InvalidTransition.class,
                () -> draft.enterIntoForce(LocalDate.parse("2025-04-01"), NOW))
            .getMessage());
    assertNull(draft.expireIfDue(LocalDate.parse("2100-01-01"), NOW), "a draft does not expire");
    assertEquals(AgreementChange.APPROVED, draft.approve("qau.edu.pk", 0, "a".repeat(64), NOW));

    Agreement inForce = inForce();
    assertEquals(
        List.of("suspend", "terminate", "expire", "accept", "approve", "amend"),
        inForce.allowedTransitions());
    assertEquals(AgreementChange.AMENDED, inForce.amendBy(UUID.randomUUID(), NOW));
    assertEquals(AgreementChange.EXPIRED, inForce.expireIfDue(LocalDate.parse("2100-01-01"), NOW));
  }

  @Test
  void aTerminatedAgreementAllowsNothingMoreThanApprovingAVersion() {
    Agreement a = inForce();
    assertEquals(
        AgreementChange.TERMINATED,
        a.terminate(LocalDate.parse("2026-01-01"), "denunciation by bsu.by", NOW));
    assertEquals(List.of("approve"), a.allowedTransitions());
    assertEquals(AgreementChange.APPROVED, a.approve("bsu.by", 3, "a".repeat(64), NOW));
    assertThrows(InvalidTransition.class, () -> a.amendBy(UUID.randomUUID(), NOW));
    assertThrows(InvalidTransition.class, () -> a.resume(NOW));
    assertThrows(
        InvalidTransition.class, () -> a.revise(terms(a.parties(), 12, false), DIRECTORY, NOW));
  }

  @Test
  void signedTextsAreNotRevised() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-01"), NOW);
    assertThrows(
        InvalidTransition.class, () -> a.revise(terms(a.parties(), 12, false), DIRECTORY, NOW));
  }

  @Test
  void anAgreementExpiresTheDayAfterItsExpiryDateUnlessItRenews() {
    Agreement a = inForce();
    assertNull(a.expireIfDue(LocalDate.parse("2030-04-01"), NOW));
    assertEquals(AgreementChange.EXPIRED, a.expireIfDue(LocalDate.parse("2030-04-02"), NOW));
    assertEquals(AgreementStatus.EXPIRED, a.status());

    Agreement renewing =
        Agreement.draft(
            UUID.randomUUID(),
            "PK-BY/MOU/2025/ST-002",
            terms(
                List.of(
                    party("qau.edu.pk", "PK", PartyRole.SIGNATORY),
                    party("bsu.by", "BY", PartyRole.SIGNATORY)),
                12,
                true),
            DIRECTORY,
            NOW);
    renewing.sign("qau.edu.pk", signature("2025-01-01"), NOW);
    renewing.sign("bsu.by", signature("2025-01-01"), NOW);
    renewing.enterIntoForce(LocalDate.parse("2025-01-01"), NOW);
    assertEquals(AgreementChange.RENEWED, renewing.expireIfDue(LocalDate.parse("2026-01-02"), NOW));
    assertEquals(LocalDate.parse("2027-01-01"), renewing.terms().expiresOn());
    assertEquals(AgreementStatus.IN_FORCE, renewing.status());
  }

  @Test
  void aDraftNeedsTwoDistinctPartiesAndASignatory() {
    assertEquals(
        "parties",
        assertThrows(
                InvalidValue.class,
                () ->
                    Agreement.draft(
                        UUID.randomUUID(),
                        "X-1",
                        terms(List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY)), null, false),
                        DIRECTORY,
                        NOW))
            .term());
    assertEquals(
        "parties",
        assertThrows(
                InvalidValue.class,
                () ->
                    Agreement.draft(
                        UUID.randomUUID(),
                        "X-1",
                        terms(
                            List.of(
                                party("qau.edu.pk", "PK", PartyRole.SIGNATORY),
                                party("qau.edu.pk", "PK", PartyRole.OBSERVER)),
                            null,
                            false),
                        DIRECTORY,
                        NOW))
            .term());
    Problem noSignatory =
        refusal(
            () ->
                Agreement.draft(
                    UUID.randomUUID(),
                    "X-1",
                    terms(
                        List.of(
                            party("qau.edu.pk", "PK", PartyRole.OBSERVER),
                            party("bsu.by", "BY", PartyRole.OBSERVER)),
                        null,
                        false),
                    DIRECTORY,
                    NOW));
    assertEquals(400, noSignatory.getStatus());
    assertEquals("parties: at least one party must be a signatory", noSignatory.getDetail());
  }

  @Test
  void anAgreementWaitsForEveryRequiredRatificationBeforeEnteringIntoForce() {
    Party ministry = Party.named(UUID.randomUUID(), "most.gov.pk", "PK", PartyRole.SIGNATORY, true);
    Agreement a =
        Agreement.draft(
            UUID.randomUUID(),
            "PK-BY/TREATY/2025/001",
            terms(List.of(ministry, party("gknt.gov.by", "BY", PartyRole.SIGNATORY)), 60, false),
            DIRECTORY,
            NOW);
    assertThrows(
        InvalidTransition.class,
        () ->
            a.ratify(
                "most.gov.pk",
                new Party.Ratification(
                    PartialDate.parse("2025-04"), Party.RatificationKind.RATIFICATION),
                NOW));
    a.sign("most.gov.pk", signature("2025-03-01"), NOW);
    a.sign("gknt.gov.by", signature("2025-03-01"), NOW);
    StateConflict waiting =
        assertThrows(
            StateConflict.class, () -> a.enterIntoForce(LocalDate.parse("2025-04-01"), NOW));
    assertEquals("Awaiting ratification by [most.gov.pk]", waiting.getMessage());
    assertEquals(
        Agreement.RATIFICATION_NOT_REQUIRED,
        assertThrows(
                RuleViolation.class,
                () ->
                    a.ratify(
                        "gknt.gov.by",
                        new Party.Ratification(
                            PartialDate.parse("2025-04"), Party.RatificationKind.APPROVAL),
                        NOW))
            .rule());
    assertEquals(
        "date",
        assertThrows(
                InvalidValue.class,
                () ->
                    a.ratify(
                        "most.gov.pk",
                        new Party.Ratification(
                            PartialDate.parse("2025-02"), Party.RatificationKind.RATIFICATION),
                        NOW))
            .term());
    assertEquals(
        AgreementChange.PARTY_RATIFIED,
        a.ratify(
            "most.gov.pk",
            new Party.Ratification(
                PartialDate.parse("2025-04-10"), Party.RatificationKind.RATIFICATION),
            NOW));
    assertEquals(
        AgreementChange.ENTERED_INTO_FORCE, a.enterIntoForce(LocalDate.parse("2025-05-01"), NOW));
  }

  static String conditionOf(Problem problem) {
    return (String) problem.getExtensions().get("condition");
  }

  static Party.Acceptance acceptance(String date) {
    return new Party.Acceptance(PartialDate.parse(date), 0, "a".repeat(64));
  }

  @Test
  void anAmendmentIsDraftedOnlyAsTheAmendmentOfAnAgreement() {
    Problem refused =
        refusal(
            () ->
                Agreement.draft(
                    UUID.randomUUID(),
                    "X-1",
                    terms(AgreementKind.AMENDMENT, draft().parties(), null, false),
                    DIRECTORY,
                    NOW));
    assertEquals(400, refused.getStatus());
    assertEquals("kind", refused.getErrors().get(0).field());
    Agreement amended = inForce();
    Agreement amendment =
        Agreement.draftAmendment(
            UUID.randomUUID(),
            "X-2",
            terms(AgreementKind.AMENDMENT, amended.parties(), null, false),
            DIRECTORY,
            amended,
            NOW);
    assertEquals(amended.id(), amendment.amendsId());
  }

  @Test
  void anAmendmentMustKeepEverySignatoryOfTheAmendedAgreementAsASignatory() {
    Agreement amended = inForce();
    // The reported attack's shape: someone else the only signatory, a party of the amended
    // agreement an observer.
    List<Party> hostile =
        List.of(
            party("cuc.edu.cn", "CN", PartyRole.SIGNATORY),
            party("qau.edu.pk", "PK", PartyRole.OBSERVER));
    Problem refused =
        refusal(
            () ->
                Agreement.draftAmendment(
                    UUID.randomUUID(),
                    "X-3",
                    terms(AgreementKind.AMENDMENT, hostile, null, false),
                    DIRECTORY,
                    amended,
                    NOW));
    assertEquals(422, refused.getStatus());
    assertEquals("amendment-signatories", conditionOf(refused));
    assertTrue(refused.getDetail().contains("[bsu.by, qau.edu.pk]"), refused.getDetail());
    Problem unnamed =
        refusal(
            () ->
                Agreement.requireSignatoriesKept(
                    amended, terms(AgreementKind.AMENDMENT, hostile, null, false), false));
    assertTrue(
        !unnamed.getDetail().contains("bsu.by"),
        "a caller who may not read the amended agreement learns no codes");
    // An observer of the amended agreement need not sign its amendment.
    List<Party> signatoriesOnly =
        List.of(
            party("qau.edu.pk", "PK", PartyRole.SIGNATORY),
            party("bsu.by", "BY", PartyRole.SIGNATORY));
    Agreement.requireSignatoriesKept(
        amended, terms(AgreementKind.AMENDMENT, signatoriesOnly, null, false), true);
  }

  @Test
  void aRevisionCannotTurnAnAgreementIntoAnAmendmentOrBack() {
    Agreement plain = draft();
    Problem into =
        refusal(
            () ->
                plain.revise(
                    terms(AgreementKind.AMENDMENT, plain.parties(), null, false), DIRECTORY, NOW));
    assertEquals("kind", into.getErrors().get(0).field());
    Agreement amended = inForce();
    Agreement amendment =
        Agreement.draftAmendment(
            UUID.randomUUID(),
            "X-4",
            terms(AgreementKind.AMENDMENT, amended.parties(), null, false),
            DIRECTORY,
            amended,
            NOW);
    assertEquals(
        "kind",
        assertThrows(
                InvalidValue.class,
                () -> amendment.revise(terms(amendment.parties(), null, false), DIRECTORY, NOW))
            .term());
    amendment.revise(
        terms(AgreementKind.AMENDMENT, amendment.parties(), 24, false), DIRECTORY, NOW);
    assertEquals(amended.id(), amendment.amendsId(), "a revision keeps the amended agreement");
  }

  @Test
  void aRevisionClearsEverySignatureAndAcceptance() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01").boundTo(0, "b".repeat(64)), NOW);
    a.accept("most.gov.pk", acceptance("2025-03-02"), NOW);
    assertTrue(a.parties().get(0).consented() && a.parties().get(2).consented());
    a.revise(terms(a.parties(), 24, false), DIRECTORY, NOW);
    assertTrue(
        a.parties().stream().noneMatch(Party::consented),
        "each party signs or accepts the new text again");
    assertTrue(a.parties().stream().allMatch(p -> p.signature() == null && p.acceptance() == null));
    assertEquals(AgreementStatus.DRAFT, a.status());
  }

  @Test
  void aNamedObserverIsInvitedUntilItAcceptsAndEntryIntoForceDoesNotWaitForIt() {
    Agreement a = inForce();
    Party observer = a.parties().get(2);
    assertEquals(PartyRole.OBSERVER, observer.role());
    assertTrue(!observer.consented(), "named is not bound");
    assertEquals(
        AgreementStatus.IN_FORCE, a.status(), "the signatories did not wait for the observer");
    assertEquals(
        AgreementChange.PARTY_ACCEPTED, a.accept("most.gov.pk", acceptance("2025-05-01"), NOW));
    assertTrue(a.parties().get(2).consented());
    assertEquals(
        409, refusal(() -> a.accept("most.gov.pk", acceptance("2025-05-02"), NOW)).getStatus());
  }

  @Test
  void signatoriesConsentBySigningAndOnlyNamedPartiesAccept() {
    Agreement a = draft();
    Problem signatory = refusal(() -> a.accept("qau.edu.pk", acceptance("2025-05-01"), NOW));
    assertEquals("signatory-consents-by-signing", conditionOf(signatory));
    Problem stranger = refusal(() -> a.accept("cuc.edu.cn", acceptance("2025-05-01"), NOW));
    assertEquals("not-named", conditionOf(stranger));
    Agreement ended = inForce();
    ended.terminate(LocalDate.parse("2026-01-01"), "denunciation", NOW);
    assertThrows(
        InvalidTransition.class, () -> ended.accept("most.gov.pk", acceptance("2026-02-01"), NOW));
  }

  @Test
  void onlyASignatoryRatifies() {
    Party observer = Party.named(UUID.randomUUID(), "most.gov.pk", "PK", PartyRole.OBSERVER, true);
    Problem refused =
        refusal(
            () ->
                Agreement.draft(
                    UUID.randomUUID(),
                    "X-5",
                    terms(
                        List.of(party("qau.edu.pk", "PK", PartyRole.SIGNATORY), observer),
                        null,
                        false),
                    DIRECTORY,
                    NOW));
    assertEquals("parties", refused.getErrors().get(0).field());
  }

  @Test
  void theCanonicalContentIsTheSameForTheSameAgreementAndCarriesWhatWasSigned() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01").boundTo(0, "c".repeat(64)), NOW);
    String first = AgreementSnapshot.of(a).canonicalJson();
    assertEquals(first, AgreementSnapshot.of(a).canonicalJson());
    assertTrue(
        first.contains("\"sha256\":\"" + "c".repeat(64) + "\",\"signerTitle\""),
        "keys sorted, signature bound: " + first);
    assertTrue(
        first.indexOf("\"acceptance\"") < first.indexOf("\"country\""),
        "keys in alphabetical order");
    assertTrue(
        first.contains("\"signature\":{\"date\":\"2025-03-01\""),
        "a partial date is written as its text: " + first);
    assertTrue(
        !first.contains("\"bound\"") && !first.contains("\"signatory\""),
        "derived answers are not content: " + first);
  }

  @Test
  void partialDatesKeepTheirPrecision() {
    assertEquals("2021", PartialDate.parse("2021").toString());
    assertEquals("2021-05", PartialDate.parse("2021-05").toString());
    assertEquals(LocalDate.parse("2021-05-01"), PartialDate.parse("2021-05").earliest());
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2021-02-30"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("21-05"));
  }

  @Test
  void aDraftIsWithdrawnForGoodAndASignedAgreementIsNot() {
    Agreement a = draft();
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    assertEquals(
        AgreementChange.WITHDRAWN,
        a.withdraw(LocalDate.parse("2025-03-05"), "superseded by a trilateral memorandum", NOW));
    assertEquals(AgreementStatus.WITHDRAWN, a.status());
    assertEquals(LocalDate.parse("2025-03-05"), a.endedOn());
    assertEquals("superseded by a trilateral memorandum", a.endReason());
    assertEquals(List.of("approve"), a.allowedTransitions());
    assertThrows(InvalidTransition.class, () -> a.sign("bsu.by", signature("2025-03-06"), NOW));
    assertThrows(
        InvalidTransition.class, () -> a.revise(terms(a.parties(), 12, false), DIRECTORY, NOW));
    assertThrows(
        InvalidTransition.class, () -> a.accept("most.gov.pk", acceptance("2025-03-06"), NOW));
    assertThrows(
        InvalidTransition.class, () -> a.withdraw(LocalDate.parse("2025-03-06"), "again", NOW));
    assertNull(a.expireIfDue(LocalDate.parse("2100-01-01"), NOW));
    assertEquals(AgreementChange.APPROVED, a.approve("bsu.by", 1, "a".repeat(64), NOW));

    Agreement signed = draft();
    signed.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    signed.sign("bsu.by", signature("2025-03-01"), NOW);
    assertEquals(
        "Cannot withdraw an agreement that is SIGNED; allowed: [ratify, enter-into-force, terminate, "
            + "accept, approve, amend]",
        assertThrows(
                InvalidTransition.class,
                () -> signed.withdraw(LocalDate.parse("2025-03-05"), "too late", NOW))
            .getMessage());
  }

  /** A caller acting for these organizations (a partner of one, or none). */
  static Predicate<Collection<String>> actsFor(String... organizations) {
    return codes -> Arrays.stream(organizations).anyMatch(codes::contains);
  }

  static final Predicate<Collection<String>> REGISTRAR = codes -> true;

  static final Predicate<Collection<String>> NOBODY = codes -> false;

  @Test
  void anAgreementAdvertisesToEachCallerOnlyWhatThatCallerMayDo() {
    Agreement a = draft();
    Set<String> none = Set.of();
    assertEquals(
        List.of("revise", "sign", "accept", "approve", "withdraw"),
        a.allowedTransitionsFor(REGISTRAR, none));
    assertEquals(
        List.of("revise", "sign", "approve", "withdraw"),
        a.allowedTransitionsFor(actsFor("qau.edu.pk"), none));
    assertEquals(
        List.of("accept", "approve"), a.allowedTransitionsFor(actsFor("most.gov.pk"), none));
    assertEquals(List.of(), a.allowedTransitionsFor(actsFor("cuc.edu.cn"), none));
    assertEquals(List.of(), a.allowedTransitionsFor(NOBODY, none));

    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    assertEquals(
        List.of("revise", "approve", "withdraw"),
        a.allowedTransitionsFor(actsFor("qau.edu.pk"), none),
        "a signatory that signed signs no more");
    assertEquals(
        List.of("revise", "sign", "approve", "withdraw"),
        a.allowedTransitionsFor(actsFor("bsu.by"), none));

    a.sign("bsu.by", signature("2025-03-02"), NOW);
    assertEquals(
        List.of("enter-into-force", "terminate", "accept", "approve", "amend"),
        a.allowedTransitionsFor(REGISTRAR, none));
    assertEquals(
        List.of("enter-into-force", "terminate", "approve", "amend"),
        a.allowedTransitionsFor(actsFor("bsu.by"), none));
    assertEquals(
        List.of("accept", "approve"),
        a.allowedTransitionsFor(actsFor("most.gov.pk"), none),
        "an observer only named neither ends force nor amends");

    a.enterIntoForce(LocalDate.parse("2025-04-01"), NOW);
    assertEquals(
        List.of("suspend", "terminate", "accept", "approve", "amend"),
        a.allowedTransitionsFor(REGISTRAR, none),
        "expire is the expiry job's, never a caller's");
    assertTrue(a.allowedTransitions().contains("expire"), "the table still lets the job expire it");
    assertEquals(
        List.of("accept", "approve"), a.allowedTransitionsFor(actsFor("most.gov.pk"), none));
    a.accept("most.gov.pk", acceptance("2025-04-02"), NOW);
    assertEquals(
        List.of("approve", "amend"),
        a.allowedTransitionsFor(actsFor("most.gov.pk"), none),
        "an observer that accepted has joined: it may amend, still not suspend");

    a.suspend("review", NOW);
    assertEquals(
        List.of("resume", "terminate", "approve", "amend"),
        a.allowedTransitionsFor(actsFor("qau.edu.pk"), none));
    a.terminate(LocalDate.parse("2025-06-01"), "denunciation", NOW);
    assertEquals(List.of("approve"), a.allowedTransitionsFor(actsFor("qau.edu.pk"), none));
    assertEquals(List.of(), a.allowedTransitionsFor(actsFor("cuc.edu.cn"), none));
  }

  @Test
  void aRatificationIsAdvertisedOnlyToTheSignatoryThatOwesIt() {
    Agreement a =
        Agreement.draft(
            UUID.randomUUID(),
            "X-7",
            AgreementSnapshotTest.terms(
                AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
                Visibility.PUBLIC,
                List.of(
                    new AgreementTerms.NamedParty("qau.edu.pk", PartyRole.SIGNATORY, true),
                    new AgreementTerms.NamedParty("bsu.by", PartyRole.SIGNATORY, false)),
                null,
                null,
                false),
            DIRECTORY,
            NOW);
    a.sign("qau.edu.pk", signature("2025-03-01"), NOW);
    a.sign("bsu.by", signature("2025-03-01"), NOW);
    assertTrue(a.allowedTransitionsFor(actsFor("qau.edu.pk"), Set.of()).contains("ratify"));
    assertFalse(a.allowedTransitionsFor(actsFor("bsu.by"), Set.of()).contains("ratify"));
    a.ratify(
        "qau.edu.pk",
        new Party.Ratification(PartialDate.parse("2025-03-10"), Party.RatificationKind.APPROVAL),
        NOW);
    assertFalse(a.allowedTransitionsFor(REGISTRAR, Set.of()).contains("ratify"));
  }

  @Test
  void onlyTheAmendedAgreementsSignatoriesAreOfferedToBringAnAmendmentIntoForce() {
    Agreement amended = inForce();
    Agreement amendment =
        Agreement.draftAmendment(
            UUID.randomUUID(),
            "X-8",
            AgreementSnapshotTest.terms(
                AgreementKind.AMENDMENT,
                Visibility.PUBLIC,
                List.of(
                    new AgreementTerms.NamedParty("qau.edu.pk", PartyRole.SIGNATORY, false),
                    new AgreementTerms.NamedParty("bsu.by", PartyRole.SIGNATORY, false),
                    new AgreementTerms.NamedParty("cuc.edu.cn", PartyRole.SIGNATORY, false)),
                null,
                null,
                false),
            DIRECTORY,
            amended,
            NOW);
    for (String party : List.of("qau.edu.pk", "bsu.by", "cuc.edu.cn")) {
      amendment.sign(party, signature("2025-05-01"), NOW);
    }
    Set<String> amendedSignatories = amended.signatoryCodes();
    assertTrue(
        amendment
            .allowedTransitionsFor(actsFor("qau.edu.pk"), amendedSignatories)
            .contains("enter-into-force"));
    assertEquals(
        List.of("terminate", "approve", "amend"),
        amendment.allowedTransitionsFor(actsFor("cuc.edu.cn"), amendedSignatories),
        "a signatory of the amendment only");
    assertTrue(
        amendment
            .allowedTransitionsFor(REGISTRAR, amendedSignatories)
            .contains("enter-into-force"));
  }
}
