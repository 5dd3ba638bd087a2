package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementChange;
import org.eurasia.registry.agreements.domain.AgreementEvent;
import org.eurasia.registry.agreements.domain.AgreementHistory;
import org.eurasia.registry.agreements.domain.AgreementSnapshot;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementRepository;
import org.eurasia.registry.agreements.domain.AgreementRepository.AgreementFilter;
import org.eurasia.registry.agreements.domain.AgreementRepository.Dimension;
import org.eurasia.registry.agreements.domain.AgreementRepository.Position;
import org.eurasia.registry.agreements.domain.AgreementRepository.SearchSort;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationRepository;
import org.eurasia.registry.agreements.domain.Party;
import org.eurasia.registry.agreements.domain.PartyRole;
import org.eurasia.registry.agreements.domain.Visibility;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * The register's use cases. Who may do what: a partner drafts only agreements its organization is party to, signs
 * only for its own organization, and changes only agreements it is party to; a registrar may do everything.
 * Confidential agreements do not exist for anyone else: reading one is a 404, as for an unknown id.
 */
@ApplicationScoped
@Transactional
public class AgreementRegister {

  private static final java.util.regex.Pattern EMPTY = java.util.regex.Pattern.compile("^$");

  @Inject AgreementRepository agreements;

  @Inject OrganizationRepository organizations;

  @Inject Outbox outbox;

  @Inject FrameworkCatalogue frameworks;

  @Inject AgreementHistory history;

  @Inject Caller caller;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Agreement> list(AgreementFilter filter, int limit, Cursor after) {
    if (filter.sort() == SearchSort.RELEVANCE && filter.text() == null) {
      throw ProblemException.invalidField("sort", "relevance needs a text query in q");
    }
    Position position = null;
    if (after != null) {
      after.require(0, filter.sort().name());
      String key = switch (filter.sort()) {
        case CODE -> after.text(1, EMPTY);
        case UPDATED -> after.instant(1).toString();
        case RELEVANCE -> Float.toString(after.decimal(1));
      };
      position = new Position(key, after.code(2));
    }
    List<Agreement> rows = agreements.search(filter, reader(), position, limit + 1);
    return Slice.fromOverfetch(rows, limit, a -> Cursor.of(filter.sort().name(), sortKey(filter, a), a.code()));
  }

  /** Counts of the agreements the caller may see, matching the filter, by one dimension. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> statistics(AgreementFilter filter, Dimension dimension) {
    return agreements.count(filter, reader(), dimension);
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

  public Agreement draft(String code, Draft draft) {
    List<Party> parties = resolve(draft.parties());
    caller.requireMayActForAny(parties.stream().map(Party::organizationCode).toList());
    if (agreements.findByCode(code).isPresent()) {
      throw ProblemException.conflict("An agreement with code '" + code + "' already exists");
    }
    if (draft.amendsId() != null) {
      get(draft.amendsId());
    }
    frameworks.requireKnown(draft.frameworks());
    Agreement agreement = Agreement.draft(UUID.randomUUID(), code, draft.terms(parties), clock.instant());
    agreements.persist(agreement);
    announce(AgreementChange.DRAFTED, agreement);
    return agreement;
  }

  public Agreement revise(UUID id, ExpectedVersion expected, Draft draft) {
    Agreement agreement = changeable(id, expected);
    List<Party> parties = resolve(draft.parties());
    // A partner may not write its own organization out of the agreement it is changing.
    caller.requireMayActForAny(parties.stream().map(Party::organizationCode).toList());
    frameworks.requireKnown(draft.frameworks());
    return announce(agreement.revise(draft.terms(parties), clock.instant()), agreement);
  }

  public Agreement sign(UUID id, ExpectedVersion expected, String organizationCode, Party.Signature signature) {
    Agreement agreement = changeable(id, expected);
    caller.requireMayActFor(organizationCode);
    return announce(agreement.sign(organizationCode, signature, clock.instant()), agreement);
  }

  public Agreement ratify(UUID id, ExpectedVersion expected, String organizationCode, Party.Ratification ratification) {
    Agreement agreement = changeable(id, expected);
    caller.requireMayActFor(organizationCode);
    return announce(agreement.ratify(organizationCode, ratification, clock.instant()), agreement);
  }

  public Agreement enterIntoForce(UUID id, ExpectedVersion expected, LocalDate date) {
    Agreement agreement = changeable(id, expected);
    AgreementChange change = agreement.enterIntoForce(date, clock.instant());
    if (agreement.amendsId() != null) {
      // An amendment in force changes the agreement it amends: both changes commit, and are announced, together.
      Agreement amended = agreements.findById(agreement.amendsId());
      announce(amended.amendBy(agreement.id(), clock.instant()), amended);
    }
    return announce(change, agreement);
  }

  /** Drafts an amendment of an agreement the caller is party to; it takes effect when it enters into force. */
  public Agreement draftAmendment(UUID amendedId, String code, Draft draft) {
    Agreement amended = get(amendedId);
    caller.requireMayActForAny(amended.partyCodes());
    if (draft.kind() != AgreementKind.AMENDMENT || (draft.amendsId() != null && !draft.amendsId().equals(amendedId))) {
      throw ProblemException.invalidField("terms", "an amendment has kind AMENDMENT and amends agreement " + amended.code());
    }
    Draft amendment = new Draft(AgreementKind.AMENDMENT, draft.visibility(), draft.title(), draft.summary(), draft.parties(),
        draft.fields(), draft.iscedCodes(), draft.frameworks(), draft.languages(), draft.documents(), amendedId, draft.durationMonths(), draft.expiresOn(), draft.autoRenewal());
    return draft(code, amendment);
  }

  public Agreement suspend(UUID id, ExpectedVersion expected, String reason) {
    Agreement agreement = changeable(id, expected);
    return announce(agreement.suspend(reason, clock.instant()), agreement);
  }

  public Agreement resume(UUID id, ExpectedVersion expected) {
    Agreement agreement = changeable(id, expected);
    return announce(agreement.resume(clock.instant()), agreement);
  }

  public Agreement terminate(UUID id, ExpectedVersion expected, LocalDate date, String reason) {
    Agreement agreement = changeable(id, expected);
    return announce(agreement.terminate(date, reason, clock.instant()), agreement);
  }

  /** Loads an agreement the caller may see and change, at the version the caller based the change on. */
  private Agreement changeable(UUID id, ExpectedVersion expected) {
    Agreement agreement = get(id);
    caller.requireMayActForAny(agreement.partyCodes());
    expected.check(agreement.version());
    return agreement;
  }

  /** The expiry job's step for one agreement, in its own transaction: a system action, so no caller to authorize. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean expireIfDue(UUID id, LocalDate today) {
    Agreement agreement = agreements.findById(id);
    AgreementChange change = agreement == null ? null : agreement.expireIfDue(today, clock.instant());
    if (change == null) {
      return false;
    }
    announce(change, agreement);
    return true;
  }

  /**
   * A party approves one version of the text by quoting that version's SHA-256, which is kept as proof. The hash must
   * be the stored one: approving text the registry does not hold is refused.
   */
  public Agreement approve(UUID id, String organizationCode, long versionNumber, String sha256) {
    Agreement agreement = get(id);
    caller.requireMayActFor(organizationCode);
    AgreementHistory.Version version = history.version(id, versionNumber)
        .orElseThrow(() -> ProblemException.invalidField("version", "agreement " + agreement.code() + " has no version " + versionNumber));
    if (!version.sha256().equals(sha256)) {
      throw ProblemException.invalidField("sha256", "does not match version " + versionNumber + " (" + version.sha256() + ")");
    }
    AgreementChange change = agreement.approve(organizationCode, versionNumber, sha256, clock.instant());
    history.recordApproval(id, organizationCode, versionNumber, sha256, caller.principal(), clock.instant());
    return announce(change, agreement);
  }

  /** The recorded versions of an agreement the caller may see, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<AgreementHistory.Version> versions(UUID id, int limit, Cursor after) {
    get(id);
    Long afterNumber = after == null ? null : after.number(0);
    return Slice.fromOverfetch(history.versions(id, afterNumber, limit + 1), limit, v -> Cursor.of(Long.toString(v.number())));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AgreementHistory.Version version(UUID id, long number) {
    get(id);
    return history.version(id, number).orElseThrow(() -> ProblemException.notFound("Version", number));
  }

  /** What changed from one version to another. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AgreementSnapshot.Difference> diff(UUID id, long from, long to) {
    return AgreementSnapshot.diff(version(id, from).snapshot(), version(id, to).snapshot());
  }

  private Agreement announce(AgreementChange change, Agreement agreement) {
    // Flush first: the event and the history must carry the version the row now has.
    agreements.flush();
    history.record(agreement, change, clock.instant());
    outbox.record(AgreementEvent.of(change, agreement));
    return agreement;
  }

  private boolean visible(Agreement agreement) {
    return agreement.visibility() == Visibility.PUBLIC || caller.mayActForAny(agreement.partyCodes());
  }

  /** Null for a registrar (sees all), else the organization whose confidential agreements are visible ("" for none). */
  private String reader() {
    if (caller.isRegistrar()) {
      return null;
    }
    return caller.organization().orElse("");
  }

  private List<Party> resolve(List<PartyRequest> requested) {
    List<Party> parties = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      PartyRequest party = requested.get(i);
      int index = i;
      Organization organization =
          organizations
              .findByCode(party.organizationCode())
              .orElseThrow(() -> ProblemException.invalidField(
                  "parties[" + index + "].organizationCode",
                  "'" + party.organizationCode() + "' is not in the directory of organizations"));
      parties.add(new Party(organization.id(), organization.code(), organization.country(), party.role(), null,
          party.ratificationRequired(), null));
    }
    return parties;
  }

  /** A party as a caller names it. */
  public record PartyRequest(String organizationCode, PartyRole role, boolean ratificationRequired) {}

  /** What a caller proposes for a draft. */
  public record Draft(
      AgreementKind kind,
      Visibility visibility,
      Map<String, String> title,
      Map<String, String> summary,
      List<PartyRequest> parties,
      Set<CooperationField> fields,
      Set<String> iscedCodes,
      Set<String> frameworks,
      Set<String> languages,
      List<Agreement.Document> documents,
      UUID amendsId,
      Integer durationMonths,
      LocalDate expiresOn,
      boolean autoRenewal) {

    Agreement.Terms terms(List<Party> resolved) {
      return new Agreement.Terms(kind, visibility, title, summary, resolved, fields, iscedCodes, frameworks, languages,
          documents, amendsId, durationMonths, expiresOn, autoRenewal);
    }
  }
}
