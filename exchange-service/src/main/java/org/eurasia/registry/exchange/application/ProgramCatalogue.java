package org.eurasia.registry.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.AgreementProjection.PartyFact;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.MobilityRepository;
import org.eurasia.registry.exchange.domain.OrganizationProjection;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.ProgramChange;
import org.eurasia.registry.exchange.domain.ProgramEligibility;
import org.eurasia.registry.exchange.domain.ProgramEvent;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramRepository;
import org.eurasia.registry.exchange.domain.ProgramRepository.ProgramFilter;
import org.eurasia.registry.exchange.domain.ProgramRepository.Reader;
import org.eurasia.registry.exchange.domain.ProgramStatus;
import org.eurasia.registry.exchange.domain.Quota;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * Programme use cases. A partner manages only programmes where its organization is the sending or receiving
 * institution; a registrar manages all. Creating and opening follow {@link ProgramEligibility}; an agreement that stops
 * being in force suspends its open programmes ({@link #followAgreement}), each change announced through the outbox.
 */
@ApplicationScoped
@Transactional
public class ProgramCatalogue {

  @Inject ProgramRepository programs;

  @Inject MobilityRepository mobilities;

  @Inject AgreementProjectionRepository agreements;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Program> list(ProgramFilter filter, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(programs.search(filter, reader(), afterCode, limit + 1), limit, p -> Cursor.of(p.code()));
  }

  /** A programme the caller may see: one under a confidential agreement is a 404 for non-parties, like an unknown id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Program get(UUID id) {
    return programs.findByIdOptional(id).filter(this::visible).orElseThrow(() -> ProblemException.notFound("Programme", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Quota> quotas(UUID programId) {
    return programs.quotas(programId);
  }

  /** Planned versus actual: per year and direction, places against nominated, accepted and completed mobilities. */
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
      use.add(new QuotaUse(q.academicYear(), q.direction(), q.places(), counts[0], counts[1], counts[2]));
    }
    // Mobilities in a year or direction whose quota was later removed still count as actuals.
    progress.forEach((key, counts) -> {
      if (!seen.contains(key)) {
        String[] parts = key.split(" ");
        use.add(new QuotaUse(parts[0], Direction.valueOf(parts[1]), 0, counts[0], counts[1], counts[2]));
      }
    });
    return use;
  }

  public Program create(String code, NewProgram request) {
    caller.requireMayActForAny(List.of(request.sendingInstitution(), request.receivingInstitution()));
    if (programs.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A programme with code '" + code + "' already exists");
    }
    ProgramEligibility.Covered covered = eligibility(request.agreementId(), request.sendingInstitution(), request.receivingInstitution());
    Program program =
        Program.plan(UUID.randomUUID(), code, request.kind(), request.agreementId(), covered.sending(), covered.receiving(), request.terms(), clock.instant());
    programs.persist(program);
    programs.replaceQuotas(program.id(), request.terms().quotas());
    return announce(ProgramChange.CREATED, program);
  }

  public Program revise(UUID id, ExpectedVersion expected, Program.Terms terms) {
    Program program = manageable(id, expected);
    ProgramChange change = program.revise(terms, clock.instant());
    programs.replaceQuotas(program.id(), terms.quotas());
    return announce(change, program);
  }

  public Program open(UUID id, ExpectedVersion expected) {
    Program program = manageable(id, expected);
    // Opening checks again: the agreement may have left force, or an institution its coverage, since creation.
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
    if (program.statusAfterResume() == ProgramStatus.OPEN || program.statusAfterResume() == ProgramStatus.PLANNED) {
      ProgramEligibility.requireInForce(agreement(program.agreementId()));
    }
    return announce(program.resume(clock.instant()), program);
  }

  /**
   * Reacts to a new state of an agreement (from its events, in the consumer's transaction): leaving force suspends its
   * open programmes; returning to force resumes those it had suspended. A system action: no caller to authorize.
   *
   * @return how many programmes changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int followAgreement(AgreementProjection agreement, String previousStatus) {
    boolean wasInForce = "IN_FORCE".equals(previousStatus);
    int changed = 0;
    if (wasInForce && !agreement.isInForce()) {
      String reason = "Agreement " + agreement.code() + " is " + agreement.status();
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

  private ProgramEligibility.Covered eligibility(UUID agreementId, String sending, String receiving) {
    var agreement = agreements.findByIdOptional(agreementId);
    Set<String> codes = new HashSet<>(List.of(sending, receiving));
    agreement.ifPresent(a -> a.parties().stream().map(PartyFact::organizationCode).forEach(codes::add));
    Map<String, OrganizationProjection> known = organizations.byCodes(codes);
    return ProgramEligibility.check(agreementId, agreement, sending, receiving, known);
  }

  private AgreementProjection agreement(UUID agreementId) {
    return agreements
        .findByIdOptional(agreementId)
        .orElseThrow(() -> ProblemException.unknownReference("agreementId", "Agreement " + agreementId + " is not known to exchange-service"));
  }

  /** Loads a programme the caller may see and manage, at the version the caller based the change on. */
  private Program manageable(UUID id, ExpectedVersion expected) {
    Program program = get(id);
    caller.requireMayActForAny(program.institutionCodes());
    expected.check(program.version());
    return program;
  }

  private Program announce(ProgramChange change, Program program) {
    // Flush so the event carries the row's new version.
    programs.flush();
    outbox.record(ProgramEvent.of(change, program, programs.quotas(program.id())));
    return program;
  }

  private boolean visible(Program program) {
    if (caller.isRegistrar() || caller.mayActForAny(program.institutionCodes())) {
      return true;
    }
    AgreementProjection agreement = agreements.findById(program.agreementId());
    return agreement == null || !agreement.isConfidential() || caller.mayActForAny(agreement.partyCodes());
  }

  private Reader reader() {
    return caller.isRegistrar() ? null : new Reader(caller.organization().orElse(null));
  }

  /** A new programme: what the partner proposes, before eligibility is checked. */
  public record NewProgram(
      ProgramKind kind, UUID agreementId, String sendingInstitution, String receivingInstitution, Program.Terms terms) {}

  /** Places against the mobilities a year and direction has seen. */
  public record QuotaUse(
      String academicYear, Direction direction, Integer places, long nominated, long accepted, long completed) {}
}
