package org.eurasia.registry.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A handler that keeps a projection of another service's aggregate: each event carries the
 * aggregate's whole relevant state, so applying one is "take the newest facts", whichever change it
 * announces: such a handler usually claims the producer's whole family ({@code
 * registry.agreement.*.v1}, see {@link EventTypes}). Stale versions are skipped ({@link
 * AggregateVersions}); the payload is read as the subclass's own view of it (unknown fields
 * ignored); the subclass writes its projection.
 *
 * @param <F> the part of the payload the projection needs
 */
public abstract class ProjectingHandler<F> implements EventHandler {

  @Inject protected AggregateVersions versions;

  @Inject protected ObjectMapper json;

  private final Class<F> factsType;
  private final Set<String> eventTypes;

  protected ProjectingHandler(Class<F> factsType, Set<String> eventTypes) {
    this.factsType = factsType;
    this.eventTypes = Set.copyOf(eventTypes);
  }

  @Override
  public Set<String> eventTypes() {
    return eventTypes;
  }

  @Override
  public final void apply(ReceivedEvent event) {
    if (versions.admit(event) != AggregateVersions.Decision.APPLY) {
      return;
    }
    project(event.payload(json, factsType));
  }

  /** Writes the newer facts into the projection, in the consumer's transaction. */
  protected abstract void project(F facts);
}
