package org.eurasia.registry.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.client.PartyFact;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.MobilityRepository;
import org.eurasia.registry.exchange.domain.OrganizationProjection;
import org.eurasia.registry.exchange.domain.OrganizationProjection.Role;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.ProgramChange;
import org.eurasia.registry.exchange.domain.ProgramEligibility;
import org.eurasia.registry.exchange.domain.ProgramFilter;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramNotice;
import org.eurasia.registry.exchange.domain.ProgramPosition;
import org.eurasia.registry.exchange.domain.ProgramRepository;
import org.eurasia.registry.exchange.domain.ProgramStatus;
import org.eurasia.registry.exchange.domain.ProgramTerms;
import org.eurasia.registry.exchange.domain.Quota;
import org.eurasia.registry.exchange.domain.Reader;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.security.Caller;

/**
 * Programme use cases. A partner manages only programmes its organization accepted as the sending
 * or receiving institution; a registrar manages all. Creating and opening follow {@link
 * ProgramEligibility}; an agreement that stops being in force suspends its open programmes ({@link
 * #followAgreement}), each change announced through the outbox.
 *
 * <p>Every id a request names is checked for the caller's right on it before any rule about its
 * state: an agreement the caller may not read is answered like an unknown one, a programme it may
 * not see is a 404 like a missing one.
 */
@ApplicationScoped
@Transactional
public class ProgramService {

  @Inject ProgramRepository programs;

  @Inject MobilityRepository mobilities;

  @Inject AgreementProjectionRepository agreements;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Program> list(ProgramFilter filter, int limit, Cursor after) {
    ProgramPosition position =
        after == null ? null : new ProgramPosition(after.code(0), after.uuid(1));
    return Slice.fromOverfetch(
        programs.search(filter, reader(), position, limit + 1),
        limit,
        p -> Cursor.of(p.code(), p.id().toString()));
  }

  /**
   * A programme the caller may see: one under a confidential agreement is a 404 for non-parties,
   * like an unknown id.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Program get(UUID id) {
    return readable(id).orElseThrow(() -> ProblemException.notFound("Programme", id));
  }

  /** The programme, when it exists and the caller may see it; empty alike for both other cases. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Program> readable(UUID id) {
    return programs.findByIdOptional(id).filter(this::visible);
  }

  /**
   * Who changed the programme, oldest first: for whoever may read it (else 404, as {@link #get}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    Program program = get(id);
    return changeLog.history(ProgramNotice.AGGREGATE_TYPE, program.id().toString(), after, limit);
  }

  /** Whether the programme's agreement is in force as this service knows it (no lock: a read). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean agreementInForce(Program program) {
    return agreements
        .findByIdOptional(program.agreementId())
        .map(AgreementProjection::isInForce)
        .orElse(false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Quota> quotas(UUID programId) {
    return programs.quotas(programId);
  }

  /**
   * Planned versus actual: per year and direction, places against nominated, accepted and completed
   * mobilities.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<QuotaUse> quotaUse(UUID programId) {
    Program program = get(programId);
    Map<String, long[]> progress = mobilities.progress(program.id());
    List<QuotaUse> use = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Quota q : programs.quotas(program.id())) {
      String key = q.academicYear() + " " + q.direction();
      seen.add(key);
      long[] counts = progress.getOrDefault(key, new long[3]);
      use.add(
          new QuotaUse(
              q.academicYear(), q.direction(), q.places(), counts[0], counts[1], counts[2]));
    }
    // Mobilities in a year or direction whose quota was later removed still count as actuals.
    progress.forEach(
        (key, counts) -> {
          if (!seen.contains(key)) {
            String[] parts = key.split(" ");
            use.add(
                new QuotaUse(
                    parts[0], Direction.valueOf(parts[1]), 0, counts[0], counts[1], counts[2]));
          }
        });
    return use;
  }

  /**
   * Creates a programme, in this order: the caller acts for one of the two institutions (else 403);
   * the agreement is one the caller may read (else the unknown-reference answer an unknown id
   * gets); the caller's own organization is covered by it (else 403); the code is free under this
   * agreement (else 409 — every programme under a readable agreement is readable, so this confirms
   * nothing hidden); then {@link ProgramEligibility}. The creator's own institution accepts by
   * creating; a registrar's creation binds both, since a registrar acts for every organization.
   */
  public Program create(String code, NewProgram request) {
    String sending = request.sendingInstitution();
    String receiving = request.receivingInstitution();
    caller.requireMayActForAny(List.of(sending, receiving));
    AgreementProjection agreement = readableAgreement(request.agreementId());
    Map<String, OrganizationProjection> known = organizationsFor(agreement, sending, receiving);
    Set<String> acceptedBy;
    if (caller.isRegistrar()) {
      acceptedBy = Set.of(sending, receiving);
    } else {
      String own = caller.organization().orElseThrow();
      if (!ProgramEligibility.covers(agreement, own, known)) {
        throw ProblemException.forbidden(
            "'"
                + own
                + "' is not covered by agreement "
                + agreement.agreementId()
                + ": it is neither a consenting party nor an institution of a consenting party state, so it may not run programmes under it");
      }
      acceptedBy = Set.of(own);
    }
    if (programs.findByAgreementAndCode(agreement.agreementId(), code).isPresent()) {
      throw ProblemException.conflict(
          "A programme with code '"
              + code
              + "' already exists under agreement "
              + agreement.agreementId());
    }
    ProgramEligibility.Covered covered =
        ProgramEligibility.forNewProgramme(
            agreement.agreementId(), Optional.of(agreement), sending, receiving, known);
    Program program =
        Program.plan(
            UUID.randomUUID(),
            code,
            request.kind(),
            agreement.agreementId(),
            covered.sending(),
            covered.receiving(),
            request.terms(),
            acceptedBy,
            clock.instant());
    programs.persist(program);
    programs.replaceQuotas(program.id(), request.terms().quotas());
    return announce(ProgramChange.CREATED, program);
  }

  /**
   * An institution named by the programme accepts it: its own partner, or a registrar recording it.
   * The programme must be visible (404 first); acting for another organization, or for one the
   * programme does not name, is a 403 (a registrar naming such an organization gets 422 {@code
   * not-named}); an organization retired since the programme named it may not bind itself any more
   * (422 {@code institution-retired}); accepting twice a 409.
   */
  public Program accept(UUID id, ExpectedVersion expected, String organizationCode) {
    if (expected == ExpectedVersion.any()) {
      // An acceptance binds the terms the institution read: the version it read must be named.
      throw new ProblemException(
          Problem.of(
              ProblemType.PRECONDITION_REQUIRED,
              "An acceptance binds one version of the programme's terms: send that version's ETag in If-Match (not *)"));
    }
    Program program = get(id);
    caller.requireMayActFor(organizationCode);
    if (!caller.isRegistrar() && !program.institutionCodes().contains(organizationCode)) {
      // A partner whose organization the programme does not name has no right on it at all (a
      // registrar recording a
      // wrong organization gets the rule below instead).
      throw ProblemException.forbidden(
          "'" + organizationCode + "' is not an institution of programme " + program.code());
    }
    expected.check(program.version());
    // An organization the programme does not name gets the programme's own rule (not-named) below.
    if (program.institutionCodes().contains(organizationCode)) {
      organizations.nameable(Role.INSTITUTION, "organizationCode", organizationCode);
    }
    return announce(program.accept(organizationCode, clock.instant()), program);
  }

  public Program revise(UUID id, ExpectedVersion expected, ProgramTerms terms) {
    Program program = manageable(id, expected);
    ProgramChange change = program.revise(terms, clock.instant());
    // New terms before the programme ran: the other institution accepted the old ones, so it is
    // invited again.
    program.keepAcceptancesOf(
        caller.isRegistrar()
            ? program.institutionCodes()
            : caller.organization().stream().toList());
    programs.replaceQuotas(program.id(), terms.quotas());
    return announce(change, program);
  }

  public Program open(UUID id, ExpectedVersion expected) {
    Program program = manageable(id, expected);
    // Opening checks again: the agreement may have left force, or an institution its coverage,
    // since creation.
    eligibility(program.agreementId(), program.sending().code(), program.receiving().code());
    return announce(program.open(clock.instant()), program);
  }

  public Program close(UUID id, ExpectedVersion expected) {
    Program program = manageable(id, expected);
    return announce(program.close(clock.instant()), program);
  }

  public Program complete(UUID id, ExpectedVersion expected) {
    Program program = manageable(id, expected);
    return announce(program.complete(clock.instant()), program);
  }

  public Program suspend(UUID id, ExpectedVersion expected, String reason) {
    Program program = manageable(id, expected);
    return announce(program.suspend(reason, false, clock.instant()), program);
  }

  public Program resume(UUID id, ExpectedVersion expected) {
    Program program = manageable(id, expected);
    if (program.statusAfterResume() == ProgramStatus.OPEN
        || program.statusAfterResume() == ProgramStatus.PLANNED) {
      ProgramEligibility.requireInForce(agreementForCommand(program));
    }
    return announce(program.resume(clock.instant()), program);
  }

  /**
   * Reacts to a new state of an agreement (from its events, in the consumer's transaction): leaving
   * force suspends its open programmes; returning to force resumes those it had suspended. Planned
   * and closed programmes keep their status: what they may no longer do (open, reopen, accept
   * participants) is refused while the agreement is not in force. A system action: no caller to
   * authorize.
   *
   * @return how many programmes changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int followAgreement(AgreementProjection agreement, String previousStatus) {
    boolean wasInForce = "IN_FORCE".equals(previousStatus);
    int changed = 0;
    if (wasInForce && !agreement.isInForce()) {
      // The programme's institutions read this reason; a confidential agreement's code and status
      // are not theirs to read.
      String reason =
          agreement.isConfidential()
              ? "The agreement is no longer in force"
              : "Agreement " + agreement.code() + " is " + agreement.status();
      for (Program program : programs.underAgreement(agreement.agreementId(), ProgramStatus.OPEN)) {
        announce(program.suspend(reason, true, clock.instant()), program);
        changed++;
      }
    } else if (!wasInForce && agreement.isInForce()) {
      for (Program program : programs.suspendedByAgreement(agreement.agreementId())) {
        announce(program.resume(clock.instant()), program);
        changed++;
      }
    }
    return changed;
  }

  /**
   * The agreement a programme runs under, held for the rest of the transaction ({@link
   * AgreementProjectionRepository#findForCommand}): for a command that needs it in force, so that
   * the command and the agreement leaving force are serialised and the reaction to the latter sees
   * what the former did.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AgreementProjection agreementForCommand(Program program) {
    return agreements
        .findForCommand(program.agreementId())
        .orElseThrow(() -> ProgramEligibility.unknownAgreement(program.agreementId()));
  }

  private ProgramEligibility.Covered eligibility(
      UUID agreementId, String sending, String receiving) {
    var agreement = agreements.findForCommand(agreementId);
    Map<String, OrganizationProjection> known =
        organizationsFor(agreement.orElse(null), sending, receiving);
    return ProgramEligibility.forExistingProgramme(
        agreementId, agreement, sending, receiving, known);
  }

  /** The known organizations among the institutions and the agreement's parties, by code. */
  private Map<String, OrganizationProjection> organizationsFor(
      AgreementProjection agreement, String... institutions) {
    Set<String> codes = new HashSet<>(List.of(institutions));
    if (agreement != null) {
      agreement.parties().stream().map(PartyFact::organizationCode).forEach(codes::add);
    }
    return organizations.byCodes(codes);
  }

  /**
   * An agreement the caller may name: a public one, or a confidential one it is a party to
   * (registrars: any). Any other id — unknown, or confidential to others — gets one and the same
   * answer.
   */
  private AgreementProjection readableAgreement(UUID agreementId) {
    return agreements
        .findByIdOptional(agreementId)
        .filter(a -> caller.isRegistrar() || a.isReadableBy(caller.organization().orElse(null)))
        .orElseThrow(() -> ProgramEligibility.unknownAgreement(agreementId));
  }

  /**
   * Loads a programme the caller may see (404 first) and manage, at the version the caller based
   * the change on. Only an institution that accepted the programme manages it: being named gives no
   * rights.
   */
  private Program manageable(UUID id, ExpectedVersion expected) {
    Program program = get(id);
    if (!caller.mayActForAny(program.acceptedInstitutionCodes())) {
      String own = caller.organization().orElse(null);
      if (own != null && program.pendingInstitutionCodes().contains(own)) {
        throw ProblemException.forbidden(
            "'"
                + own
                + "' is invited to programme "
                + program.code()
                + " but has not accepted it: it manages the programme once it accepts");
      }
      caller.requireMayActForAny(program.acceptedInstitutionCodes());
    }
    expected.check(program.version());
    return program;
  }

  /**
   * Records the change's notice; the outbox flushes first, so it carries the row's new version and
   * quotas.
   */
  private Program announce(ProgramChange change, Program program) {
    outbox.announce(
        () ->
            ProgramNotice.of(
                change,
                program,
                programs.quotas(program.id()),
                agreements.findById(program.agreementId())));
    return program;
  }

  private boolean visible(Program program) {
    if (caller.isRegistrar() || caller.mayActForAny(program.institutionCodes())) {
      return true;
    }
    // The rule the feed and webhooks filter the programme's notices by.
    Audience audience = program.audience(agreements.findById(program.agreementId()));
    return audience.open() || caller.mayActForAny(audience.organizations());
  }

  private Reader reader() {
    return caller.isRegistrar() ? null : new Reader(caller.organization().orElse(null));
  }

  /** A new programme: what the partner proposes, before eligibility is checked. */
  public record NewProgram(
      ProgramKind kind,
      UUID agreementId,
      String sendingInstitution,
      String receivingInstitution,
      ProgramTerms terms) {}

  /** Places against the mobilities a year and direction has seen. */
  public record QuotaUse(
      String academicYear,
      Direction direction,
      // Answered as is: a year and direction the terms set no quota for has none.
      @Schema(nullable = true, description = "Places the terms plan; null when they set none.")
          Integer places,
      long nominated,
      long accepted,
      long completed) {}
}
