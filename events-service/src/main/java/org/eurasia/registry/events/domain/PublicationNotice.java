package org.eurasia.registry.events.domain;

import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * A publication after a change, as other services hear it. Schema: {@code
 * contract/events/registry.publication.v1.schema.json}. Publications are public, but events carry
 * ids and states, not people (issue 24): the authors' names stay in the API, out of the topic.
 */
public record PublicationNotice(
    String eventType,
    UUID publicationId,
    PublicationKind kind,
    String title,
    String publisher,
    int year,
    List<String> languages,
    String doi,
    String url,
    List<UUID> linkedEvents,
    List<UUID> linkedAgreements,
    List<UUID> linkedVentures,
    long version)
    implements DomainEvent {

  public static final String AGGREGATE_TYPE = "publication";

  public static PublicationNotice of(PublicationChange change, Publication p) {
    PublicationTerms t = p.terms();
    return new PublicationNotice(
        change.eventType(),
        p.id(),
        t.kind(),
        t.title(),
        t.publisher(),
        t.year(),
        t.languages(),
        t.doi(),
        t.url(),
        t.linkedEvents(),
        t.linkedAgreements(),
        t.linkedVentures(),
        p.version());
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return publicationId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
