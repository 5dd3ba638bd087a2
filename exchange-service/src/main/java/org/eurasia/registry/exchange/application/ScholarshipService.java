package org.eurasia.registry.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityRepository;
import org.eurasia.registry.exchange.domain.OrganizationProjection.Role;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.Scholarship;
import org.eurasia.registry.exchange.domain.ScholarshipApplication;
import org.eurasia.registry.exchange.domain.ScholarshipApplicationNotice;
import org.eurasia.registry.exchange.domain.ScholarshipAward;
import org.eurasia.registry.exchange.domain.ScholarshipAwardNotice;
import org.eurasia.registry.exchange.domain.ScholarshipNotice;
import org.eurasia.registry.exchange.domain.ScholarshipRepository;
import org.eurasia.registry.exchange.domain.ScholarshipTerms;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * Scholarships: a funder (or a registrar) sets one up, revises its terms, closes it, and awards it
 * to accepted mobilities. Never more awards than the scholarship has: the count is taken by one
 * conditional UPDATE in the award's own transaction. Every change is announced through the outbox:
 * the scholarship's own (created, updated, closed), each application and each award.
 *
 * <p>Mobilities concern identifiable people and belong to their two institutions, so a funder
 * awards only with an institution's consent: an institution applies for the scholarship for its
 * mobility ({@link #apply}), which shows the mobility to the funder; a funder that is itself an
 * institution of the mobility consents by awarding. Any other mobility id gets the answer an
 * unknown one gets, saying nothing about the mobility.
 */
@ApplicationScoped
@Transactional
public class ScholarshipService {

  @Inject ScholarshipRepository scholarships;

  @Inject MobilityRepository mobilities;

  @Inject ProgramService programService;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Scholarship> list(String funder, String currency, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(
        scholarships.page(funder, currency, afterCode, limit + 1), limit, s -> Cursor.of(s.code()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Scholarship get(UUID id) {
    return scholarships
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Scholarship", id));
  }

  /** Who changed the scholarship, oldest first: open to all, like the scholarship. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    Scholarship scholarship = get(id);
    return changeLog.history(
        ScholarshipNotice.AGGREGATE_TYPE, scholarship.id().toString(), after, limit);
  }

  public Scholarship fund(String code, String funder, ScholarshipTerms terms) {
    caller.requireMayActFor(funder);
    organizations.nameable(Role.FUNDER, "funder", funder);
    if (scholarships.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A scholarship with code '" + code + "' already exists");
    }
    Scholarship scholarship =
        Scholarship.fund(UUID.randomUUID(), code, funder, terms, clock.instant());
    scholarships.persist(scholarship);
    outbox.announce(() -> ScholarshipNotice.created(scholarship));
    return scholarship;
  }

  /**
   * Replaces the terms of an open scholarship (its funder's partner, or a registrar), at the
   * version the caller read; under the row lock awards take, so it never offers fewer awards than
   * are made.
   */
  public Scholarship revise(UUID id, ExpectedVersion expected, ScholarshipTerms terms) {
    Scholarship scholarship = lockedForFunder(id, expected);
    scholarship.revise(terms, clock.instant());
    outbox.announce(() -> ScholarshipNotice.updated(scholarship));
    return scholarship;
  }

  /**
   * Closes a scholarship (its funder's partner, or a registrar): no more applications or awards;
   * those made stay.
   */
  public Scholarship close(UUID id, ExpectedVersion expected) {
    Scholarship scholarship = lockedForFunder(id, expected);
    scholarship.close(clock.instant());
    outbox.announce(() -> ScholarshipNotice.closed(scholarship));
    return scholarship;
  }

  /**
   * An institution of the mobility applies for the scholarship for it (its partner, or a
   * registrar). The mobility must be one the caller sees — its institutions, a registrar — else the
   * unknown-reference answer an unknown id gets; then the scholarship's eligibility (the applicant
   * sees its own mobility, so the problem may speak of it); 409 when it applied already; a retired
   * applying institution may not apply any more (422 {@code institution-retired}). Announced like
   * an award: the application is its own aggregate.
   */
  public ApplicationSeen apply(UUID scholarshipId, UUID mobilityId) {
    Scholarship scholarship = get(scholarshipId);
    Mobility mobility =
        mobilities
            .findByIdOptional(mobilityId)
            .filter(m -> caller.mayActForAny(m.institutionCodes()))
            .orElseThrow(() -> unknownMobility(mobilityId));
    // A registrar records the application for the home institution, whose participant it is.
    String institution =
        caller.isRegistrar() ? mobility.homeInstitution() : caller.organization().orElseThrow();
    organizations.nameable(Role.INSTITUTION, "appliedBy", institution);
    scholarship.requireAwarding();
    scholarship.requireEligible(mobility);
    if (scholarships.applied(scholarshipId, mobilityId)) {
      throw ProblemException.conflict(
          "Mobility " + mobilityId + " has already applied for scholarship " + scholarship.code());
    }
    ScholarshipApplication application =
        ScholarshipApplication.apply(
            UUID.randomUUID(), scholarship, mobility, institution, clock.instant());
    scholarships.persistApplication(application);
    // An application never changes (version 0): its notice needs no flush first.
    outbox.record(ScholarshipApplicationNotice.of(application, scholarship, mobility));
    return seen(application);
  }

  /**
   * A scholarship's applications, oldest first: all of them for its funder's partner or a
   * registrar; for any other partner, those for mobilities its organization is an institution of
   * (mobilities it sees anyway).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ApplicationSeen> applications(UUID scholarshipId, int limit, Cursor after) {
    Scholarship scholarship = get(scholarshipId);
    String involved =
        caller.mayActFor(scholarship.funder()) ? null : caller.organization().orElse("");
    return Slice.fromOverfetch(
            scholarships.applications(
                scholarshipId,
                involved,
                after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1),
                limit + 1),
            limit,
            a -> Cursor.of(a.appliedAt().toString(), a.id().toString()))
        .map(this::seen);
  }

  /**
   * Awards the scholarship to an accepted mobility, in this order: the scholarship exists (404);
   * the caller acts for its funder (403); the mobility is one the funder may award — an application
   * for this scholarship exists, or the funder is an institution of the mobility (a registrar: any)
   * — else the unknown-reference answer an unknown id gets; eligibility; once per mobility; then
   * one award is taken (409 when none is left), recorded and announced, all in one transaction.
   */
  public ScholarshipAward award(UUID scholarshipId, UUID mobilityId) {
    Scholarship scholarship = get(scholarshipId);
    caller.requireMayActFor(scholarship.funder());
    Mobility mobility =
        mobilities
            .findByIdOptional(mobilityId)
            .filter(
                m ->
                    caller.isRegistrar()
                        || m.institutionCodes().contains(scholarship.funder())
                        || scholarships.applied(scholarshipId, mobilityId))
            .orElseThrow(() -> unknownMobility(mobilityId));
    scholarship.requireAwarding();
    scholarship.requireEligible(mobility);
    if (scholarships.alreadyAwarded(scholarshipId, mobilityId)) {
      throw ProblemException.conflict(
          "Scholarship " + scholarship.code() + " was already awarded to mobility " + mobilityId);
    }
    if (!scholarships.takeAward(scholarshipId)) {
      // Closed while this award waited for the row lock: say so, not that none is left.
      scholarships.getEntityManager().refresh(scholarship);
      scholarship.requireAwarding();
      throw ProblemException.conflict(
          "All "
              + scholarship.awards()
              + " awards of scholarship "
              + scholarship.code()
              + " are taken");
    }
    ScholarshipAward award =
        new ScholarshipAward(UUID.randomUUID(), scholarship, mobility, clock.instant());
    scholarships.persistAward(award);
    // An award never changes (version 0): its notice needs no flush first.
    outbox.record(ScholarshipAwardNotice.of(award, scholarship));
    return award;
  }

  /** The awards of a scholarship, for its funder or a registrar. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ScholarshipAward> awards(UUID scholarshipId, int limit, Cursor after) {
    Scholarship scholarship = get(scholarshipId);
    caller.requireMayActFor(scholarship.funder());
    return Slice.fromOverfetch(
        scholarships.awards(
            scholarshipId,
            after == null ? null : after.instant(0),
            after == null ? null : after.uuid(1),
            limit + 1),
        limit,
        a -> Cursor.of(a.awardedAt().toString(), a.id().toString()));
  }

  /** The scholarship locked, once the caller acts for its funder and read the current version. */
  private Scholarship lockedForFunder(UUID id, ExpectedVersion expected) {
    Scholarship scholarship =
        scholarships.lock(id).orElseThrow(() -> ProblemException.notFound("Scholarship", id));
    caller.requireMayActFor(scholarship.funder());
    expected.check(scholarship.version());
    return scholarship;
  }

  /** The same words for an unknown mobility and one the caller may not use. */
  private static ProblemException unknownMobility(UUID mobilityId) {
    return ProblemException.unknownReference(
        "mobilityId", "Mobility " + mobilityId + " is not known");
  }

  /**
   * An application with the part of its mobility the funder may see. The programme's code only when
   * the reader may see the programme (one under a confidential agreement may be hidden from the
   * funder): the id alone otherwise.
   */
  private ApplicationSeen seen(ScholarshipApplication application) {
    Mobility m = mobilities.findById(application.mobilityId());
    Optional<Program> program = programService.readable(m.programId());
    return new ApplicationSeen(application, m, program.map(Program::code).orElse(null));
  }

  /**
   * An application as a reader of the list sees it: never the participant, nor any personal data.
   */
  public record ApplicationSeen(
      ScholarshipApplication application, Mobility mobility, String programCode) {}
}
