package org.eurasia.registry.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityAttention;
import org.eurasia.registry.exchange.domain.MobilityChange;
import org.eurasia.registry.exchange.domain.MobilityCountFilter;
import org.eurasia.registry.exchange.domain.MobilityCountRow;
import org.eurasia.registry.exchange.domain.MobilityDimension;
import org.eurasia.registry.exchange.domain.MobilityFilter;
import org.eurasia.registry.exchange.domain.MobilityNotice;
import org.eurasia.registry.exchange.domain.MobilityPosition;
import org.eurasia.registry.exchange.domain.MobilityReading;
import org.eurasia.registry.exchange.domain.MobilityRepository;
import org.eurasia.registry.exchange.domain.MobilityTerms;
import org.eurasia.registry.exchange.domain.OrganizationProjection.Role;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.exchange.domain.Participant;
import org.eurasia.registry.exchange.domain.ParticipantErasure;
import org.eurasia.registry.exchange.domain.ParticipantRepository;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.ProgramRepository;
import org.eurasia.registry.exchange.domain.ProgramRepository.PlaceOutcome;
import org.eurasia.registry.exchange.domain.Reader;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.idempotency.IdempotentRequests;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;

/**
 * Mobility use cases. Either institution of the programme (or a registrar) nominates and follows a
 * mobility; only the host institution accepts or rejects it. Mobilities concern identifiable
 * people, so only the two institutions and registrars see them at all. Acceptance takes a place
 * from the quota in the same transaction as the status change. Nominations and acceptances need the
 * programme's agreement in force; running mobilities are flagged when it leaves force ({@link
 * #followAgreement}).
 */
@ApplicationScoped
@Transactional
public class MobilityService {

  @Inject MobilityRepository mobilities;

  @Inject ParticipantRepository participants;

  @Inject ProgramRepository programs;

  @Inject ProgramService programService;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject IdempotentRequests idempotency;

  /**
   * Fields of a mobility's history entries that held free text about the participant (events
   * published the reason until issue 24; diffs name it statusReason).
   */
  private static final List<String> ERASED_FIELDS = List.of("reason", "statusReason");

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Mobility> list(MobilityFilter filter, int limit, Cursor after) {
    String involved = null;
    if (!caller.isRegistrar()) {
      involved =
          caller
              .organization()
              .orElseThrow(
                  () ->
                      ProblemException.forbidden(
                          "Mobilities are listed only to the institutions involved; the token names no organization"));
    }
    MobilityPosition position =
        after == null ? null : new MobilityPosition(after.instant(0), after.uuid(1));
    return Slice.fromOverfetch(
        mobilities.search(filter, involved, position, limit + 1),
        limit,
        m -> Cursor.of(m.createdAt().toString(), m.id().toString()));
  }

  /**
   * A mobility the caller is involved in with its participant, read together: what {@code GET
   * /mobilities/{id}} shows. For anyone else it does not exist.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public MobilityReading read(UUID id) {
    return mobilities
        .findReading(id)
        .filter(r -> caller.mayActForAny(r.mobility().institutionCodes()))
        .orElseThrow(() -> ProblemException.notFound("Mobility", id));
  }

  /** A mobility the caller is involved in; for anyone else it does not exist. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Mobility get(UUID id) {
    return mobilities
        .findByIdOptional(id)
        .filter(m -> caller.mayActForAny(m.institutionCodes()))
        .orElseThrow(() -> ProblemException.notFound("Mobility", id));
  }

  /** Who changed the mobility, oldest first: for its institutions and registrars (else 404). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    Mobility mobility = get(id);
    return changeLog.history(MobilityNotice.AGGREGATE_TYPE, mobility.id().toString(), after, limit);
  }

  /**
   * The participant's personal data, unless erased; only callers who may see the mobility get here.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Participant> participantOf(Mobility mobility) {
    return participants.findByIdOptional(mobility.participantId());
  }

  /**
   * Nominates under a programme: one the caller may not see is answered like an unknown id (the
   * unknown-reference problem naming {@code programId}); one it sees but is not an accepted
   * institution of is a 403; only then its agreement (in force), the programme's state and terms,
   * and its two institutions, which the mobility names as home and host: neither may have been
   * retired since the programme named it (422 {@code institution-retired}).
   */
  public Mobility nominate(UUID programId, MobilityTerms terms, PersonalData person) {
    Program program =
        programService
            .readable(programId)
            .orElseThrow(
                () ->
                    ProblemException.unknownReference(
                        "programId", "Programme " + programId + " is not known"));
    caller.requireMayActForAny(program.acceptedInstitutionCodes());
    program.requireNominationsFor(
        terms.academicYear(), today(), programService.agreementForCommand(program));
    organizations.nameable(
        Role.INSTITUTION, "homeInstitution", program.homeOf(terms.direction()).code());
    organizations.nameable(
        Role.INSTITUTION, "hostInstitution", program.hostOf(terms.direction()).code());
    if (!programs.hasQuota(program.id(), terms.academicYear(), terms.direction())) {
      throw ProblemException.ruleViolated(
          "no-quota",
          "Programme "
              + program.code()
              + " has no quota for "
              + terms.academicYear()
              + " "
              + terms.direction());
    }
    Instant now = clock.instant();
    Participant participant =
        new Participant(
            UUID.randomUUID(), person.givenName(), person.familyName(), person.email(), now);
    participants.persist(participant);
    Mobility mobility = Mobility.nominate(UUID.randomUUID(), program, terms, participant.id(), now);
    mobilities.persist(mobility);
    return announce(MobilityChange.NOMINATED, mobility);
  }

  /**
   * Accepts for the host institution, while the programme's agreement is in force (whatever the
   * programme's state). The place is taken first, by a conditional UPDATE on the quota row: when
   * the quota is full the request ends with 409 and nothing changes; when it succeeds, the status
   * change and the event commit with it or not at all.
   */
  public Mobility accept(UUID id, ExpectedVersion expected) {
    Mobility mobility = get(id);
    caller.requireMayActFor(mobility.hostInstitution());
    expected.check(mobility.version());
    Program program = programs.findById(mobility.programId());
    program.requireAcceptances(programService.agreementForCommand(program));
    MobilityChange change = mobility.accept(clock.instant());
    PlaceOutcome place =
        programs.takePlace(program.id(), mobility.academicYear(), mobility.direction());
    if (place == PlaceOutcome.FULL) {
      throw ProblemException.conflict(
          "The quota of programme "
              + program.code()
              + " for "
              + mobility.academicYear()
              + " "
              + mobility.direction()
              + " is full");
    }
    if (place == PlaceOutcome.NO_QUOTA) {
      throw ProblemException.ruleViolated(
          "no-quota",
          "Programme "
              + program.code()
              + " no longer has a quota for "
              + mobility.academicYear()
              + " "
              + mobility.direction());
    }
    return announce(change, mobility);
  }

  public Mobility reject(UUID id, ExpectedVersion expected, String reason) {
    Mobility mobility = get(id);
    caller.requireMayActFor(mobility.hostInstitution());
    expected.check(mobility.version());
    return announce(mobility.reject(reason, clock.instant()), mobility);
  }

  /*
   * Start, completion and cancellation are for the mobility's two institutions and registrars: exactly who may see it,
   * so get(id) — 404 for anyone else, before any state rule — is also the rights check.
   */

  public Mobility start(UUID id, ExpectedVersion expected, LocalDate on) {
    Mobility mobility = get(id);
    expected.check(mobility.version());
    return announce(mobility.start(on == null ? today() : on, clock.instant()), mobility);
  }

  public Mobility complete(
      UUID id, ExpectedVersion expected, LocalDate on, boolean recognized, Integer ectsCredits) {
    Mobility mobility = get(id);
    expected.check(mobility.version());
    return announce(
        mobility.complete(on == null ? today() : on, recognized, ectsCredits, clock.instant()),
        mobility);
  }

  public Mobility cancel(UUID id, ExpectedVersion expected, String reason) {
    Mobility mobility = get(id);
    expected.check(mobility.version());
    if (mobility.cancel(reason, clock.instant())) {
      programs.releasePlace(mobility.programId(), mobility.academicYear(), mobility.direction());
    }
    return announce(MobilityChange.CANCELLED, mobility);
  }

  /**
   * Follows a new state of an agreement to the mobilities under its programmes (from its events, in
   * the consumer's transaction, after {@link ProgramService#followAgreement}): when it is no longer
   * in force — it left force, or ended another way since — each running mobility is flagged for its
   * institutions' attention; when it returns to force, every flag it caused is cleared. Each change
   * is its own mobility event. A system action: no caller to authorize.
   *
   * @param endedOn the end date the agreement's event states (termination, expiry), if any
   * @return how many mobilities changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int followAgreement(
      AgreementProjection agreement, String previousStatus, LocalDate endedOn) {
    if (previousStatus == null || previousStatus.equals(agreement.status())) {
      return 0;
    }
    Instant now = clock.instant();
    int changed = 0;
    if (!agreement.isInForce()) {
      MobilityAttention attention =
          MobilityAttention.agreementNotInForce(agreement, endedOn, today());
      for (Mobility mobility : mobilities.runningUnderAgreement(agreement.agreementId())) {
        MobilityChange change = mobility.flag(attention, now);
        if (change != null) {
          announce(change, mobility);
          changed++;
        }
      }
    } else {
      for (Mobility mobility : mobilities.flaggedUnderAgreement(agreement.agreementId())) {
        announce(mobility.clearAttention(now), mobility);
        changed++;
      }
    }
    return changed;
  }

  /**
   * Everything held about a participant, for their institution or a registrar to hand over (the
   * right of access): their personal data, unless erased, and their mobilities. Anyone else, and an
   * unknown id, gets 404.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ParticipantRecord export(UUID participantId) {
    List<Mobility> theirs = mobilities.ofParticipant(participantId);
    boolean involved =
        caller.isRegistrar()
            || theirs.stream().anyMatch(m -> caller.mayActForAny(m.institutionCodes()));
    if (theirs.isEmpty() || !involved) {
      throw ProblemException.notFound("Participant", participantId);
    }
    return new ParticipantRecord(
        participantId, participants.findByIdOptional(participantId), theirs);
  }

  /** A participant's personal data (empty once erased) and their mobilities, oldest first. */
  public record ParticipantRecord(
      UUID participantId, Optional<Participant> person, List<Mobility> mobilities) {}

  /**
   * Erases a participant's personal data on request (the right to erasure). Either institution of
   * any of their mobilities, or a registrar, may do it; the mobilities stay, with the pseudonymous
   * id only, so they count in statistics as before. Erasure reaches every copy: the participant
   * row, the free texts of their mobilities, the remembered responses of retried requests about
   * them, and the reasons earlier history entries and events recorded; a tombstone event tells
   * consumers and the change feed to drop theirs.
   *
   * @return false when there was nothing left to erase
   */
  public boolean erase(UUID participantId) {
    List<Mobility> theirs = mobilities.ofParticipant(participantId);
    boolean involved =
        caller.isRegistrar()
            || theirs.stream().anyMatch(m -> caller.mayActForAny(m.institutionCodes()));
    if (!involved) {
      throw ProblemException.notFound("Participant", participantId);
    }
    boolean held = participants.deleteById(participantId);
    int texts = mobilities.forgetFreeTextsOf(participantId);
    if (!held && texts == 0) {
      return false;
    }
    List<String> mobilityIds = theirs.stream().map(m -> m.id().toString()).toList();
    List<String> mentions = new ArrayList<>(mobilityIds);
    mentions.add(participantId.toString());
    idempotency.forgetResponsesMentioning(mentions);
    changeLog.erase(MobilityNotice.AGGREGATE_TYPE, mobilityIds, ERASED_FIELDS);
    // Each mobility's history records who erased it, and when.
    for (Mobility mobility : theirs) {
      changeLog.append(
          MobilityNotice.AGGREGATE_TYPE,
          mobility.id().toString(),
          mobility.version(),
          Map.of("participantId", participantId.toString(), "personalData", "erased"));
    }
    outbox.announce(() -> ParticipantErasure.of(participantId, theirs, clock.instant()));
    return true;
  }

  /**
   * Counts per country pair, year and kind, per status, over the mobilities the caller may see
   * counted. For anonymous callers the answer depends only on the arguments and is immutable, so
   * they share it until the data changes.
   */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MobilityCountRow> statistics(MobilityCountFilter filter) {
    return mobilities.count(filter, statisticsReader());
  }

  /**
   * How many mobilities have each value of a dimension, largest first, over the same mobilities as
   * {@link #statistics}; shared among anonymous callers like it.
   */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> statistics(MobilityDimension groupBy, MobilityCountFilter filter) {
    return mobilities.countBy(groupBy, filter, statisticsReader());
  }

  /** Whether the caller may read every mobility a count could hold (a registrar). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean readsEveryMobility() {
    return caller.isRegistrar();
  }

  private Reader statisticsReader() {
    return caller.isRegistrar() ? null : new Reader(caller.organization().orElse(null));
  }

  /** Records the change's notice; the outbox flushes first, so it carries the row's new version. */
  private Mobility announce(MobilityChange change, Mobility mobility) {
    outbox.announce(() -> MobilityNotice.of(change, mobility));
    return mobility;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The personal data a nomination carries; stored apart from the mobility and never published. */
  public record PersonalData(String givenName, String familyName, String email) {}
}
