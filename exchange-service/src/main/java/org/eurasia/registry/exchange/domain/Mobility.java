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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Program.Institution;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.Lifecycle;

/**
 * One participant's move under a programme. The participant appears only by a pseudonymous id;
 * personal data is a {@link Participant}, kept apart so it can be erased. A mobility holds one of
 * its programme's places from acceptance until it is cancelled before it started ({@link
 * #holdsPlace()}). When its programme's agreement leaves force while it runs, it is flagged for its
 * institutions' attention ({@link #flag}) until the agreement returns to force.
 */
@Entity
@Table(name = "mobility")
public class Mobility {

  /**
   * The commands each status allows, named as the API names them: every guard and {@link
   * #allowedTransitions}.
   */
  static final Lifecycle<MobilityStatus> LIFECYCLE =
      Lifecycle.of(MobilityStatus.class, "a mobility")
          .in(MobilityStatus.NOMINATED, "accept", "reject", "cancel")
          .in(MobilityStatus.ACCEPTED, "start", "cancel")
          .in(MobilityStatus.IN_MOBILITY, "complete", "cancel")
          .build();

  /**
   * The statuses in which a mobility is flagged when its agreement leaves force: accepted (a place
   * held, the stay planned) or under way. A nomination is not: it cannot be accepted until the
   * agreement is in force again.
   */
  public static final Set<MobilityStatus> RUNNING =
      EnumSet.of(MobilityStatus.ACCEPTED, MobilityStatus.IN_MOBILITY);

  @Id private UUID id;

  @Column(name = "program_id", nullable = false)
  private UUID programId;

  @Enumerated(EnumType.STRING)
  @Column(name = "program_kind", nullable = false)
  private ProgramKind programKind;

  @Column(name = "academic_year", nullable = false)
  private String academicYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Direction direction;

  @Column(name = "home_institution", nullable = false)
  private String homeInstitution;

  @Column(name = "home_country", nullable = false)
  private String homeCountry;

  @Column(name = "host_institution", nullable = false)
  private String hostInstitution;

  @Column(name = "host_country", nullable = false)
  private String hostCountry;

  @Column(name = "participant_id", nullable = false)
  private UUID participantId;

  @Column(name = "eqf_level")
  private Integer eqfLevel;

  @Column(name = "isced_code")
  private String iscedCode;

  @Column(name = "planned_start", nullable = false)
  private LocalDate plannedStart;

  @Column(name = "planned_end", nullable = false)
  private LocalDate plannedEnd;

  @Column(name = "actual_start")
  private LocalDate actualStart;

  @Column(name = "actual_end")
  private LocalDate actualEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MobilityStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  private Boolean recognized;

  @Column(name = "ects_credits")
  private Integer ectsCredits;

  @Column(name = "holds_place", nullable = false)
  private boolean holdsPlace;

  @Enumerated(EnumType.STRING)
  @Column(name = "attention_reason")
  private AttentionReason attentionReason;

  @Column(name = "attention_since")
  private LocalDate attentionSince;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Mobility() {}

  /**
   * A nomination: the caller has checked the programme takes nominations for this year ({@link
   * Program}).
   */
  public static Mobility nominate(
      UUID id, Program program, MobilityTerms terms, UUID participantId, Instant now) {
    if (terms.plannedEnd().isBefore(terms.plannedStart())) {
      throw new InvalidValue("plannedEnd", "must not be before plannedStart");
    }
    if (terms.eqfLevel() != null
        && !program.eqfLevels().isEmpty()
        && !program.eqfLevels().contains(terms.eqfLevel())) {
      throw new InvalidValue(
          "eqfLevel", "programme " + program.code() + " is for EQF levels " + program.eqfLevels());
    }
    if (terms.iscedCode() != null
        && !program.iscedCodes().isEmpty()
        && !program.iscedCodes().contains(terms.iscedCode())) {
      throw new InvalidValue(
          "iscedCode", "programme " + program.code() + " covers ISCED-F " + program.iscedCodes());
    }
    Institution home = program.homeOf(terms.direction());
    Institution host = program.hostOf(terms.direction());
    Mobility m = new Mobility();
    m.id = Objects.requireNonNull(id);
    m.programId = program.id();
    m.programKind = program.kind();
    m.academicYear = terms.academicYear();
    m.direction = terms.direction();
    m.homeInstitution = home.code();
    m.homeCountry = home.country();
    m.hostInstitution = host.code();
    m.hostCountry = host.country();
    m.participantId = Objects.requireNonNull(participantId);
    m.eqfLevel = terms.eqfLevel();
    m.iscedCode = terms.iscedCode();
    m.plannedStart = terms.plannedStart();
    m.plannedEnd = terms.plannedEnd();
    m.status = MobilityStatus.NOMINATED;
    m.createdAt = now;
    m.updatedAt = now;
    return m;
  }

  /**
   * Accepts; the caller has already taken a place from the programme's quota for this year and
   * direction.
   */
  public MobilityChange accept(Instant now) {
    LIFECYCLE.require(status, "accept");
    status = MobilityStatus.ACCEPTED;
    holdsPlace = true;
    updatedAt = now;
    return MobilityChange.ACCEPTED;
  }

  public MobilityChange reject(String reason, Instant now) {
    LIFECYCLE.require(status, "reject");
    status = MobilityStatus.REJECTED;
    statusReason = reason;
    updatedAt = now;
    return MobilityChange.REJECTED;
  }

  public MobilityChange start(LocalDate on, Instant now) {
    LIFECYCLE.require(status, "start");
    status = MobilityStatus.IN_MOBILITY;
    actualStart = on;
    updatedAt = now;
    return MobilityChange.STARTED;
  }

  /**
   * Completes with the home institution's recognition decision (and ECTS credits recognised, when
   * it counts them).
   */
  public MobilityChange complete(LocalDate on, boolean isRecognized, Integer credits, Instant now) {
    LIFECYCLE.require(status, "complete");
    if (on.isBefore(actualStart)) {
      throw new InvalidValue("endedOn", "must not be before the start, " + actualStart);
    }
    status = MobilityStatus.COMPLETED;
    actualEnd = on;
    recognized = isRecognized;
    ectsCredits = credits;
    updatedAt = now;
    return MobilityChange.COMPLETED;
  }

  /**
   * Cancels. A place taken at acceptance is given back only if the mobility had not started: a stay
   * broken off half-way used the place.
   *
   * @return whether the caller must give the place back to the quota
   */
  public boolean cancel(String reason, Instant now) {
    LIFECYCLE.require(status, "cancel");
    boolean releases = status == MobilityStatus.ACCEPTED;
    if (releases) {
      holdsPlace = false;
    }
    status = MobilityStatus.CANCELLED;
    statusReason = reason;
    updatedAt = now;
    return releases;
  }

  /**
   * Flags a running mobility whose agreement is no longer in force, or updates the reason when the
   * agreement ended another way since (suspended, then terminated). The flag stays through the
   * mobility's later status changes: that it ran without its agreement in force remains a fact
   * until the agreement returns to force.
   *
   * @return null when there is nothing to flag: the mobility is not running, or is flagged for this
   *     reason already (a sweep over an agreement's mobilities asks each, so this is no refusal)
   */
  public MobilityChange flag(MobilityAttention attention, Instant now) {
    if (!RUNNING.contains(status) || attention.reason() == attentionReason) {
      return null;
    }
    attentionReason = attention.reason();
    attentionSince = attention.since();
    updatedAt = now;
    return MobilityChange.ATTENTION_RAISED;
  }

  /**
   * The agreement is in force again: the attention it called for is lifted, whatever the mobility's
   * status now.
   *
   * @return null when the mobility was not flagged
   */
  public MobilityChange clearAttention(Instant now) {
    if (attentionReason == null) {
      return null;
    }
    attentionReason = null;
    attentionSince = null;
    updatedAt = now;
    return MobilityChange.ATTENTION_CLEARED;
  }

  /**
   * Why the mobility needs its institutions' attention, or null while its agreement is in force.
   */
  public MobilityAttention attention() {
    return attentionReason == null ? null : new MobilityAttention(attentionReason, attentionSince);
  }

  public List<String> allowedTransitions() {
    return LIFECYCLE.allowedIn(status);
  }

  public Set<String> institutionCodes() {
    return Set.of(homeInstitution, hostInstitution);
  }

  /** The terms it was nominated on. */
  public MobilityTerms terms() {
    return new MobilityTerms(
        academicYear, direction, eqfLevel, iscedCode, plannedStart, plannedEnd);
  }

  public UUID id() {
    return id;
  }

  public UUID programId() {
    return programId;
  }

  public ProgramKind programKind() {
    return programKind;
  }

  public String academicYear() {
    return academicYear;
  }

  public Direction direction() {
    return direction;
  }

  public String homeInstitution() {
    return homeInstitution;
  }

  public String homeCountry() {
    return homeCountry;
  }

  public String hostInstitution() {
    return hostInstitution;
  }

  public String hostCountry() {
    return hostCountry;
  }

  public UUID participantId() {
    return participantId;
  }

  public Integer eqfLevel() {
    return eqfLevel;
  }

  public String iscedCode() {
    return iscedCode;
  }

  public LocalDate actualStart() {
    return actualStart;
  }

  public LocalDate actualEnd() {
    return actualEnd;
  }

  public MobilityStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public Boolean recognized() {
    return recognized;
  }

  public Integer ectsCredits() {
    return ectsCredits;
  }

  public boolean holdsPlace() {
    return holdsPlace;
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
