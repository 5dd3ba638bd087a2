package org.eurasia.registry.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.VentureProjection;
import org.eurasia.registry.events.domain.VentureProjectionRepository;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps the venture projection from agreements-service's venture events (newest version wins, each
 * event once): a publication may link a venture once its first event arrived, and shows the
 * venture's current status.
 */
@ApplicationScoped
public class VentureEventsHandler extends ProjectingHandler<VentureEventsHandler.VentureFacts> {

  /** Every venture change: each carries the venture's state. */
  static final Set<String> TYPES = Set.of("registry.venture.*.v1");

  @Inject VentureProjectionRepository projections;

  @Inject Clock clock;

  public VentureEventsHandler() {
    super(VentureFacts.class, TYPES);
  }

  @Override
  protected void project(VentureFacts facts) {
    VentureProjection projection = projections.findByIdOptional(facts.ventureId()).orElse(null);
    boolean isNew = projection == null;
    if (isNew) {
      projection = new VentureProjection(facts.ventureId());
    }
    projection.reflect(
        facts.code(), facts.name(), facts.status(), facts.version(), clock.instant());
    if (isNew) {
      projections.persist(projection);
    }
  }

  /** The part of the venture event payload ({@code registry.venture.v1}) this service reads. */
  record VentureFacts(
      UUID ventureId, String code, Map<String, String> name, String status, long version) {}
}
