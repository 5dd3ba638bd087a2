package org.eurasia.registry.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.eurasia.registry.agreements.client.PartyFact;
import org.eurasia.registry.exchange.domain.Program.Institution;
import org.eurasia.registry.exchange.domain.ProgramTerms.QuotaPlan;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.problem.DomainProblems;
import org.eurasia.registry.platform.problem.Problem;
import org.junit.jupiter.api.Test;

/** The programme lifecycle and the consistency of its terms, without Quarkus. */
class ProgramLifecycleTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final Institution QAU = new Institution("qau.edu.pk", "PK");
  static final Institution BSU = new Institution("bsu.by", "BY");

  static ProgramTerms terms(
      List<String> years, List<QuotaPlan> quotas, LocalDate opens, LocalDate closes) {
    return new ProgramTerms(
        Map.of("en", "Exchange"),
        years,
        quotas,
        new StayDuration(5, StayDuration.Unit.MONTHS),
        List.of("0613"),
        List.of(7, 6),
        "en",
        CefrLevel.B2,
        opens,
        closes);
  }

  /** Planned and accepted by both institutions (as a registrar's creation is). */
  static Program planned() {
    return planned(Set.of(QAU.code(), BSU.code()));
  }

  static Program planned(Set<String> acceptedBy) {
    return Program.plan(
        UUID.randomUUID(),
        "QAU-BSU/T/1",
        ProgramKind.STUDENT_EXCHANGE,
        UUID.randomUUID(),
        QAU,
        BSU,
        terms(
            List.of("2026/2027"),
            List.of(new QuotaPlan("2026/2027", Direction.SENDING_TO_RECEIVING, 5)),
            null,
            null),
        acceptedBy,
        NOW);
  }

  @Test
  void aNamedInstitutionIsInvitedAndTheProgrammeOpensOnlyOnceItAccepted() {
    Program p = planned(Set.of(QAU.code()));
    assertEquals(List.of("qau.edu.pk"), p.acceptedInstitutionCodes());
    assertEquals(List.of("bsu.by"), p.pendingInstitutionCodes());
    RuleViolation refused = assertThrows(RuleViolation.class, () -> p.open(NOW));
    assertEquals("institution-not-accepted", refused.rule());
    assertEquals(List.of("bsu.by"), refused.facts().get("pendingInstitutions"));
    assertEquals(ProgramStatus.PLANNED, p.status(), "nothing changed");
    assertEquals(ProgramChange.INSTITUTION_ACCEPTED, p.accept("bsu.by", NOW));
    assertEquals(List.of("qau.edu.pk", "bsu.by"), p.acceptedInstitutionCodes());
    assertEquals(List.of(), p.pendingInstitutionCodes());
    assertEquals(ProgramChange.OPENED, p.open(NOW));
  }

  @Test
  void onlyAnInstitutionTheProgrammeNamesAcceptsItAndOnlyOnce() {
    Program p = planned(Set.of(QAU.code()));
    RuleViolation notNamed = assertThrows(RuleViolation.class, () -> p.accept("pu.edu.pk", NOW));
    assertEquals("not-named", notNamed.rule());
    StateConflict twice = assertThrows(StateConflict.class, () -> p.accept("qau.edu.pk", NOW));
    assertEquals(409, DomainProblems.of(twice).getStatus());
    assertEquals(List.of("qau.edu.pk"), p.acceptedInstitutionCodes());
  }

  @Test
  void onlyTheProgrammesInstitutionsCanBeBoundAtCreation() {
    assertThrows(IllegalArgumentException.class, () -> planned(Set.of("pu.edu.pk")));
  }

  @Test
  void aProgrammeMovesFromPlannedThroughOpenAndClosedToCompleted() {
    Program p = planned();
    assertEquals(ProgramStatus.PLANNED, p.status());
    assertEquals(ProgramChange.OPENED, p.open(NOW));
    assertEquals(ProgramChange.CLOSED, p.close(NOW));
    assertEquals(ProgramChange.OPENED, p.open(NOW), "a closed programme may reopen");
    p.close(NOW);
    assertEquals(ProgramChange.COMPLETED, p.complete(NOW));
    assertEquals(List.of(), p.allowedTransitions());
  }

  @Test
  void aCompletedProgrammeChangesNoMore() {
    Program p = planned();
    p.open(NOW);
    p.close(NOW);
    p.complete(NOW);
    assertThrows(InvalidTransition.class, () -> p.open(NOW));
    assertThrows(InvalidTransition.class, () -> p.suspend("x", false, NOW));
    assertThrows(
        InvalidTransition.class,
        () -> p.revise(terms(List.of("2026/2027"), List.of(), null, null), NOW));
  }

  @Test
  void anInvalidTransitionNamesTheStateAndWhatIsAllowed() {
    Program p = planned();
    Problem refused = DomainProblems.of(assertThrows(InvalidTransition.class, () -> p.close(NOW)));
    assertEquals(409, refused.getStatus());
    assertEquals(
        "Cannot close a programme that is PLANNED; allowed: [open, suspend, update]",
        refused.getDetail());
    assertEquals("PLANNED", refused.getExtensions().get("currentState"));
    assertEquals(
        List.of("open", "suspend", "update"), refused.getExtensions().get("allowedTransitions"));
  }

  @Test
  void aProgrammeAdvertisesExactlyTheCommandsItsStatusLetsThrough() {
    // A walk through every status, starting with an invited institution; after each step every
    // command is tried on a
    // fresh copy: advertised ⇔ not refused as a transition (a rule checked after the status, such
    // as opening before
    // both institutions accepted, may still refuse an advertised command).
    List<Consumer<Program>> walk =
        List.of(
            p -> {},
            p -> p.suspend("paused", false, NOW),
            p -> p.resume(NOW),
            p -> p.accept(BSU.code(), NOW),
            p -> p.open(NOW),
            p -> p.suspend("paused", false, NOW),
            p -> p.resume(NOW),
            p -> p.close(NOW),
            p -> p.complete(NOW));
    Map<String, Consumer<Program>> commands =
        Map.of(
            "accept", p -> p.accept(BSU.code(), NOW),
            "open", p -> p.open(NOW),
            "close", p -> p.close(NOW),
            "complete", p -> p.complete(NOW),
            "suspend", p -> p.suspend("paused", false, NOW),
            "resume", p -> p.resume(NOW),
            "update", p -> p.revise(terms(List.of("2026/2027"), List.of(), null, null), NOW));
    for (int steps = 1; steps <= walk.size(); steps++) {
      for (Map.Entry<String, Consumer<Program>> command : commands.entrySet()) {
        Program p = planned(Set.of(QAU.code()));
        walk.subList(0, steps).forEach(step -> step.accept(p));
        List<String> advertised = p.allowedTransitions();
        String where = p.status() + " after " + steps + " steps, " + command.getKey();
        boolean letThrough;
        try {
          command.getValue().accept(p);
          letThrough = true;
        } catch (InvalidTransition | StateConflict refused) {
          letThrough = false;
        } catch (RuleViolation ruleAfterTheStatus) {
          letThrough = true;
        }
        assertEquals(letThrough, advertised.contains(command.getKey()), where);
      }
    }
  }

  @Test
  void anInvitedInstitutionsAcceptanceIsAdvertisedUntilItAccepted() {
    Program p = planned(Set.of(QAU.code()));
    assertEquals(List.of("accept", "open", "suspend", "update"), p.allowedTransitions());
    p.suspend("paused", false, NOW);
    assertEquals(List.of("accept", "resume", "update"), p.allowedTransitions());
    p.resume(NOW);
    p.accept(BSU.code(), NOW);
    assertEquals(
        List.of("open", "suspend", "update"), p.allowedTransitions(), "nobody left to accept");
  }

  @Test
  void withItsAgreementOutOfForceAProgrammeAdvertisesNeitherOpeningNorAResumeBackToOpen() {
    Program p = planned(Set.of(QAU.code()));
    assertEquals(List.of("accept", "suspend", "update"), p.allowedTransitions(false));
    p.accept(BSU.code(), NOW);
    p.open(NOW);
    p.suspend("paused", false, NOW);
    assertEquals(List.of("resume", "update"), p.allowedTransitions(true));
    assertEquals(List.of("update"), p.allowedTransitions(false), "resume would reopen it");
    p.resume(NOW);
    p.close(NOW);
    assertEquals(List.of("complete", "suspend", "update"), p.allowedTransitions(false));
    p.suspend("paused", false, NOW);
    assertEquals(
        List.of("resume", "update"), p.allowedTransitions(false), "back to closed needs nothing");
  }

  @Test
  void resumingReturnsToTheStatusBeforeTheSuspension() {
    Program p = planned();
    p.open(NOW);
    p.suspend("agreement suspended", true, NOW);
    assertEquals(ProgramStatus.SUSPENDED, p.status());
    assertTrue(p.suspendedByAgreement());
    assertEquals(ProgramStatus.OPEN, p.statusAfterResume());
    p.resume(NOW);
    assertEquals(ProgramStatus.OPEN, p.status());
    assertFalse(p.suspendedByAgreement());
    assertEquals(null, p.suspensionReason());
  }

  @Test
  void aSuspendedProgrammeCannotBeSuspendedAgainNorOpened() {
    Program p = planned();
    p.suspend("paused", false, NOW);
    assertThrows(InvalidTransition.class, () -> p.suspend("again", false, NOW));
    assertThrows(InvalidTransition.class, () -> p.open(NOW));
  }

  @Test
  void sendingAndReceivingInstitutionMustDiffer() {
    InvalidValue refused =
        assertThrows(
            InvalidValue.class,
            () ->
                Program.plan(
                    UUID.randomUUID(),
                    "X/1",
                    ProgramKind.STUDENT_EXCHANGE,
                    UUID.randomUUID(),
                    QAU,
                    QAU,
                    terms(List.of("2026/2027"), List.of(), null, null),
                    Set.of(),
                    NOW));
    assertEquals("receivingInstitution", DomainProblems.of(refused).getErrors().get(0).field());
  }

  @Test
  void academicYearsAreTwoConsecutiveYears() {
    assertTrue(AcademicYear.isValid("2025/2026"));
    assertFalse(AcademicYear.isValid("2025/2027"));
    assertFalse(AcademicYear.isValid("2025-2026"));
    assertFalse(AcademicYear.isValid(null));
    assertEquals("2026/2027", AcademicYear.containing(LocalDate.of(2026, 11, 28)));
    assertEquals("2025/2026", AcademicYear.containing(LocalDate.of(2026, 8, 31)));
    assertThrows(InvalidValue.class, () -> terms(List.of("2026/2028"), List.of(), null, null));
    assertThrows(
        InvalidValue.class, () -> terms(List.of("2026/2027", "2026/2027"), List.of(), null, null));
  }

  @Test
  void aProgrammeGivesBackTheTermsItWasPlannedAndRevisedWith() {
    // A term the entity forgets to store or to give back fails here, not in a view or notice.
    ProgramTerms planned =
        terms(
            List.of("2026/2027"),
            List.of(new QuotaPlan("2026/2027", Direction.SENDING_TO_RECEIVING, 5)),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 5, 31));
    Program p =
        Program.plan(
            UUID.randomUUID(),
            "T/1",
            ProgramKind.STUDENT_EXCHANGE,
            UUID.randomUUID(),
            QAU,
            BSU,
            planned,
            Set.of(QAU.code()),
            NOW);
    assertEquals(planned, p.terms(quotasOf(planned)));
    ProgramTerms revised =
        new ProgramTerms(
            Map.of("en", "Exchange", "ru", "Обмен"),
            List.of("2027/2028", "2026/2027"),
            List.of(new QuotaPlan("2027/2028", Direction.RECEIVING_TO_SENDING, null)),
            new StayDuration(14, StayDuration.Unit.DAYS),
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(List.of("2026/2027", "2027/2028"), revised.academicYears(), "kept in order");
    assertEquals(List.of(), revised.iscedCodes(), "absent lists are empty");
    assertEquals(List.of(), revised.eqfLevels());
    p.revise(revised, NOW);
    assertEquals(revised, p.terms(quotasOf(revised)));
  }

  /** The quota rows the repository keeps for the terms' plan, no place taken yet. */
  static List<Quota> quotasOf(ProgramTerms terms) {
    return terms.quotas().stream()
        .map(q -> new Quota(q.academicYear(), q.direction(), q.places(), 0))
        .toList();
  }

  @Test
  void quotasMustBeForTheProgrammesYearsAndOncePerDirection() {
    InvalidValue otherYear =
        assertThrows(
            InvalidValue.class,
            () ->
                terms(
                    List.of("2026/2027"),
                    List.of(new QuotaPlan("2027/2028", Direction.SENDING_TO_RECEIVING, 1)),
                    null,
                    null));
    assertEquals("quotas", otherYear.term());
    assertThrows(
        InvalidValue.class,
        () ->
            terms(
                List.of("2026/2027"),
                List.of(
                    new QuotaPlan("2026/2027", Direction.SENDING_TO_RECEIVING, 1),
                    new QuotaPlan("2026/2027", Direction.SENDING_TO_RECEIVING, 2)),
                null,
                null));
  }

  @Test
  void theApplicationWindowMustNotCloseBeforeItOpens() {
    InvalidValue refused =
        assertThrows(
            InvalidValue.class,
            () ->
                terms(
                    List.of("2026/2027"),
                    List.of(),
                    LocalDate.of(2026, 5, 1),
                    LocalDate.of(2026, 4, 1)));
    assertEquals("applicationsCloseOn", refused.term());
    assertEquals(
        "applicationsCloseOn: must not be before applicationsOpenOn",
        DomainProblems.of(refused).getDetail());
  }

  @Test
  void nominationsNeedAnOpenProgrammeItsYearAndTheWindow() {
    Program p =
        Program.plan(
            UUID.randomUUID(),
            "W/1",
            ProgramKind.STUDENT_EXCHANGE,
            UUID.randomUUID(),
            QAU,
            BSU,
            terms(
                List.of("2026/2027"),
                List.of(),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 5, 31)),
            Set.of("qau.edu.pk", "bsu.by"),
            NOW);
    assertEquals(
        Program.NOT_TAKING_NOMINATIONS,
        refusal(() -> p.requireNominationsFor("2026/2027", LocalDate.of(2026, 4, 1), inForce(p))),
        "not open yet");
    p.open(NOW);
    p.requireNominationsFor("2026/2027", LocalDate.of(2026, 4, 1), inForce(p));
    p.requireNominationsFor("2026/2027", LocalDate.of(2026, 5, 31), inForce(p));
    assertEquals(
        Program.NOT_TAKING_NOMINATIONS,
        refusal(() -> p.requireNominationsFor("2026/2027", LocalDate.of(2026, 6, 1), inForce(p))),
        "window closed");
    assertEquals(
        Program.NOT_TAKING_NOMINATIONS,
        refusal(() -> p.requireNominationsFor("2026/2027", LocalDate.of(2026, 2, 28), inForce(p))),
        "window not open");
    InvalidValue otherYear =
        assertThrows(
            InvalidValue.class,
            () -> p.requireNominationsFor("2027/2028", LocalDate.of(2026, 4, 1), inForce(p)));
    assertEquals("academicYear", otherYear.term());
  }

  @Test
  void acceptancesContinueAfterNominationsCloseButNotWhileSuspended() {
    Program p = planned();
    assertEquals(Program.NOT_TAKING_ACCEPTANCES, refusal(() -> p.requireAcceptances(inForce(p))));
    p.open(NOW);
    p.requireAcceptances(inForce(p));
    p.close(NOW);
    p.requireAcceptances(inForce(p));
    p.suspend("x", false, NOW);
    assertEquals(Program.NOT_TAKING_ACCEPTANCES, refusal(() -> p.requireAcceptances(inForce(p))));
  }

  /**
   * Issue 17: a closed programme is not suspended with its agreement, and used to accept
   * participants under a terminated one. Whatever the programme's state, an agreement not in force
   * takes no new participant: neither a nomination nor an acceptance.
   */
  @Test
  void noNominationOrAcceptanceUnderAnAgreementNotInForceWhateverTheProgrammesState() {
    for (String agreementStatus : List.of("SUSPENDED", "TERMINATED", "EXPIRED")) {
      for (ProgramStatus status : ProgramStatus.values()) {
        Program p = inStatus(status);
        AgreementProjection ended = agreement(p, agreementStatus, "PUBLIC");
        String nominating =
            refusal(() -> p.requireNominationsFor("2026/2027", LocalDate.of(2026, 4, 1), ended));
        String accepting = refusal(() -> p.requireAcceptances(ended));
        assertEquals("agreement-not-in-force", nominating, status + " / " + agreementStatus);
        assertEquals("agreement-not-in-force", accepting, status + " / " + agreementStatus);
      }
    }
    Program closed = inStatus(ProgramStatus.CLOSED);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> closed.requireAcceptances(agreement(closed, "TERMINATED", "PUBLIC")));
    assertEquals(
        "Agreement T/1 is TERMINATED, not IN_FORCE", DomainProblems.of(refused).getDetail());
    RuleViolation hidden =
        assertThrows(
            RuleViolation.class,
            () -> closed.requireAcceptances(agreement(closed, "TERMINATED", "CONFIDENTIAL")));
    assertEquals(
        "The agreement is not in force",
        DomainProblems.of(hidden).getDetail(),
        "a confidential agreement's code and status are its parties' only");
    assertThrows(
        IllegalArgumentException.class,
        () -> closed.requireAcceptances(inForce(planned())),
        "the agreement asked about is the programme's own");
  }

  /** A programme accepted by both institutions, brought to {@code status}. */
  static Program inStatus(ProgramStatus status) {
    Program p = planned();
    switch (status) {
      case PLANNED -> {}
      case OPEN -> p.open(NOW);
      case CLOSED -> {
        p.open(NOW);
        p.close(NOW);
      }
      case SUSPENDED -> {
        p.open(NOW);
        p.suspend("x", false, NOW);
      }
      case COMPLETED -> {
        p.open(NOW);
        p.close(NOW);
        p.complete(NOW);
      }
    }
    assertEquals(status, p.status());
    return p;
  }

  /** The programme's agreement, in force. */
  static AgreementProjection inForce(Program p) {
    return agreement(p, "IN_FORCE", "PUBLIC");
  }

  static AgreementProjection agreement(Program p, String status, String visibility) {
    AgreementProjection a = new AgreementProjection(p.agreementId());
    a.reflect(
        "T/1",
        status,
        visibility,
        List.of(
            new PartyFact("most.gov.pk", "PK", "SIGNATORY", true, true),
            new PartyFact("gknt.gov.by", "BY", "SIGNATORY", true, true)),
        4,
        NOW);
    return a;
  }

  static String refusal(Runnable r) {
    return assertThrows(RuleViolation.class, r::run).rule();
  }

  @Test
  void homeAndHostFollowTheDirection() {
    Program p = planned();
    assertEquals(QAU, p.homeOf(Direction.SENDING_TO_RECEIVING));
    assertEquals(BSU, p.hostOf(Direction.SENDING_TO_RECEIVING));
    assertEquals(BSU, p.homeOf(Direction.RECEIVING_TO_SENDING));
    assertEquals(QAU, p.hostOf(Direction.RECEIVING_TO_SENDING));
  }
}
