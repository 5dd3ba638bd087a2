package org.eurasia.registry.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.ProgramProjection;
import org.eurasia.registry.events.domain.ProgramProjectionRepository;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps the programme projection from exchange-service's programme events (newest version wins,
 * each event once).
 */
@ApplicationScoped
public class ProgramEventsHandler extends ProjectingHandler<ProgramEventsHandler.ProgramFacts> {

  /**
   * Every programme change: each carries the programme's state, institution-accepted (which changes
   * who may link it) included.
   */
  static final Set<String> TYPES = Set.of("registry.program.*.v1");

  @Inject ProgramProjectionRepository projections;

  @Inject Clock clock;

  public ProgramEventsHandler() {
    super(ProgramFacts.class, TYPES);
  }

  @Override
  protected void project(ProgramFacts facts) {
    ProgramProjection projection = projections.findByIdOptional(facts.programId()).orElse(null);
    boolean isNew = projection == null;
    if (isNew) {
      projection = new ProgramProjection(facts.programId());
    }
    List<String> institutions = List.of(facts.sendingInstitution(), facts.receivingInstitution());
    projection.reflect(
        facts.code(),
        facts.status(),
        facts.agreementId(),
        institutions,
        accepted(facts, institutions),
        facts.version(),
        clock.instant());
    if (isNew) {
      projections.persist(projection);
    }
  }

  /**
   * Which institutions accepted. Absent in events written before acceptance existed: then, as the
   * producer's schema says, both for a programme that had been opened (any status but PLANNED),
   * neither for a planned one.
   */
  static List<String> accepted(ProgramFacts facts, List<String> institutions) {
    if (facts.acceptedInstitutions() != null) {
      return facts.acceptedInstitutions();
    }
    return "PLANNED".equals(facts.status()) ? List.of() : institutions;
  }

  /**
   * The part of the programme event payload this service reads; {@code acceptedInstitutions} is
   * absent in older events.
   */
  record ProgramFacts(
      UUID programId,
      String code,
      String status,
      UUID agreementId,
      String sendingInstitution,
      String receivingInstitution,
      List<String> acceptedInstitutions,
      long version) {}
}
