package org.eurasia.registry.exchange.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A mobility's state after a change. The participant is only the pseudonymous id: no name, no e-mail, ever.
 * Schema: {@code contract/events/registry.mobility.v1.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MobilityEvent(
    @JsonIgnore String eventType,
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
    String reason,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    LocalDate actualStart,
    LocalDate actualEnd,
    Boolean recognized,
    Integer ectsCredits,
    long version)
    implements DomainEvent {

  public static MobilityEvent of(MobilityChange change, Mobility m) {
    return new MobilityEvent(
        change.eventType(),
        m.id(),
        m.programId(),
        m.programKind(),
        m.participantId(),
        m.academicYear(),
        m.direction(),
        m.homeInstitution(),
        m.homeCountry(),
        m.hostInstitution(),
        m.hostCountry(),
        m.status(),
        m.statusReason(),
        m.plannedStart(),
        m.plannedEnd(),
        m.actualStart(),
        m.actualEnd(),
        m.recognized(),
        m.ectsCredits(),
        m.version());
  }

  @Override
  @JsonIgnore
  public String aggregateType() {
    return "mobility";
  }

  @Override
  @JsonIgnore
  public String aggregateId() {
    return mobilityId.toString();
  }

  @Override
  @JsonIgnore
  public long aggregateVersion() {
    return version;
  }
}
