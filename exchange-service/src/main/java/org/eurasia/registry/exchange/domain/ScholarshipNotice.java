package org.eurasia.registry.exchange.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Scholarship.CountryPair;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change of a scholarship itself sends (set up, terms revised, closed): its terms and
 * whether it still takes applications, whole, after the change. The count of awards made is not in
 * it (each award is its own {@link ScholarshipAwardNotice}, and counting does not change the
 * scholarship's version). Nothing personal: a scholarship names only its funder. Schema: {@code
 * contract/events/registry.scholarship-state.v1.schema.json}; wire shape in messaging.
 */
public record ScholarshipNotice(
    String eventType,
    UUID scholarshipId,
    String code,
    String funder,
    Map<String, String> title,
    BigDecimal amount,
    String currency,
    int awards,
    List<Integer> eligibleEqfLevels,
    List<String> eligibleIscedCodes,
    List<CountryPair> eligibleDirections,
    Instant closedAt,
    long version)
    implements DomainEvent {

  public static final String AGGREGATE_TYPE = "scholarship";

  public static final String CREATED = "registry.scholarship.created.v1";
  public static final String UPDATED = "registry.scholarship.updated.v1";
  public static final String CLOSED = "registry.scholarship.closed.v1";

  /** Built after the change was flushed, so {@code version} is the row's new version. */
  public static ScholarshipNotice created(Scholarship s) {
    return of(CREATED, s);
  }

  public static ScholarshipNotice updated(Scholarship s) {
    return of(UPDATED, s);
  }

  public static ScholarshipNotice closed(Scholarship s) {
    return of(CLOSED, s);
  }

  private static ScholarshipNotice of(String type, Scholarship s) {
    ScholarshipTerms t = s.terms();
    return new ScholarshipNotice(
        type,
        s.id(),
        s.code(),
        s.funder(),
        t.title(),
        t.amount(),
        t.currency(),
        t.awards(),
        t.eligibleEqfLevels(),
        t.eligibleIscedCodes(),
        t.eligibleDirections(),
        s.closedAt(),
        s.version());
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return scholarshipId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
