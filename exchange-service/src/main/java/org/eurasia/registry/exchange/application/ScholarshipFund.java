package org.eurasia.registry.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityRepository;
import org.eurasia.registry.exchange.domain.OrganizationProjectionRepository;
import org.eurasia.registry.exchange.domain.Scholarship;
import org.eurasia.registry.exchange.domain.ScholarshipAward;
import org.eurasia.registry.exchange.domain.ScholarshipAwarded;
import org.eurasia.registry.exchange.domain.ScholarshipRepository;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * Scholarships: a funder (or a registrar) sets one up and awards it to accepted mobilities. Never more awards than
 * the scholarship has: the count is taken by one conditional UPDATE in the award's own transaction.
 */
@ApplicationScoped
@Transactional
public class ScholarshipFund {

  @Inject ScholarshipRepository scholarships;

  @Inject MobilityRepository mobilities;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Scholarship> list(String funder, String currency, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(scholarships.page(funder, currency, afterCode, limit + 1), limit, s -> Cursor.of(s.code()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Scholarship get(UUID id) {
    return scholarships.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Scholarship", id));
  }

  public Scholarship fund(String code, String funder, Scholarship.Terms terms) {
    caller.requireMayActFor(funder);
    if (organizations.findByCode(funder).isEmpty()) {
      throw ProblemException.ruleViolated("funder-unknown", "funder: organization '" + funder + "' is not known to exchange-service");
    }
    if (scholarships.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A scholarship with code '" + code + "' already exists");
    }
    Scholarship scholarship = Scholarship.fund(UUID.randomUUID(), code, funder, terms, clock.instant());
    scholarships.persist(scholarship);
    return scholarship;
  }

  /**
   * Awards the scholarship to an accepted mobility: eligibility is checked first, then one award is taken (409 when
   * none is left), the award recorded and announced, all in one transaction.
   */
  public ScholarshipAward award(UUID scholarshipId, UUID mobilityId) {
    Scholarship scholarship = get(scholarshipId);
    caller.requireMayActFor(scholarship.funder());
    Mobility mobility =
        mobilities
            .findByIdOptional(mobilityId)
            .orElseThrow(() -> ProblemException.invalidField("mobilityId", "no mobility with id " + mobilityId));
    scholarship.requireEligible(mobility);
    if (scholarships.alreadyAwarded(scholarshipId, mobilityId)) {
      throw ProblemException.conflict("Scholarship " + scholarship.code() + " was already awarded to mobility " + mobilityId);
    }
    if (!scholarships.takeAward(scholarshipId)) {
      throw ProblemException.conflict("All " + scholarship.awards() + " awards of scholarship " + scholarship.code() + " are taken");
    }
    ScholarshipAward award = new ScholarshipAward(UUID.randomUUID(), scholarship, mobility, clock.instant());
    scholarships.persistAward(award);
    outbox.record(ScholarshipAwarded.of(award, scholarship));
    return award;
  }

  /** The awards of a scholarship, for its funder or a registrar. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ScholarshipAward> awards(UUID scholarshipId, int limit, Cursor after) {
    Scholarship scholarship = get(scholarshipId);
    caller.requireMayActFor(scholarship.funder());
    return Slice.fromOverfetch(
        scholarships.awards(scholarshipId, after == null ? null : after.instant(0), after == null ? null : after.uuid(1), limit + 1),
        limit,
        a -> Cursor.of(a.awardedAt().toString(), a.id().toString()));
  }
}
