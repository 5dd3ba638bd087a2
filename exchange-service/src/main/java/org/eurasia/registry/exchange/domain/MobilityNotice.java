package org.eurasia.registry.exchange.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a mobility change sends: its state after the change. The participant is only the
 * pseudonymous id: no name, no e-mail, and no free text written about the person (the reason of a
 * rejection or cancellation stays in the mobility, where erasure reaches it), ever. Its wire shape
 * is set where the outbox serializes it (messaging); schema: {@code
 * contract/events/registry.mobility.v1.schema.json}.
 */
public record MobilityNotice(
    String eventType,
    UUID mobilityId,
    UUID programId,
    ProgramKind programKind,
    UUID participantId,
    String academicYear,
    Direction direction,
    String homeInstitution,
    String homeCountry,
    String hostInstitution,
    String hostCountry,
    MobilityStatus status,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    LocalDate actualStart,
    LocalDate actualEnd,
    Boolean recognized,
    Integer ectsCredits,
    MobilityAttention attention,
    long version)
    implements DomainEvent {

  public static final String AGGREGATE_TYPE = "mobility";

  /**
   * Built after the change was flushed, so {@code version} is the row's new version. Of the terms
   * it carries all but the level and field of study.
   */
  public static MobilityNotice of(MobilityChange change, Mobility m) {
    MobilityTerms terms = m.terms();
    return new MobilityNotice(
        change.eventType(),
        m.id(),
        m.programId(),
        m.programKind(),
        m.participantId(),
        terms.academicYear(),
        terms.direction(),
        m.homeInstitution(),
        m.homeCountry(),
        m.hostInstitution(),
        m.hostCountry(),
        m.status(),
        terms.plannedStart(),
        terms.plannedEnd(),
        m.actualStart(),
        m.actualEnd(),
        m.recognized(),
        m.ectsCredits(),
        m.attention(),
        m.version());
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return mobilityId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }

  /**
   * A mobility concerns an identifiable person: only its two institutions (and registrars) learn of
   * its changes, as only they may read it.
   */
  @Override
  public Audience audience() {
    return Audience.only(List.of(homeInstitution, hostInstitution));
  }

  /** A cancelled mobility is over for good: partners drop it from what they follow. */
  @Override
  public boolean tombstone() {
    return MobilityChange.CANCELLED.eventType().equals(eventType);
  }
}
