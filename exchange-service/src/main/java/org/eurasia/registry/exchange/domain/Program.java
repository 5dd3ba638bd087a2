package org.eurasia.registry.exchange.domain;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * An exchange programme under one agreement between a sending and a receiving institution. Its
 * lifecycle rules live here; whether the agreement allows it to run is {@link ProgramEligibility}'s
 * call, and its places per year and direction are counted in {@code program_quota} by {@link
 * ProgramRepository} (a counter many acceptances change at once must not share this row's
 * optimistic version).
 *
 * <p>Naming an institution does not bind it: the creator's own institution accepts by creating (a
 * registrar's creation binds both), the other is invited until its partner accepts ({@link
 * #accept}). Only accepted institutions manage the programme, and it opens only once both accepted.
 */
@Entity
@Table(name = "program")
public class Program {

  /**
   * The commands each status allows, named as the API names them: every guard below and {@link
   * #allowedTransitions} come from this table. A completed programme changes no more.
   */
  static final Lifecycle<ProgramStatus> LIFECYCLE =
      Lifecycle.of(ProgramStatus.class, "a programme")
          .in(ProgramStatus.PLANNED, "accept", "open", "suspend", "update")
          .in(ProgramStatus.OPEN, "accept", "close", "suspend", "update")
          .in(ProgramStatus.CLOSED, "accept", "open", "complete", "suspend", "update")
          .in(ProgramStatus.SUSPENDED, "accept", "resume", "update")
          .build();

  /**
   * The programme takes no nominations now: it is not open, or today is outside its application
   * window.
   */
  public static final String NOT_TAKING_NOMINATIONS = "not-taking-nominations";

  /**
   * The programme's status does not let its mobilities be accepted now (not yet open, suspended,
   * completed).
   */
  public static final String NOT_TAKING_ACCEPTANCES = "not-taking-acceptances";

  @Id private UUID id;

  /**
   * Unique per agreement (see V8): whoever may name the agreement may read every programme under
   * it.
   */
  @Column(nullable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProgramKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @Column(name = "agreement_id", nullable = false)
  private UUID agreementId;

  @Column(name = "sending_institution", nullable = false)
  private String sendingInstitution;

  @Column(name = "sending_country", nullable = false)
  private String sendingCountry;

  @Column(name = "receiving_institution", nullable = false)
  private String receivingInstitution;

  @Column(name = "receiving_country", nullable = false)
  private String receivingCountry;

  @Column(name = "sending_accepted", nullable = false)
  private boolean sendingAccepted;

  @Column(name = "receiving_accepted", nullable = false)
  private boolean receivingAccepted;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "academic_years", nullable = false)
  private List<String> academicYears;

  @Column(name = "duration_amount", nullable = false)
  private int durationAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "duration_unit", nullable = false)
  private StayDuration.Unit durationUnit;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "isced_codes", nullable = false)
  private List<String> iscedCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "eqf_levels", nullable = false)
  private List<Integer> eqfLevels;

  private String language;

  @Enumerated(EnumType.STRING)
  @Column(name = "minimum_cefr")
  private CefrLevel minimumCefr;

  @Column(name = "applications_open_on")
  private LocalDate applicationsOpenOn;

  @Column(name = "applications_close_on")
  private LocalDate applicationsCloseOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProgramStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "suspended_from")
  private ProgramStatus suspendedFrom;

  @Column(name = "suspension_reason")
  private String suspensionReason;

  @Column(name = "suspended_by_agreement", nullable = false)
  private boolean suspendedByAgreement;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Program() {}

  /**
   * A new programme, planned: it opens for nominations only once {@link #open} allows it.
   *
   * @param acceptedBy the institutions bound from the start: the creator's own, or both when a
   *     registrar creates it
   */
  public static Program plan(
      UUID id,
      String code,
      ProgramKind kind,
      UUID agreementId,
      Institution sending,
      Institution receiving,
      ProgramTerms terms,
      Set<String> acceptedBy,
      Instant now) {
    if (sending.code().equals(receiving.code())) {
      throw new InvalidValue("receivingInstitution", "must differ from the sending institution");
    }
    if (!Set.of(sending.code(), receiving.code()).containsAll(acceptedBy)) {
      throw new IllegalArgumentException(
          "Only the programme's institutions accept it: " + acceptedBy);
    }
    Program p = new Program();
    p.id = Objects.requireNonNull(id);
    p.code = Objects.requireNonNull(code);
    p.kind = Objects.requireNonNull(kind);
    p.agreementId = Objects.requireNonNull(agreementId);
    p.sendingInstitution = sending.code();
    p.sendingCountry = sending.country();
    p.receivingInstitution = receiving.code();
    p.receivingCountry = receiving.country();
    p.sendingAccepted = acceptedBy.contains(sending.code());
    p.receivingAccepted = acceptedBy.contains(receiving.code());
    p.status = ProgramStatus.PLANNED;
    p.createdAt = now;
    p.apply(terms, now);
    return p;
  }

  /** Replaces the negotiable terms; the agreement, institutions and kind are fixed at creation. */
  public ProgramChange revise(ProgramTerms terms, Instant now) {
    require("update");
    apply(terms, now);
    return ProgramChange.UPDATED;
  }

  /**
   * Terms revised before the programme ever opened are new terms: an institution accepted the
   * earlier ones, not these, so only those the reviser acts for stay bound ({@code revisers}: its
   * own organization; both for a registrar) and the other is invited again. Once the programme has
   * run, both institutions manage it and its terms together.
   */
  public void keepAcceptancesOf(java.util.Collection<String> revisers) {
    if (status == ProgramStatus.PLANNED
        || (status == ProgramStatus.SUSPENDED && suspendedFrom == ProgramStatus.PLANNED)) {
      sendingAccepted = sendingAccepted && revisers.contains(sendingInstitution);
      receivingAccepted = receivingAccepted && revisers.contains(receivingInstitution);
    }
  }

  /**
   * An institution named by the programme accepts it, through its own partner (or a registrar
   * recording it): from now on it is bound, may manage the programme, and counts as one of its
   * institutions in lists and statistics.
   *
   * @throws RuleViolation {@code not-named} when the organization is not one of the two
   *     institutions
   * @throws StateConflict when it accepted already
   */
  public ProgramChange accept(String organizationCode, Instant now) {
    if (!institutionCodes().contains(organizationCode)) {
      throw new RuleViolation(
          "not-named",
          "organizationCode: '"
              + organizationCode
              + "' is not an institution of programme "
              + code);
    }
    if (acceptedInstitutionCodes().contains(organizationCode)) {
      throw new StateConflict("'" + organizationCode + "' has already accepted programme " + code);
    }
    require("accept");
    if (organizationCode.equals(sendingInstitution)) {
      sendingAccepted = true;
    } else {
      receivingAccepted = true;
    }
    updatedAt = now;
    return ProgramChange.INSTITUTION_ACCEPTED;
  }

  /**
   * Opens for nominations; the caller has checked the agreement is in force ({@link
   * ProgramEligibility}). Both institutions must have accepted: a programme runs only between
   * institutions that agreed to it.
   */
  public ProgramChange open(Instant now) {
    require("open");
    List<String> pending = pendingInstitutionCodes();
    if (!pending.isEmpty()) {
      throw new RuleViolation(
              "institution-not-accepted",
              String.join(" and ", pending)
                  + " has not accepted programme "
                  + code
                  + " yet; it opens once both institutions have")
          .with("pendingInstitutions", pending);
    }
    status = ProgramStatus.OPEN;
    updatedAt = now;
    return ProgramChange.OPENED;
  }

  public ProgramChange close(Instant now) {
    require("close");
    status = ProgramStatus.CLOSED;
    updatedAt = now;
    return ProgramChange.CLOSED;
  }

  public ProgramChange complete(Instant now) {
    require("complete");
    status = ProgramStatus.COMPLETED;
    updatedAt = now;
    return ProgramChange.COMPLETED;
  }

  /**
   * Suspends, remembering where the programme was so resuming returns it there. {@code byAgreement}
   * marks a suspension caused by the agreement (suspended, terminated, expired): only those are
   * lifted when the agreement resumes, so an agreement resuming never undoes a suspension a person
   * decided.
   */
  public ProgramChange suspend(String reason, boolean byAgreement, Instant now) {
    require("suspend");
    suspendedFrom = status;
    status = ProgramStatus.SUSPENDED;
    suspensionReason = reason;
    suspendedByAgreement = byAgreement;
    updatedAt = now;
    return ProgramChange.SUSPENDED;
  }

  /**
   * Back to the state before the suspension. Reopening needs the agreement in force, which the
   * caller checks.
   */
  public ProgramChange resume(Instant now) {
    require("resume");
    status = suspendedFrom;
    suspendedFrom = null;
    suspensionReason = null;
    suspendedByAgreement = false;
    updatedAt = now;
    return ProgramChange.RESUMED;
  }

  /** The status resuming would return to, or null when not suspended. */
  public ProgramStatus statusAfterResume() {
    return status == ProgramStatus.SUSPENDED ? suspendedFrom : null;
  }

  /**
   * Checks that a nomination for this year and direction may be made today: the programme's
   * agreement is in force (whatever the programme's state: an agreement not in force takes no new
   * participants), the programme is open, runs that year, and (when it has one) its application
   * window includes today.
   *
   * @param agreement the agreement the programme runs under, as this service knows it now
   * @throws RuleViolation {@code agreement-not-in-force}; {@link #NOT_TAKING_NOMINATIONS} when it
   *     is not open or outside its window
   * @throws InvalidValue {@code academicYear} when it does not run that year
   */
  public void requireNominationsFor(
      String academicYear, LocalDate today, AgreementProjection agreement) {
    requireItsAgreementInForce(agreement);
    if (status != ProgramStatus.OPEN) {
      throw new RuleViolation(
          NOT_TAKING_NOMINATIONS,
          "Programme " + code + " is " + status + "; nominations need it OPEN");
    }
    if (!academicYears.contains(academicYear)) {
      throw new InvalidValue(
          "academicYear", "programme " + code + " runs in " + academicYears + " only");
    }
    if (applicationsOpenOn != null && today.isBefore(applicationsOpenOn)) {
      throw new RuleViolation(
          NOT_TAKING_NOMINATIONS,
          "Applications to programme " + code + " open on " + applicationsOpenOn);
    }
    if (applicationsCloseOn != null && today.isAfter(applicationsCloseOn)) {
      throw new RuleViolation(
          NOT_TAKING_NOMINATIONS,
          "Applications to programme " + code + " closed on " + applicationsCloseOn);
    }
  }

  /**
   * Acceptances continue after nominations close, but not while suspended or once completed, and
   * never while the agreement is not in force: a closed programme is not suspended with its
   * agreement (it takes no nominations), yet its host may not take in new participants.
   *
   * @param agreement the agreement the programme runs under, as this service knows it now
   * @throws RuleViolation {@code agreement-not-in-force}, or {@link #NOT_TAKING_ACCEPTANCES} when
   *     the status does not take acceptances
   */
  public void requireAcceptances(AgreementProjection agreement) {
    requireItsAgreementInForce(agreement);
    if (status != ProgramStatus.OPEN && status != ProgramStatus.CLOSED) {
      throw new RuleViolation(
          NOT_TAKING_ACCEPTANCES,
          "Programme " + code + " is " + status + "; acceptances need it OPEN or CLOSED");
    }
  }

  private void requireItsAgreementInForce(AgreementProjection agreement) {
    if (!agreementId.equals(agreement.agreementId())) {
      throw new IllegalArgumentException(
          "Programme " + code + " runs under agreement " + agreementId + ", not this one");
    }
    ProgramEligibility.requireInForce(agreement);
  }

  /** The institution a mobility in this direction leaves from. */
  public Institution homeOf(Direction direction) {
    return direction == Direction.SENDING_TO_RECEIVING ? sending() : receiving();
  }

  /** The institution a mobility in this direction goes to; it decides on acceptance. */
  public Institution hostOf(Direction direction) {
    return direction == Direction.SENDING_TO_RECEIVING ? receiving() : sending();
  }

  public Institution sending() {
    return new Institution(sendingInstitution, sendingCountry);
  }

  public Institution receiving() {
    return new Institution(receivingInstitution, receivingCountry);
  }

  /**
   * Both institutions the programme names, accepted or not (being named lets one see the
   * programme).
   */
  public Set<String> institutionCodes() {
    return Set.of(sendingInstitution, receivingInstitution);
  }

  /**
   * Who may read the programme (registrars aside): everyone, unless its agreement is confidential;
   * then only its two institutions and the agreement's parties. The read rule and the audience of
   * its notices both.
   *
   * @param agreement the agreement as this service knows it, or null when it is not known here
   */
  public Audience audience(AgreementProjection agreement) {
    if (agreement == null || !agreement.isConfidential()) {
      return Audience.everyone();
    }
    Set<String> readers = new TreeSet<>(institutionCodes());
    readers.addAll(agreement.partyCodes());
    return Audience.only(readers);
  }

  /** The institutions that accepted the programme, sending first: only they manage it. */
  public List<String> acceptedInstitutionCodes() {
    List<String> accepted = new ArrayList<>(2);
    if (sendingAccepted) {
      accepted.add(sendingInstitution);
    }
    if (receivingAccepted) {
      accepted.add(receivingInstitution);
    }
    return List.copyOf(accepted);
  }

  /** The institutions named but not yet accepted (invited), sending first. */
  public List<String> pendingInstitutionCodes() {
    List<String> pending = new ArrayList<>(2);
    if (!sendingAccepted) {
      pending.add(sendingInstitution);
    }
    if (!receivingAccepted) {
      pending.add(receivingInstitution);
    }
    return List.copyOf(pending);
  }

  /**
   * The commands the current status allows ({@link #LIFECYCLE}); {@code accept} only while an
   * institution is still invited, since one that accepted cannot accept again.
   */
  public List<String> allowedTransitions() {
    List<String> allowed = LIFECYCLE.allowedIn(status);
    return pendingInstitutionCodes().isEmpty()
        ? allowed.stream().filter(c -> !c.equals("accept")).toList()
        : allowed;
  }

  /**
   * What a client may do now: {@link #allowedTransitions()} less the commands that need the
   * agreement in force while it is not ({@code open}, which also reopens, and {@code resume} back
   * to planned or open), so that nothing advertised is then refused for the agreement.
   */
  public List<String> allowedTransitions(boolean agreementInForce) {
    if (agreementInForce) {
      return allowedTransitions();
    }
    return allowedTransitions().stream().filter(c -> !needsAgreementInForce(c)).toList();
  }

  private boolean needsAgreementInForce(String command) {
    ProgramStatus after = statusAfterResume();
    return command.equals("open")
        || (command.equals("resume")
            && (after == ProgramStatus.OPEN || after == ProgramStatus.PLANNED));
  }

  private void apply(ProgramTerms terms, Instant now) {
    this.title = new LinkedHashMap<>(terms.title());
    this.academicYears = List.copyOf(terms.academicYears());
    this.durationAmount = terms.duration().amount();
    this.durationUnit = terms.duration().unit();
    this.iscedCodes = List.copyOf(terms.iscedCodes());
    this.eqfLevels = List.copyOf(terms.eqfLevels());
    this.language = terms.language();
    this.minimumCefr = terms.minimumCefr();
    this.applicationsOpenOn = terms.applicationsOpenOn();
    this.applicationsCloseOn = terms.applicationsCloseOn();
    this.updatedAt = now;
  }

  /**
   * Refuses a command the current status does not allow, naming what it does allow as the view
   * advertises it.
   */
  private void require(String command) {
    if (!LIFECYCLE.allows(status, command)) {
      throw new InvalidTransition("a programme", status, command, allowedTransitions());
    }
  }

  /** An institution as a programme names it: its code and the country it belongs to. */
  public record Institution(String code, String country) {}

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public ProgramKind kind() {
    return kind;
  }

  public UUID agreementId() {
    return agreementId;
  }

  /**
   * The terms in force: this row's, with the quota plan kept in {@code program_quota} (read by
   * {@link ProgramRepository#quotas}).
   */
  public ProgramTerms terms(List<Quota> quotas) {
    return new ProgramTerms(
        title,
        academicYears,
        quotas.stream().map(Quota::plan).toList(),
        new StayDuration(durationAmount, durationUnit),
        iscedCodes,
        eqfLevels,
        language,
        minimumCefr,
        applicationsOpenOn,
        applicationsCloseOn);
  }

  /** The ISCED-F fields its mobilities study in; any when empty. */
  public List<String> iscedCodes() {
    return iscedCodes;
  }

  /** The EQF levels its mobilities study at; any when empty. */
  public List<Integer> eqfLevels() {
    return eqfLevels;
  }

  public ProgramStatus status() {
    return status;
  }

  public String suspensionReason() {
    return suspensionReason;
  }

  public boolean suspendedByAgreement() {
    return suspendedByAgreement;
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
