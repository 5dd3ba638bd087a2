package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationFilter;
import org.eurasia.registry.agreements.domain.OrganizationNotice;
import org.eurasia.registry.agreements.domain.OrganizationRepository;
import org.eurasia.registry.agreements.domain.OrganizationTerms;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.security.Caller;

/**
 * The directory of parties. Anyone may read it; only a registrar changes it, because a wrong code
 * or country here would mislabel every agreement the organisation is party to. Every change is
 * announced through the outbox. Organizations are retired, never deleted; a retired one stays
 * readable and may not be named by anything new (a party, a parent).
 */
@ApplicationScoped
@Transactional
public class OrganizationService {

  /** The {@code condition} of the problem refusing a retired organization. */
  public static final String RETIRED_CONDITION = "organization-retired";

  @Inject OrganizationRepository organizations;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Organization> list(OrganizationFilter filter, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(
        organizations.search(filter, afterCode, limit + 1), limit, o -> Cursor.of(o.code()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Organization get(UUID id) {
    return organizations
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Organization", id));
  }

  /** Who changed the organization, and how, oldest first; readable by whoever may read it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> changes(UUID id, int limit, Cursor after) {
    get(id);
    return changeLog.history(OrganizationNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  public Organization register(String code, OrganizationTerms terms) {
    caller.requireRegistrar();
    if (organizations.findByCode(code).isPresent()) {
      throw ProblemException.conflict(
          "An organization with code '" + code + "' is already registered");
    }
    UUID id = UUID.randomUUID();
    checkParent(id, terms.parentId());
    Organization organization = new Organization(id, code, terms, now());
    organizations.persist(organization);
    outbox.announce(() -> OrganizationNotice.registered(organization));
    return organization;
  }

  /** Changes an active organization (a retired one is 409, whatever the request says). */
  public Organization update(UUID id, ExpectedVersion expected, OrganizationTerms terms) {
    caller.requireRegistrar();
    Organization organization = get(id);
    expected.check(organization.version());
    // Its own state first: a retired organization is a 409 whatever parent the request names.
    organization.requireAllows("update");
    checkParent(id, terms.parentId());
    organization.revise(terms, now());
    outbox.announce(() -> OrganizationNotice.updated(organization));
    return organization;
  }

  /**
   * Retires an organization, for good, once its child organizations are retired; announces {@code
   * registry.organization.retired.v1}. Organizations are never deleted: agreements here and records
   * in other services name them.
   */
  public Organization retire(UUID id, ExpectedVersion expected) {
    caller.requireRegistrar();
    Organization organization =
        organizations
            .findLocked(id, true)
            .orElseThrow(() -> ProblemException.notFound("Organization", id));
    expected.check(organization.version());
    organization.retire(organizations.activeChildCodes(id), now());
    outbox.announce(() -> OrganizationNotice.retired(organization));
    return organization;
  }

  /**
   * The refusal of a retired organization named by something new, on the request's field: a rule,
   * not an unknown reference (waiting will not make it nameable again).
   */
  static ProblemException retired(String field, String code) {
    String detail = "Organization '" + code + "' is retired";
    return new ProblemException(
        Problem.of(
                ProblemType.RULE_VIOLATED,
                detail,
                List.of(
                    new Problem.FieldError(
                        field, "organization '" + code + "' is retired and may not be named")))
            .with("condition", RETIRED_CONDITION));
  }

  /**
   * The parent must exist, be active (locked so that it cannot be retired meanwhile) and must not
   * lead back to the organisation itself.
   */
  private void checkParent(UUID id, UUID parentId) {
    Set<UUID> seen = new HashSet<>();
    seen.add(id);
    UUID current = parentId;
    while (current != null) {
      if (!seen.add(current)) {
        throw ProblemException.invalidField(
            "parentId", "would make the organization its own ancestor");
      }
      UUID lookup = current;
      Organization parent =
          organizations
              .findLocked(lookup, false)
              .orElseThrow(
                  () ->
                      ProblemException.invalidField(
                          "parentId", "no organization with id " + lookup));
      if (lookup.equals(parentId) && parent.isRetired()) {
        throw retired("parentId", parent.code());
      }
      current = parent.parentId();
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
