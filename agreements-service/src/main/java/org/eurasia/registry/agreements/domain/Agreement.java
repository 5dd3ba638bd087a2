package org.eurasia.registry.agreements.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A cooperation agreement and its lifecycle: draft → signed (when every signatory signed) → in
 * force → suspended ↔ in force → expired or terminated. The transitions are methods here, plain
 * Java that unit tests reach without Quarkus; each returns the change it made, which the
 * application layer announces through the outbox in the same transaction.
 *
 * <p>Naming binds nobody: a signatory is bound by its signature, any other party only by its own
 * acceptance. Who may call which transition (signatories' partners for entry into force,
 * suspension, termination, revision) is the application layer's check; the rules about the text and
 * the parties are here, refused with the domain's own exceptions ({@code platform.domain}), which
 * the edge turns into problems.
 */
@Entity
@Table(name = "agreement")
public class Agreement {

  /**
   * Which command each status allows, named as the API names them: the guard of every command and,
   * with who may perform each ({@link #performers}), the {@code allowedTransitions} of the view.
   * {@code expire} is the daily expiry job's, never a caller's; {@code amend} is an amendment of
   * this agreement taking effect; {@code approve} (a version, by its hash) is allowed whatever the
   * status.
   */
  static final Lifecycle<AgreementStatus> LIFECYCLE =
      Lifecycle.of(AgreementStatus.class, "an agreement")
          .in(AgreementStatus.DRAFT, "revise", "sign", "accept", "approve", "withdraw")
          .in(
              AgreementStatus.SIGNED,
              "ratify",
              "enter-into-force",
              "terminate",
              "accept",
              "approve",
              "amend")
          .in(
              AgreementStatus.IN_FORCE,
              "suspend",
              "terminate",
              "expire",
              "accept",
              "approve",
              "amend")
          .in(
              AgreementStatus.SUSPENDED,
              "resume",
              "terminate",
              "expire",
              "accept",
              "approve",
              "amend")
          .in(AgreementStatus.EXPIRED, "approve")
          .in(AgreementStatus.TERMINATED, "approve")
          .in(AgreementStatus.WITHDRAWN, "approve")
          .build();

  /**
   * The rule an agreement naming a framework breaks when one of its parties' countries was not a
   * member of it on the date checked.
   */
  public static final String FRAMEWORK_MEMBERSHIP = "framework-membership";

  /** The rule a ratification by a party that need not ratify breaks. */
  public static final String RATIFICATION_NOT_REQUIRED = "ratification-not-required";

  @Id private UUID id;

  /**
   * Unique among public agreements only (partial index): a confidential agreement's code may repeat
   * elsewhere.
   */
  @Column(nullable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AgreementKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AgreementStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Visibility visibility;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> summary;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Party> parties;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<CooperationField> fields;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "isced_codes", nullable = false)
  private List<String> iscedCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> frameworks;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> languages = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Document> documents = new ArrayList<>();

  @Column(name = "amends_id")
  private UUID amendsId;

  @Column(name = "entry_into_force")
  private LocalDate entryIntoForce;

  @Column(name = "duration_months")
  private Integer durationMonths;

  @Column(name = "expires_on")
  private LocalDate expiresOn;

  @Column(name = "auto_renewal", nullable = false)
  private boolean autoRenewal;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Approval> approvals = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "amended_by", nullable = false)
  private List<UUID> amendedBy = new ArrayList<>();

  @Column(name = "end_reason")
  private String endReason;

  /** A registrar's override of the framework rule, when the rule would have refused the terms. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "framework_override")
  private FrameworkOverride frameworkOverride;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Agreement() {}

  /**
   * A new draft. At least two parties, at least one of them a signatory, no organization twice; not
   * an amendment.
   *
   * @param directory the organizations the terms name, by code: each party's id and country are
   *     copied from there, so the agreement reads as it was signed
   */
  public static Agreement draft(
      UUID id,
      String code,
      AgreementTerms terms,
      Map<String, Organization> directory,
      Instant now) {
    if (terms.kind() == AgreementKind.AMENDMENT) {
      throw new InvalidValue(
          "kind", "an amendment is drafted as an amendment of the agreement it amends");
    }
    return create(id, code, terms, directory, null, now);
  }

  /**
   * A new draft amending {@code amended}, for good: it keeps every signatory of the amended
   * agreement as a signatory. (That a public agreement's amendment is public is checked by the
   * application, which names the request's field.)
   */
  public static Agreement draftAmendment(
      UUID id,
      String code,
      AgreementTerms terms,
      Map<String, Organization> directory,
      Agreement amended,
      Instant now) {
    if (terms.kind() != AgreementKind.AMENDMENT) {
      throw new InvalidValue("kind", "an amendment has kind AMENDMENT");
    }
    requireSignatoriesKept(amended, terms, true);
    return create(id, code, terms, directory, amended.id(), now);
  }

  private static Agreement create(
      UUID id,
      String code,
      AgreementTerms terms,
      Map<String, Organization> directory,
      UUID amendsId,
      Instant now) {
    Agreement agreement = new Agreement();
    agreement.id = Objects.requireNonNull(id);
    agreement.code = Objects.requireNonNull(code);
    agreement.status = AgreementStatus.DRAFT;
    agreement.createdAt = now;
    agreement.amendsId = amendsId;
    agreement.apply(terms, directory, now);
    return agreement;
  }

  /**
   * Replaces the negotiable terms; only while the agreement is a draft (signed texts do not
   * change). The agreement an amendment amends is fixed when it is drafted, so the kind may not
   * change to or from AMENDMENT. A revision is a new text: it clears every signature and acceptance
   * given so far (they stay in the version history), and each party signs or accepts the new text
   * again.
   */
  public AgreementChange revise(
      AgreementTerms terms, Map<String, Organization> directory, Instant now) {
    LIFECYCLE.require(status, "revise");
    if ((terms.kind() == AgreementKind.AMENDMENT) != (kind == AgreementKind.AMENDMENT)) {
      throw new InvalidValue(
          "kind",
          kind == AgreementKind.AMENDMENT
              ? "an amendment stays an amendment"
              : "an agreement cannot become an amendment; draft one as an amendment of the agreement it amends");
    }
    apply(terms, directory, now);
    return AgreementChange.UPDATED;
  }

  /**
   * Every signatory of the amended agreement must be a signatory of its amendment: an amendment
   * changes what they signed, so it takes all of their signatures. Checked when an amendment is
   * drafted, revised and brought into force (the amended agreement's signatories may have changed
   * meanwhile, while it was a draft).
   *
   * @param nameMissing whether the problem may name the missing organizations (only to a caller who
   *     may read the amended agreement)
   */
  public static void requireSignatoriesKept(
      Agreement amended, AgreementTerms amendment, boolean nameMissing) {
    Set<String> signing = new TreeSet<>();
    amendment.parties().stream()
        .filter(AgreementTerms.NamedParty::signatory)
        .forEach(p -> signing.add(p.organizationCode()));
    List<String> missing =
        amended.parties().stream()
            .filter(Party::signatory)
            .map(Party::organizationCode)
            .filter(c -> !signing.contains(c))
            .sorted()
            .toList();
    if (!missing.isEmpty()) {
      throw new RuleViolation(
          "amendment-signatories",
          nameMissing
              ? "Every signatory of the amended agreement must be a signatory of the amendment; missing: "
                  + missing
              : "Every signatory of the amended agreement must be a signatory of the amendment; some are missing");
    }
    // A confidential agreement's versions record its amendments (amendedBy is part of the hashed
    // content), and each of
    // its parties reads those versions: an amendment of it must therefore be one each of them may
    // read.
    if (amended.visibility() == Visibility.CONFIDENTIAL) {
      Set<String> named = new TreeSet<>(amendment.partyCodes());
      List<String> unnamed =
          amended.parties().stream()
              .map(Party::organizationCode)
              .filter(c -> !named.contains(c))
              .sorted()
              .toList();
      if (!unnamed.isEmpty()) {
        throw new RuleViolation(
            "amendment-parties",
            nameMissing
                ? "An amendment of a confidential agreement names every party of it; missing: "
                    + unnamed
                : "An amendment of a confidential agreement names every party of it; some are missing");
      }
    }
  }

  /**
   * Records one signatory's signature, bound to the version it signed (number and hash, given by
   * the caller after checking the signer read that version); the last one makes the agreement
   * signed.
   */
  public AgreementChange sign(String organizationCode, Party.Signature signature, Instant now) {
    LIFECYCLE.require(status, "sign");
    int index = indexOf(organizationCode);
    Party party = parties.get(index);
    if (!party.signatory()) {
      throw new RuleViolation(
          "not-a-signatory",
          "'"
              + organizationCode
              + "' is a "
              + party.role()
              + ", not a signatory; it consents by an acceptance");
    }
    if (party.hasSigned()) {
      throw new StateConflict("'" + organizationCode + "' has already signed");
    }
    List<Party> updated = new ArrayList<>(parties);
    updated.set(index, party.withSignature(signature));
    parties = updated;
    updatedAt = now;
    // The last signature makes the agreement signed: one change, one event, one version (it carries
    // every signature).
    if (parties.stream().filter(p -> p.role() == PartyRole.SIGNATORY).allMatch(Party::hasSigned)) {
      status = AgreementStatus.SIGNED;
      return AgreementChange.SIGNED;
    }
    return AgreementChange.PARTY_SIGNED;
  }

  /**
   * After signature, a party whose law requires it ratifies (or approves, or accepts) the
   * agreement; any other party is refused with the rule {@value #RATIFICATION_NOT_REQUIRED}.
   */
  public AgreementChange ratify(
      String organizationCode, Party.Ratification ratification, Instant now) {
    LIFECYCLE.require(status, "ratify");
    int index = indexOf(organizationCode);
    Party party = parties.get(index);
    if (!party.ratificationRequired() || !party.hasSigned()) {
      throw new RuleViolation(
          RATIFICATION_NOT_REQUIRED,
          "'" + organizationCode + "' does not need to ratify this agreement");
    }
    if (party.ratification() != null) {
      throw new StateConflict("'" + organizationCode + "' has already ratified");
    }
    if (ratification.date().compareTo(party.signature().date()) < 0) {
      throw new InvalidValue(
          "date", "cannot be before the party's signature (" + party.signature().date() + ")");
    }
    List<Party> updated = new ArrayList<>(parties);
    updated.set(index, party.withRatification(ratification));
    parties = updated;
    updatedAt = now;
    return AgreementChange.PARTY_RATIFIED;
  }

  /**
   * Signed → in force on a date, once every signatory that must ratify has; a fixed duration sets
   * the expiry date unless one was given. Non-signing parties are not waited for (their silence
   * must not block the signatories), but until they accept they are not bound: they stay invited.
   */
  public AgreementChange enterIntoForce(LocalDate date, Instant now) {
    LIFECYCLE.require(status, "enter-into-force");
    List<String> awaiting =
        parties.stream()
            .filter(p -> p.signatory() && !p.bound())
            .map(Party::organizationCode)
            .toList();
    if (!awaiting.isEmpty()) {
      throw new StateConflict("Awaiting ratification by " + awaiting);
    }
    LocalDate lastSignature =
        parties.stream()
            .filter(Party::hasSigned)
            .map(p -> p.signature().date().earliest())
            .max(LocalDate::compareTo)
            .orElseThrow();
    if (date.isBefore(lastSignature)) {
      throw new InvalidValue("date", "cannot be before the last signature (" + lastSignature + ")");
    }
    entryIntoForce = date;
    if (expiresOn == null && durationMonths != null) {
      expiresOn = date.plusMonths(durationMonths);
    }
    status = AgreementStatus.IN_FORCE;
    updatedAt = now;
    return AgreementChange.ENTERED_INTO_FORCE;
  }

  public AgreementChange suspend(String reason, Instant now) {
    LIFECYCLE.require(status, "suspend");
    status = AgreementStatus.SUSPENDED;
    endReason = reason;
    updatedAt = now;
    return AgreementChange.SUSPENDED;
  }

  public AgreementChange resume(Instant now) {
    LIFECYCLE.require(status, "resume");
    status = AgreementStatus.IN_FORCE;
    endReason = null;
    updatedAt = now;
    return AgreementChange.RESUMED;
  }

  /** Ends the agreement early, e.g. by a party's denunciation. */
  public AgreementChange terminate(LocalDate date, String reason, Instant now) {
    LIFECYCLE.require(status, "terminate");
    if (entryIntoForce != null && date.isBefore(entryIntoForce)) {
      throw new InvalidValue("date", "cannot be before entry into force (" + entryIntoForce + ")");
    }
    status = AgreementStatus.TERMINATED;
    endedOn = date;
    endReason = Objects.requireNonNull(reason);
    updatedAt = now;
    return AgreementChange.TERMINATED;
  }

  /**
   * Abandons a draft before it was signed: nobody is bound by it, its versions stay. The date is
   * the day it was withdrawn.
   */
  public AgreementChange withdraw(LocalDate date, String reason, Instant now) {
    LIFECYCLE.require(status, "withdraw");
    status = AgreementStatus.WITHDRAWN;
    endedOn = date;
    endReason = Objects.requireNonNull(reason);
    updatedAt = now;
    return AgreementChange.WITHDRAWN;
  }

  /**
   * Called daily: an agreement in force or suspended whose expiry date has passed expires, unless
   * it renews automatically, in which case it runs for another period. Returns null when nothing is
   * due (a job asks every candidate, so this is not a refusal).
   */
  public AgreementChange expireIfDue(LocalDate today, Instant now) {
    if (!LIFECYCLE.allows(status, "expire") || expiresOn == null || !today.isAfter(expiresOn)) {
      return null;
    }
    if (autoRenewal && durationMonths != null) {
      // Catch up in one step if the job did not run for a while: renew until the agreement runs
      // past today.
      do {
        expiresOn = expiresOn.plusMonths(durationMonths);
      } while (today.isAfter(expiresOn));
      updatedAt = now;
      return AgreementChange.RENEWED;
    }
    status = AgreementStatus.EXPIRED;
    endedOn = expiresOn;
    updatedAt = now;
    return AgreementChange.EXPIRED;
  }

  /**
   * A non-signing party (observer, implementing body, depositary) consents to being named, any time
   * from the draft until the agreement ends; the acceptance records the version it accepted.
   * Signatories consent by signing.
   */
  public AgreementChange accept(String organizationCode, Party.Acceptance acceptance, Instant now) {
    int index = indexOf(organizationCode);
    Party party = parties.get(index);
    if (party.signatory()) {
      throw new RuleViolation(
          "signatory-consents-by-signing",
          "'"
              + organizationCode
              + "' is a signatory: it consents by signing, not by an acceptance");
    }
    LIFECYCLE.require(status, "accept");
    if (party.acceptance() != null) {
      throw new StateConflict("'" + organizationCode + "' has already accepted this agreement");
    }
    List<Party> updated = new ArrayList<>(parties);
    updated.set(index, party.withAcceptance(Objects.requireNonNull(acceptance)));
    parties = updated;
    updatedAt = now;
    return AgreementChange.PARTY_ACCEPTED;
  }

  /**
   * A party approves one version of the text by quoting the version's SHA-256; the caller checks
   * the hash against the stored version before calling this. A party approves a given version once.
   */
  public AgreementChange approve(
      String organizationCode, long versionNumber, String sha256, Instant now) {
    indexOf(organizationCode);
    LIFECYCLE.require(status, "approve");
    if (approvals.stream()
        .anyMatch(
            a ->
                a.organizationCode().equals(organizationCode)
                    && a.versionNumber() == versionNumber)) {
      throw new StateConflict(
          "'" + organizationCode + "' has already approved version " + versionNumber);
    }
    List<Approval> updated = new ArrayList<>(approvals);
    updated.add(new Approval(organizationCode, versionNumber, sha256));
    approvals = updated;
    updatedAt = now;
    return AgreementChange.APPROVED;
  }

  /**
   * An amendment of this agreement entered into force: only an agreement that is signed or running
   * can be amended.
   */
  public AgreementChange amendBy(UUID amendmentId, Instant now) {
    LIFECYCLE.require(status, "amend");
    List<UUID> updated = new ArrayList<>(amendedBy);
    updated.add(amendmentId);
    amendedBy = updated;
    updatedAt = now;
    return AgreementChange.AMENDED;
  }

  /** A party's approval of one version, by its hash. */
  public record Approval(String organizationCode, long versionNumber, String sha256) {}

  /**
   * The commands the current status allows, as the API names them (from {@link #LIFECYCLE}, like
   * every guard), whoever asks.
   */
  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  /**
   * The commands the current status allows that one caller may perform now: those of {@link
   * #LIFECYCLE} for which the caller acts for one of the command's {@link #performers}. Nobody
   * performs {@code expire} (the expiry job does), and a caller acting for no organization (an
   * anonymous reader, an attendee) performs none.
   *
   * @param actsForAny whether the caller may act for any of the organizations given (a registrar
   *     for every one, a partner for its own)
   * @param amendedSignatories for an amendment, the signatories of the agreement it amends: only
   *     their partners bring it into force; empty for an agreement that amends none
   */
  public List<String> allowedTransitionsFor(
      Predicate<Collection<String>> actsForAny, Set<String> amendedSignatories) {
    return LIFECYCLE.allowedIn(status).stream()
        .filter(
            command -> {
              Set<String> performers = performers(command);
              if (performers.isEmpty() || !actsForAny.test(performers)) {
                return false;
              }
              return !"enter-into-force".equals(command)
                  || amendsId == null
                  || (!amendedSignatories.isEmpty() && actsForAny.test(amendedSignatories));
            })
        .toList();
  }

  /**
   * The organizations whose partners may perform a command now (a registrar acts for each of them):
   * the signatories start, suspend, end or withdraw an agreement and revise its draft; a signatory
   * that has not signed signs, one that signed and must ratify ratifies; a named party that is no
   * signatory and has not accepted accepts; every named party approves a version; a party that
   * joined (a signatory, or one that accepted) amends. None for {@code expire}, the expiry job's.
   */
  Set<String> performers(String command) {
    return codes(
        switch (command) {
          case "revise", "enter-into-force", "suspend", "resume", "terminate", "withdraw" ->
              Party::signatory;
          case "sign" -> p -> p.signatory() && !p.hasSigned();
          case "ratify" ->
              p -> p.signatory() && p.hasSigned() && p.ratificationRequired() && !p.bound();
          case "accept" -> p -> !p.signatory() && p.acceptance() == null;
          case "approve" -> p -> true;
          case "amend" -> p -> p.signatory() || p.consented();
          default -> p -> false;
        });
  }

  private Set<String> codes(Predicate<Party> which) {
    Set<String> codes = new TreeSet<>();
    parties.stream().filter(which).forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  /**
   * Checks the framework rule against the terms as written, on {@code today}: called when a draft
   * is written or revised. Every named party's country must have been a member of every framework
   * the agreement names; when one was not, the agreement is refused with the rule {@value
   * #FRAMEWORK_MEMBERSHIP} (naming the countries), unless a registrar overrides it, which is then
   * recorded. New terms replace whatever override the old ones had.
   *
   * @param named the frameworks the terms name, by code
   * @param override a registrar's request to override the rule, or null
   */
  public void admitFrameworks(
      Map<String, Framework> named,
      LocalDate today,
      FrameworkOverride.Request override,
      Instant now) {
    frameworkOverride = admitted(named, PartialDate.of(today), override, now);
  }

  /**
   * Checks the framework rule again when the last signature has made the agreement signed, against
   * the signing date (the latest signature's): membership may have changed since the draft. An
   * override recorded with the terms still covers them; otherwise a registrar may override here.
   */
  public void admitFrameworksOnSigning(
      Map<String, Framework> named, FrameworkOverride.Request override, Instant now) {
    if (status != AgreementStatus.SIGNED || frameworkOverride != null) {
      return;
    }
    frameworkOverride = admitted(named, signingDate(), override, now);
  }

  private FrameworkOverride admitted(
      Map<String, Framework> named,
      PartialDate on,
      FrameworkOverride.Request override,
      Instant now) {
    Map<String, List<String>> nonMembers = nonMembers(named, on);
    if (nonMembers.isEmpty()) {
      return null;
    }
    if (override == null) {
      throw new RuleViolation(
              FRAMEWORK_MEMBERSHIP,
              "An agreement names a framework only if every party's country was a member of it on "
                  + on
                  + "; not members: "
                  + nonMembers.entrySet().stream()
                      .map(e -> String.join(", ", e.getValue()) + " of " + e.getKey())
                      .collect(Collectors.joining("; ")))
          .with("date", on.toString())
          .with("nonMembers", nonMembers);
    }
    return new FrameworkOverride(override.by(), now, override.reason(), nonMembers);
  }

  /**
   * Per framework the agreement names, the countries of its named parties that were not members on
   * {@code on} (frameworks all of whose parties' countries were members are left out): empty when
   * the framework rule holds.
   *
   * @param named the frameworks the agreement names, by code
   */
  public Map<String, List<String>> nonMembers(Map<String, Framework> named, PartialDate on) {
    Set<String> countries = new TreeSet<>();
    parties.forEach(p -> countries.add(p.country()));
    Map<String, List<String>> nonMembers = new TreeMap<>();
    for (String code : frameworks) {
      Framework framework =
          Objects.requireNonNull(
              named.get(code), () -> code + " is not among the frameworks given");
      List<String> outside = countries.stream().filter(c -> !framework.hadMember(c, on)).toList();
      if (!outside.isEmpty()) {
        nonMembers.put(code, outside);
      }
    }
    return nonMembers;
  }

  /**
   * The date the last signatory signed (the latest signature's date): the day an agreement was
   * signed, against which the framework rule is checked again.
   */
  public PartialDate signingDate() {
    return parties.stream()
        .filter(Party::hasSigned)
        .map(p -> p.signature().date())
        .max(PartialDate::compareTo)
        .orElseThrow(() -> new IllegalStateException("nobody has signed " + code));
  }

  public boolean hasParty(String organizationCode) {
    return parties.stream().anyMatch(p -> p.organizationCode().equals(organizationCode));
  }

  /** Every named party, consented or not. */
  public Set<String> partyCodes() {
    Set<String> codes = new TreeSet<>();
    parties.forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  /**
   * The parties that have joined the agreement as a whole: its signatories (they negotiate the text
   * and sign it), and any other party once it accepted. An observer only named by others has not
   * joined: it may read, and accept.
   */
  public Set<String> joinedPartyCodes() {
    Set<String> codes = new TreeSet<>();
    parties.stream()
        .filter(p -> p.signatory() || p.consented())
        .forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  /** The signatories: only their partners start, suspend or end force, or revise the draft. */
  public Set<String> signatoryCodes() {
    Set<String> codes = new TreeSet<>();
    parties.stream().filter(Party::signatory).forEach(p -> codes.add(p.organizationCode()));
    return codes;
  }

  private void apply(AgreementTerms terms, Map<String, Organization> directory, Instant now) {
    if (terms.parties().size() < 2) {
      throw new InvalidValue("parties", "an agreement needs at least two parties");
    }
    if (terms.partyCodes().stream().distinct().count() != terms.parties().size()) {
      throw new InvalidValue("parties", "an organization may be party only once");
    }
    if (terms.parties().stream().noneMatch(AgreementTerms.NamedParty::signatory)) {
      throw new InvalidValue("parties", "at least one party must be a signatory");
    }
    if (terms.parties().stream().anyMatch(p -> p.ratificationRequired() && !p.signatory())) {
      throw new InvalidValue(
          "parties", "only a signatory ratifies; other parties consent by an acceptance");
    }
    kind = terms.kind();
    visibility = terms.visibility();
    title = new LinkedHashMap<>(terms.title());
    summary = new LinkedHashMap<>(terms.summary());
    // New terms are a new text: whatever was signed or accepted before does not carry over.
    parties =
        terms.parties().stream()
            .map(
                p -> {
                  Organization organization =
                      Objects.requireNonNull(
                          directory.get(p.organizationCode()),
                          () -> p.organizationCode() + " is not in the directory given");
                  return Party.named(
                      organization.id(),
                      organization.code(),
                      organization.country(),
                      p.role(),
                      p.ratificationRequired());
                })
            .toList();
    fields = List.copyOf(new TreeSet<>(terms.fields()));
    iscedCodes = List.copyOf(new TreeSet<>(terms.iscedCodes()));
    frameworks = List.copyOf(new TreeSet<>(terms.frameworks()));
    languages = List.copyOf(new TreeSet<>(terms.languages()));
    for (Document document : terms.documents()) {
      if (!languages.contains(document.language())) {
        throw new InvalidValue(
            "documents",
            "a document in '"
                + document.language()
                + "' is not among the authentic languages "
                + languages);
      }
    }
    documents = List.copyOf(terms.documents());
    durationMonths = terms.durationMonths();
    expiresOn = terms.expiresOn();
    autoRenewal = terms.autoRenewal();
    updatedAt = now;
  }

  /** Refuses an organization that is not named on this agreement (the rule {@code not-named}). */
  public void requireNamed(String organizationCode) {
    indexOf(organizationCode);
  }

  private int indexOf(String organizationCode) {
    for (int i = 0; i < parties.size(); i++) {
      if (parties.get(i).organizationCode().equals(organizationCode)) {
        return i;
      }
    }
    throw new RuleViolation(
        "not-named", "'" + organizationCode + "' is not a party to this agreement");
  }

  /**
   * A reference to an authentic text: where it is, in which language, and the SHA-256 of the file.
   */
  public record Document(String url, String language, String sha256) {}

  /**
   * The terms as they now stand: as drafted or last revised, with the expiry date the lifecycle set
   * (at entry into force, at each renewal). The parties are named as the terms name them; their
   * signatures and acceptances are in {@link #parties()}.
   */
  public AgreementTerms terms() {
    return new AgreementTerms(
        kind,
        visibility,
        Map.copyOf(title),
        Map.copyOf(summary),
        parties.stream()
            .map(
                p ->
                    new AgreementTerms.NamedParty(
                        p.organizationCode(), p.role(), p.ratificationRequired()))
            .toList(),
        fields,
        iscedCodes,
        frameworks,
        languages,
        documents,
        durationMonths,
        expiresOn,
        autoRenewal);
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public AgreementStatus status() {
    return status;
  }

  public Visibility visibility() {
    return visibility;
  }

  public List<Party> parties() {
    return parties;
  }

  public UUID amendsId() {
    return amendsId;
  }

  public LocalDate entryIntoForce() {
    return entryIntoForce;
  }

  public LocalDate endedOn() {
    return endedOn;
  }

  public List<Approval> approvals() {
    return approvals;
  }

  public List<UUID> amendedBy() {
    return amendedBy;
  }

  public String endReason() {
    return endReason;
  }

  public FrameworkOverride frameworkOverride() {
    return frameworkOverride;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
