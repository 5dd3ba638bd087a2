package org.eurasia.registry.events.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * An awareness programme's public state after a change, as other services hear it. Schema: {@code
 * contract/events/registry.awareness-programme.v1.schema.json}. Only announced programmes are
 * announced (a draft's changes reach its history only), so every notice is for everyone.
 */
public record AwarenessProgrammeNotice(
    String eventType,
    UUID programmeId,
    String code,
    Map<String, String> title,
    String theme,
    List<AwarenessAudience> audiences,
    List<String> organizers,
    LocalDate startsOn,
    LocalDate endsOn,
    AwarenessProgrammeStatus status,
    List<UUID> events,
    long version)
    implements DomainEvent {

  /** The record type of awareness programmes, in notices and the change log. */
  public static final String AGGREGATE_TYPE = "awareness-programme";

  public static AwarenessProgrammeNotice of(AwarenessProgrammeChange change, AwarenessProgramme p) {
    AwarenessProgrammeTerms t = p.terms();
    return new AwarenessProgrammeNotice(
        change.eventType(),
        p.id(),
        p.code(),
        t.title(),
        t.theme(),
        t.audiences().stream().sorted().toList(),
        p.organizers(),
        t.startsOn(),
        t.endsOn(),
        p.status(),
        p.events(),
        p.version());
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return programmeId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
