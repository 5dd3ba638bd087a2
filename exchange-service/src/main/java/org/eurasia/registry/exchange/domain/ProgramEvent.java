package org.eurasia.registry.exchange.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A programme's state after a change, for events-service (which links events to programmes) and anyone reporting on
 * exchanges. {@code acceptedInstitutions} says which of the two named institutions are bound: a consumer presents the
 * programme as an institution's only once it is listed there. Schema:
 * {@code contract/events/registry.program.v1.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgramEvent(
    @JsonIgnore String eventType,
    UUID programId,
    String code,
    ProgramKind kind,
    Map<String, String> title,
    UUID agreementId,
    String sendingInstitution,
    String sendingCountry,
    String receivingInstitution,
    String receivingCountry,
    List<String> acceptedInstitutions,
    List<String> academicYears,
    List<EventQuota> quotas,
    ProgramStatus status,
    String suspensionReason,
    boolean suspendedByAgreement,
    long version)
    implements DomainEvent {

  /** Built after the change was flushed, so {@code version} is the row's new version. */
  public static ProgramEvent of(ProgramChange change, Program p, List<Quota> quotas) {
    return new ProgramEvent(
        change.eventType(),
        p.id(),
        p.code(),
        p.kind(),
        p.title(),
        p.agreementId(),
        p.sending().code(),
        p.sending().country(),
        p.receiving().code(),
        p.receiving().country(),
        p.acceptedInstitutionCodes(),
        p.academicYears(),
        quotas.stream().map(q -> new EventQuota(q.academicYear(), q.direction(), q.places())).toList(),
        p.status(),
        p.suspensionReason(),
        p.suspendedByAgreement(),
        p.version());
  }

  /** Places per year and direction; null places: not yet defined. */
  public record EventQuota(String academicYear, Direction direction, Integer places) {}

  @Override
  @JsonIgnore
  public String aggregateType() {
    return "program";
  }

  @Override
  @JsonIgnore
  public String aggregateId() {
    return programId.toString();
  }

  @Override
  @JsonIgnore
  public long aggregateVersion() {
    return version;
  }
}
