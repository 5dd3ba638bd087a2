package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementChange;
import org.eurasia.registry.agreements.domain.AgreementFilter;
import org.eurasia.registry.agreements.domain.AgreementHistory;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementNotice;
import org.eurasia.registry.agreements.domain.AgreementRepository;
import org.eurasia.registry.agreements.domain.AgreementSnapshot;
import org.eurasia.registry.agreements.domain.AgreementTerms;
import org.eurasia.registry.agreements.domain.Dimension;
import org.eurasia.registry.agreements.domain.Framework;
import org.eurasia.registry.agreements.domain.FrameworkOverride;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationRepository;
import org.eurasia.registry.agreements.domain.PartialDate;
import org.eurasia.registry.agreements.domain.Party;
import org.eurasia.registry.agreements.domain.PartyRole;
import org.eurasia.registry.agreements.domain.Position;
import org.eurasia.registry.agreements.domain.SearchSort;
import org.eurasia.registry.agreements.domain.Visibility;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;

/**
 * The use cases of agreements, and who may do what. Every id a request names is checked against the
 * caller first: an agreement the caller may not read is a 404 exactly like an unknown one, before
 * any rule about rights or state. Then: a partner drafts only agreements its organization is named
 * in; signs, ratifies, accepts and approves only for its own organization, and only on an agreement
 * it is party to; only a signatory's partner revises or withdraws a draft, brings an agreement into
 * force, suspends, resumes or terminates it (an observer may not end it for everyone); only a
 * party's partner drafts an amendment, and only the amended agreement's signatories put it into
 * force. A registrar may do everything, and only a registrar overrides the framework rule. Naming
 * an organization binds it to nothing: until its partner signs or accepts, it is invited.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

  private static final java.util.regex.Pattern EMPTY = java.util.regex.Pattern.compile("^$");

  @Inject AgreementRepository agreements;

  @Inject OrganizationRepository organizations;

  @Inject Outbox outbox;

  @Inject FrameworkService frameworks;

  @Inject AgreementHistory history;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  /**
   * A search: bounded for anonymous callers (full-text ranking grows with the data), not cached (it
   * returns entities).
   */
  @ExpensiveRead
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Agreement> list(AgreementFilter filter, int limit, Cursor after) {
    if (filter.sort() == SearchSort.RELEVANCE && filter.text() == null) {
      throw ProblemException.invalidField("sort", "relevance needs a text query in q");
    }
    Position position = null;
    if (after != null) {
      after.require(0, filter.sort().name());
      String key =
          switch (filter.sort()) {
            case CODE -> after.text(1, EMPTY);
            case UPDATED -> after.instant(1).toString();
            case RELEVANCE -> Float.toString(after.decimal(1));
          };
      position = new Position(key, after.code(2), after.uuid(3));
    }
    List<Agreement> rows = agreements.search(filter, reader(), position, limit + 1);
    return Slice.fromOverfetch(
        rows,
        limit,
        a -> Cursor.of(filter.sort().name(), sortKey(filter, a), a.code(), a.id().toString()));
  }

  /**
   * Counts of the agreements the caller may see, matching the filter, by one dimension. Anonymous
   * callers share one result per filter until the data changes, so it is an unmodifiable map (in
   * the repository's order, largest first).
   */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> statistics(AgreementFilter filter, Dimension dimension) {
    return Collections.unmodifiableMap(
        new LinkedHashMap<>(agreements.count(filter, reader(), dimension)));
  }

  private String sortKey(AgreementFilter filter, Agreement agreement) {
    return switch (filter.sort()) {
      case CODE -> "";
      case UPDATED -> agreement.updatedAt().toString();
      case RELEVANCE -> Float.toString(agreements.rankOf(agreement, filter.text()));
    };
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Agreement get(UUID id) {
    return agreements
        .findByIdOptional(id)
        .filter(this::visible)
        .orElseThrow(() -> ProblemException.notFound("Agreement", id));
  }

  /**
   * The amendments in force of an agreement that the caller may read (the others are not shown, not
   * even their ids).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> readableAmendments(Agreement agreement) {
    return agreements.visibleAmong(agreement.amendedBy(), reader());
  }

  /**
   * Drafts an agreement that is not an amendment; amendments are drafted from the agreement they
   * amend.
   */
  public Agreement draft(String code, AgreementTerms terms, String overrideReason) {
    if (terms.kind() == AgreementKind.AMENDMENT) {
      throw ProblemException.invalidField(
          "terms.kind",
          "an amendment is drafted with POST /agreements/{id}/amendments on the agreement it amends");
    }
    Map<String, Organization> named = resolve(terms, "terms.", Map.of());
    caller.requireMayActForAny(terms.partyCodes());
    FrameworkOverride.Request override = frameworkOverride(overrideReason);
    requireCodeFree(code, null);
    Map<String, Framework> under = frameworks.named(terms.frameworks());
    Agreement agreement = Agreement.draft(UUID.randomUUID(), code, terms, named, clock.instant());
    agreement.admitFrameworks(under, today(), override, clock.instant());
    agreements.persist(agreement);
    return announce(AgreementChange.DRAFTED, agreement);
  }

  /**
   * Drafts an amendment of an agreement the caller is party to; it takes effect when it enters into
   * force. The amended agreement comes from the path only and never changes afterwards.
   */
  public Agreement draftAmendment(
      UUID amendedId, String code, AgreementTerms terms, String overrideReason) {
    Agreement amended = get(amendedId);
    // A party only named by others (an observer that never accepted) has not joined the agreement:
    // it may not amend it.
    if (!caller.mayActForAny(amended.joinedPartyCodes())) {
      throw ProblemException.forbidden(
          "Only a partner of a signatory, or of a party that accepted the agreement (or a registrar), may draft an amendment of it");
    }
    if (terms.kind() != AgreementKind.AMENDMENT) {
      throw ProblemException.invalidField("terms.kind", "an amendment has kind AMENDMENT");
    }
    requireVisibilityFits(amended, terms.visibility(), "terms.visibility");
    // The amended agreement's parties may stay in their roles, retired or not: an amendment must
    // keep its signatories.
    Map<String, Organization> named = resolve(terms, "terms.", rolesIn(amended));
    caller.requireMayActForAny(terms.partyCodes());
    FrameworkOverride.Request override = frameworkOverride(overrideReason);
    requireCodeFree(code, null);
    Map<String, Framework> under = frameworks.named(terms.frameworks());
    Agreement amendment =
        Agreement.draftAmendment(UUID.randomUUID(), code, terms, named, amended, clock.instant());
    amendment.admitFrameworks(under, today(), override, clock.instant());
    agreements.persist(amendment);
    return announce(AgreementChange.DRAFTED, amendment);
  }

  /**
   * Revises a draft: a signatory's partner (or registrar). Clears every signature and acceptance
   * given so far.
   */
  public Agreement revise(
      UUID id, ExpectedVersion expected, AgreementTerms terms, String overrideReason) {
    Agreement agreement = changeableBySignatory(id, expected, "revise");
    Map<String, PartyRole> standing = rolesIn(agreement);
    if (agreement.amendsId() != null) {
      rolesIn(agreements.findById(agreement.amendsId())).forEach(standing::putIfAbsent);
    }
    Map<String, Organization> named = resolve(terms, "", standing);
    // A partner may not write its own organization out of the agreement it is changing.
    caller.requireMayActForAny(terms.partyCodes());
    FrameworkOverride.Request override = frameworkOverride(overrideReason);
    if (agreement.amendsId() != null) {
      Agreement amended = agreements.findById(agreement.amendsId());
      requireVisibilityFits(amended, terms.visibility(), "visibility");
      Agreement.requireSignatoriesKept(amended, terms, visible(amended));
    }
    if (terms.visibility() != agreement.visibility()) {
      requireCodeFree(agreement.code(), agreement.id());
    }
    Map<String, Framework> under = frameworks.named(terms.frameworks());
    AgreementChange change =
        perform(agreement, "revise", () -> agreement.revise(terms, named, clock.instant()));
    agreement.admitFrameworks(under, today(), override, clock.instant());
    return announce(change, agreement);
  }

  /**
   * Signs for one signatory, binding the signature to the version the signer read: {@code If-Match}
   * must name it (a wildcard names no text), and the signature records that version's number and
   * SHA-256.
   */
  public Agreement sign(
      UUID id,
      ExpectedVersion expected,
      String organizationCode,
      Party.Signature signature,
      String overrideReason) {
    requireBoundVersion(expected, "A signature");
    Agreement agreement = get(id);
    requirePartyPartner(agreement);
    caller.requireMayActFor(organizationCode);
    FrameworkOverride.Request override = frameworkOverride(overrideReason);
    expected.check(agreement.version());
    String sha256 = history.sha256OfCurrent(agreement);
    AgreementChange change =
        perform(
            agreement,
            "sign",
            () ->
                agreement.sign(
                    organizationCode,
                    signature.boundTo(agreement.version(), sha256),
                    clock.instant()));
    if (change == AgreementChange.SIGNED) {
      // The last signature: the framework rule again, on the signing date.
      agreement.admitFrameworksOnSigning(
          frameworks.named(agreement.terms().frameworks()), override, clock.instant());
    }
    return announce(change, agreement);
  }

  public Agreement ratify(
      UUID id, ExpectedVersion expected, String organizationCode, Party.Ratification ratification) {
    Agreement agreement = get(id);
    requirePartyPartner(agreement);
    caller.requireMayActFor(organizationCode);
    expected.check(agreement.version());
    return announce(
        perform(
            agreement,
            "ratify",
            () -> agreement.ratify(organizationCode, ratification, clock.instant())),
        agreement);
  }

  /**
   * A non-signing party's own consent to being named (its partner's, or recorded by a registrar),
   * bound to the current version; {@code date} defaults to today (UTC). A partner of an
   * organization the agreement does not name is refused as an outsider (403), like any other; a
   * registrar naming such an organization gets the 422 {@code not-named}.
   */
  public Agreement accept(
      UUID id, ExpectedVersion expected, String organizationCode, PartialDate date) {
    requireBoundVersion(expected, "An acceptance");
    Agreement agreement = get(id);
    requirePartyPartner(agreement);
    caller.requireMayActFor(organizationCode);
    expected.check(agreement.version());
    String sha256 = history.sha256OfCurrent(agreement);
    PartialDate on = date != null ? date : PartialDate.of(today());
    Party.Acceptance acceptance = new Party.Acceptance(on, agreement.version(), sha256);
    return announce(
        perform(
            agreement,
            "accept",
            () -> agreement.accept(organizationCode, acceptance, clock.instant())),
        agreement);
  }

  public Agreement enterIntoForce(UUID id, ExpectedVersion expected, LocalDate date) {
    Agreement agreement = changeableBySignatory(id, expected, "bring into force");
    Agreement amended = null;
    if (agreement.amendsId() != null) {
      amended = agreements.findById(agreement.amendsId());
      // An amendment changes the agreement it amends: only that agreement's own signatories put it
      // into force. Asked
      // before anything about that agreement's state, which the caller may not be allowed to read.
      if (!caller.mayActForAny(amended.signatoryCodes())) {
        throw ProblemException.forbidden(
            "Only a partner of a signatory of the amended agreement (or a registrar) may bring an amendment into force");
      }
    }
    AgreementChange change =
        perform(
            agreement, "enter-into-force", () -> agreement.enterIntoForce(date, clock.instant()));
    if (amended != null) {
      Agreement.requireSignatoriesKept(amended, agreement.terms(), true);
      if (amended.visibility() != agreement.visibility()) {
        throw ProblemException.ruleViolated(
            "amendment-visibility", "An amendment has the visibility of the agreement it amends");
      }
      // An amendment in force changes the agreement it amends: both changes commit, and are
      // announced, together.
      Agreement target = amended;
      announce(
          perform(target, "amend", () -> target.amendBy(agreement.id(), clock.instant())), target);
    }
    return announce(change, agreement);
  }

  public Agreement suspend(UUID id, ExpectedVersion expected, String reason) {
    Agreement agreement = changeableBySignatory(id, expected, "suspend");
    return announce(
        perform(agreement, "suspend", () -> agreement.suspend(reason, clock.instant())), agreement);
  }

  public Agreement resume(UUID id, ExpectedVersion expected) {
    Agreement agreement = changeableBySignatory(id, expected, "resume");
    return announce(
        perform(agreement, "resume", () -> agreement.resume(clock.instant())), agreement);
  }

  public Agreement terminate(UUID id, ExpectedVersion expected, LocalDate date, String reason) {
    Agreement agreement = changeableBySignatory(id, expected, "terminate");
    return announce(
        perform(agreement, "terminate", () -> agreement.terminate(date, reason, clock.instant())),
        agreement);
  }

  /**
   * Withdraws a draft, today (UTC): a signatory's partner (or registrar). A draft is all it can
   * withdraw; a signed agreement is terminated instead.
   */
  public Agreement withdraw(UUID id, ExpectedVersion expected, String reason) {
    Agreement agreement = changeableBySignatory(id, expected, "withdraw");
    return announce(
        perform(agreement, "withdraw", () -> agreement.withdraw(today(), reason, clock.instant())),
        agreement);
  }

  /**
   * The commands this caller may perform on the agreement now (the view's {@code
   * allowedTransitions}): none for a caller who acts for no organization; for an amendment, entry
   * into force only for the amended agreement's signatories, so that one is read.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> allowedTransitions(Agreement agreement) {
    if (!caller.isRegistrar() && caller.organization().isEmpty()) {
      return List.of();
    }
    Set<String> amendedSignatories =
        agreement.amendsId() == null
            ? Set.of()
            : agreements
                .findByIdOptional(agreement.amendsId())
                .map(Agreement::signatoryCodes)
                .orElse(Set.of());
    return agreement.allowedTransitionsFor(caller::mayActForAny, amendedSignatories);
  }

  /**
   * Runs one lifecycle command on the agreement. A status that does not allow it is refused as the
   * domain refuses it, but naming what this caller may do instead — the view's {@code
   * allowedTransitions}, not every command of the table (the expiry job's {@code expire}, other
   * parties' signatures).
   */
  private AgreementChange perform(
      Agreement agreement, String command, Supplier<AgreementChange> change) {
    try {
      return change.get();
    } catch (InvalidTransition refused) {
      throw new InvalidTransition(
          "an agreement", agreement.status(), command, allowedTransitions(agreement));
    }
  }

  /**
   * A request to override the framework rule: a registrar's only (403 for anyone else, whether or
   * not the rule would refuse). Null when none was made.
   */
  private FrameworkOverride.Request frameworkOverride(String reason) {
    if (reason == null) {
      return null;
    }
    if (!caller.isRegistrar()) {
      throw ProblemException.forbidden(
          "Only a registrar may override the framework membership rule (frameworkOverride)");
    }
    return new FrameworkOverride.Request(caller.principal(), reason);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Loads an agreement the caller may see and a signatory's partner may change, at the version the
   * caller read.
   */
  private Agreement changeableBySignatory(UUID id, ExpectedVersion expected, String action) {
    Agreement agreement = get(id);
    requireSignatoryPartner(agreement, action);
    expected.check(agreement.version());
    return agreement;
  }

  /**
   * A signature or acceptance binds the one version the caller read: If-Match must name it (a
   * wildcard names none).
   */
  private static void requireBoundVersion(ExpectedVersion expected, String act) {
    if (expected == ExpectedVersion.any()) {
      throw new ProblemException(
          Problem.of(
              ProblemType.PRECONDITION_REQUIRED,
              act
                  + " binds one version of the text: send that version's ETag in If-Match (not *)"));
    }
  }

  /**
   * Who you are before what state: a caller acting for no party gets a 403, never a rule about the
   * agreement.
   */
  private void requirePartyPartner(Agreement agreement) {
    if (!caller.mayActForAny(agreement.partyCodes())) {
      throw ProblemException.forbidden(
          "Only a partner of a party to this agreement (or a registrar) may do this");
    }
  }

  private void requireSignatoryPartner(Agreement agreement, String action) {
    if (!caller.mayActForAny(agreement.signatoryCodes())) {
      throw ProblemException.forbidden(
          "Only a partner of a signatory (or a registrar) may "
              + action
              + " this agreement; observers, implementing "
              + "bodies and depositaries may not");
    }
  }

  /**
   * An amendment has its agreement's visibility: one of a public agreement is public (its existence
   * shows in that agreement's amendedBy and versions), one of a confidential agreement is
   * confidential (it would publish the confidential agreement's id and signatories).
   */
  private static void requireVisibilityFits(
      Agreement amended, Visibility visibility, String field) {
    if (amended.visibility() != visibility) {
      throw ProblemException.invalidField(
          field,
          "an amendment of a "
              + amended.visibility().name().toLowerCase(java.util.Locale.ROOT)
              + " agreement must be "
              + amended.visibility());
    }
  }

  /**
   * Refuses a code that an agreement the caller may read already has. A code held only by
   * agreements the caller may not read is free for it (the database keeps public codes unique), so
   * the answer confirms nothing confidential.
   */
  private void requireCodeFree(String code, UUID except) {
    if (agreements.codeVisibleTo(code, reader(), except)) {
      throw ProblemException.conflict("An agreement with code '" + code + "' already exists");
    }
  }

  /**
   * The expiry job's step for one agreement, in its own transaction: a system action, so no caller
   * to authorize.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean expireIfDue(UUID id, LocalDate today) {
    Agreement agreement = agreements.findById(id);
    AgreementChange change =
        agreement == null ? null : agreement.expireIfDue(today, clock.instant());
    if (change == null) {
      return false;
    }
    announce(change, agreement);
    return true;
  }

  /**
   * A party approves one version of the text by quoting that version's SHA-256, which is kept as
   * proof. The hash must be the stored one: approving text the registry does not hold is refused.
   */
  public Agreement approve(UUID id, String organizationCode, long versionNumber, String sha256) {
    Agreement agreement = get(id);
    requirePartyPartner(agreement);
    caller.requireMayActFor(organizationCode);
    agreement.requireNamed(organizationCode);
    AgreementHistory.Version version =
        history
            .version(id, versionNumber)
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "version", "this agreement has no version " + versionNumber));
    if (!version.sha256().equals(sha256)) {
      throw ProblemException.invalidField(
          "sha256", "does not match version " + versionNumber + " (" + version.sha256() + ")");
    }
    AgreementChange change =
        agreement.approve(organizationCode, versionNumber, sha256, clock.instant());
    history.recordApproval(
        id, organizationCode, versionNumber, sha256, caller.principal(), clock.instant());
    return announce(change, agreement);
  }

  /**
   * Who changed an agreement the caller may see, and how, oldest first (404 like {@link #get} for
   * one it may not).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> changes(UUID id, int limit, Cursor after) {
    get(id);
    return changeLog.history(AgreementNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  /**
   * The approvals of an agreement the caller may see, by version number then organization: who
   * approved which version's hash, when, for which organization.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<AgreementHistory.Approval> approvals(UUID id, int limit, Cursor after) {
    get(id);
    Long afterVersion = after == null ? null : after.number(0);
    String afterCode = after == null ? null : after.code(1);
    return Slice.fromOverfetch(
        history.approvals(id, afterVersion, afterCode, limit + 1),
        limit,
        a -> Cursor.of(Long.toString(a.versionNumber()), a.organizationCode()));
  }

  /** The recorded versions of an agreement the caller may see, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<AgreementHistory.Version> versions(UUID id, int limit, Cursor after) {
    get(id);
    Long afterNumber = after == null ? null : after.number(0);
    return Slice.fromOverfetch(
        history.versions(id, afterNumber, limit + 1),
        limit,
        v -> Cursor.of(Long.toString(v.number())));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AgreementHistory.Version version(UUID id, long number) {
    get(id);
    return history
        .version(id, number)
        .orElseThrow(() -> ProblemException.notFound("Version", number));
  }

  /** What changed from one version to another. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AgreementSnapshot.Difference> diff(UUID id, long from, long to) {
    return AgreementSnapshot.diff(version(id, from).snapshot(), version(id, to).snapshot());
  }

  /**
   * Announces a change and records the version it made; both carry the version the row has after
   * the outbox's flush.
   */
  private Agreement announce(AgreementChange change, Agreement agreement) {
    outbox.announce(() -> AgreementNotice.of(change, agreement));
    history.record(agreement, change, clock.instant());
    return agreement;
  }

  private boolean visible(Agreement agreement) {
    return agreement.visibility() == Visibility.PUBLIC
        || caller.mayActForAny(agreement.partyCodes());
  }

  /**
   * Null for a registrar (sees all), else the organization whose confidential agreements are
   * visible ("" for none).
   */
  private String reader() {
    if (caller.isRegistrar()) {
      return null;
    }
    return caller.organization().orElse("");
  }

  /**
   * The organizations the terms name, from the directory, by code. An unknown code is the
   * unknown-reference problem on its field ({@code prefix} is the path of the terms in the request
   * body); a retired organization is refused on its field too, unless the record being changed
   * already names it in that role ({@code standing}): nothing new may name a retired organization,
   * but what named it stays as it was.
   */
  private Map<String, Organization> resolve(
      AgreementTerms terms, String prefix, Map<String, PartyRole> standing) {
    Map<String, Organization> named = new HashMap<>();
    List<AgreementTerms.NamedParty> parties = terms.parties();
    for (int i = 0; i < parties.size(); i++) {
      AgreementTerms.NamedParty party = parties.get(i);
      String code = party.organizationCode();
      String field = prefix + "parties[" + i + "].organizationCode";
      Organization organization =
          organizations
              .findByCode(code)
              .orElseThrow(
                  () ->
                      ProblemException.unknownReference(
                          field, "No organization '" + code + "' in the directory"));
      if (organization.isRetired() && standing.get(code) != party.role()) {
        throw OrganizationService.retired(field, code);
      }
      named.put(code, organization);
    }
    return named;
  }

  /** The organizations an agreement names, with their roles: what a change of it may keep. */
  private static Map<String, PartyRole> rolesIn(Agreement agreement) {
    Map<String, PartyRole> roles = new HashMap<>();
    agreement.parties().forEach(p -> roles.put(p.organizationCode(), p.role()));
    return roles;
  }
}
