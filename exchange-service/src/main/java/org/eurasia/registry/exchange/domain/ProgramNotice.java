package org.eurasia.registry.exchange.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.ProgramTerms.QuotaPlan;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a programme change sends: its state after the change, for events-service (which links
 * events to programmes) and anyone reporting on exchanges. {@code acceptedInstitutions} says which
 * of the two named institutions are bound: a consumer presents the programme as an institution's
 * only once it is listed there. Its wire shape is set where the outbox serializes it (messaging);
 * schema: {@code contract/events/registry.program.v1.schema.json}.
 *
 * @param audience who outside the service may learn of the change ({@link Program#audience}); not
 *     part of the payload
 */
public record ProgramNotice(
    String eventType,
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
    List<QuotaPlan> quotas,
    ProgramStatus status,
    String suspensionReason,
    boolean suspendedByAgreement,
    long version,
    Audience audience)
    implements DomainEvent {

  public static final String AGGREGATE_TYPE = "program";

  /**
   * Built after the change was flushed, so {@code version} is the row's new version. Of the terms
   * it carries the title, years and quotas.
   *
   * @param agreement the programme's agreement as this service knows it, or null when unknown
   */
  public static ProgramNotice of(
      ProgramChange change, Program p, List<Quota> quotas, AgreementProjection agreement) {
    ProgramTerms terms = p.terms(quotas);
    return new ProgramNotice(
        change.eventType(),
        p.id(),
        p.code(),
        p.kind(),
        terms.title(),
        p.agreementId(),
        p.sending().code(),
        p.sending().country(),
        p.receiving().code(),
        p.receiving().country(),
        p.acceptedInstitutionCodes(),
        terms.academicYears(),
        terms.quotas(),
        p.status(),
        p.suspensionReason(),
        p.suspendedByAgreement(),
        p.version(),
        p.audience(agreement));
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return programId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
