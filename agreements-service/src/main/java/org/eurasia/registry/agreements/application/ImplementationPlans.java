package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.Milestone;
import org.eurasia.registry.agreements.domain.MilestoneNotice;
import org.eurasia.registry.agreements.domain.MilestoneRepository;
import org.eurasia.registry.agreements.domain.MilestoneStatus;
import org.eurasia.registry.agreements.domain.PlanSubject;
import org.eurasia.registry.agreements.domain.Venture;
import org.eurasia.registry.agreements.domain.VentureStatus;
import org.eurasia.registry.agreements.domain.Visibility;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * The implementation plans of agreements and ventures: their milestones. Whoever may read the
 * agreement or venture reads its plan (a confidential agreement's plan is as confidential as the
 * agreement); only a partner of an organization that consented to it (signed or accepted the
 * agreement, accepted the venture), or a registrar, adds or updates milestones, and the responsible
 * organization must be one that consented.
 */
@ApplicationScoped
@Transactional
public class ImplementationPlans {

  @Inject MilestoneRepository milestones;

  @Inject AgreementService agreements;

  @Inject VentureService ventures;

  @Inject Outbox outbox;

  @Inject Caller caller;

  @Inject Clock clock;

  /** One page of a plan, by due date, optionally one status or only the (not) overdue ones. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Milestone> plan(
      PlanSubject type,
      UUID subjectId,
      MilestoneStatus status,
      Boolean overdue,
      int limit,
      Cursor after) {
    subject(type, subjectId);
    LocalDate afterDue = null;
    if (after != null) {
      try {
        afterDue = LocalDate.parse(after.code(0));
      } catch (java.time.DateTimeException e) {
        throw Cursor.forged();
      }
    }
    UUID afterId = after == null ? null : after.uuid(1);
    return Slice.fromOverfetch(
        milestones.plan(type, subjectId, status, overdue, today(), afterDue, afterId, limit + 1),
        limit,
        m -> Cursor.of(m.dueOn().toString(), m.id().toString()));
  }

  /** How much of a plan was delivered: milestones by status, and how many are overdue. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> delivery(PlanSubject type, UUID subjectId) {
    subject(type, subjectId);
    return milestones.delivery(type, subjectId, today());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Milestone get(PlanSubject type, UUID subjectId, UUID id) {
    subject(type, subjectId);
    return milestones
        .findOf(type, subjectId, id)
        .orElseThrow(() -> ProblemException.notFound("Milestone", id));
  }

  public Milestone add(
      PlanSubject type,
      UUID subjectId,
      Map<String, String> title,
      String responsibleOrganization,
      LocalDate dueOn) {
    Subject subject = subject(type, subjectId);
    subject.requireWriter(caller);
    if (subject.closed() != null) {
      // Outcomes of milestones already planned may still be recorded; a closed plan takes no new
      // promise.
      throw ProblemException.conflict(subject.closed() + ": its plan takes no new milestone");
    }
    if (!subject.consented().contains(responsibleOrganization)) {
      throw ProblemException.invalidField(
          "responsibleOrganization",
          "'" + responsibleOrganization + "' has not consented to it: " + subject.consented());
    }
    Milestone milestone =
        new Milestone(
            UUID.randomUUID(),
            type,
            subjectId,
            title,
            responsibleOrganization,
            dueOn,
            clock.instant());
    milestones.persist(milestone);
    outbox.announce(() -> MilestoneNotice.planned(milestone, subject.restrictedTo()));
    return milestone;
  }

  public Milestone update(
      PlanSubject type,
      UUID subjectId,
      UUID id,
      ExpectedVersion expected,
      MilestoneStatus status,
      LocalDate dueOn,
      List<URI> evidence) {
    Subject subject = subject(type, subjectId);
    Milestone milestone =
        milestones
            .findOf(type, subjectId, id)
            .orElseThrow(() -> ProblemException.notFound("Milestone", id));
    subject.requireWriter(caller);
    expected.check(milestone.version());
    milestone.update(status, dueOn, evidence, clock.instant());
    outbox.announce(() -> MilestoneNotice.changed(milestone, subject.restrictedTo()));
    return milestone;
  }

  /**
   * Whether the milestone is overdue today: asked of every milestone a read shows, so it never
   * begins a transaction of its own.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean overdue(Milestone milestone) {
    return milestone.overdueOn(today());
  }

  private Subject subject(PlanSubject type, UUID subjectId) {
    return switch (type) {
      case AGREEMENT -> {
        Agreement a = agreements.get(subjectId);
        yield new Subject(
            a.joinedPartyCodes(),
            a.visibility() == Visibility.PUBLIC ? null : List.copyOf(a.partyCodes()),
            a.status() == AgreementStatus.TERMINATED || a.status() == AgreementStatus.EXPIRED
                ? "The agreement is " + a.status()
                : null);
      }
      case VENTURE -> {
        Venture v = ventures.get(subjectId);
        yield new Subject(
            v.consentedPartnerCodes(),
            null,
            v.status() == VentureStatus.DISSOLVED ? "The venture is DISSOLVED" : null);
      }
    };
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * What a plan belongs to, as the rules need it; {@code closed} says why it takes no new milestone
   * (a dissolved venture, a terminated or expired agreement), null while it does.
   */
  private record Subject(Set<String> consented, List<String> restrictedTo, String closed) {
    void requireWriter(Caller caller) {
      if (!caller.mayActForAny(consented)) {
        throw ProblemException.forbidden(
            "Only a partner of an organization that consented to it (or a registrar) may change its plan");
      }
    }
  }
}
