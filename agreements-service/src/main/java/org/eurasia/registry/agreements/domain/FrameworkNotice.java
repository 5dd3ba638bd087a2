package org.eurasia.registry.agreements.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change to a regional framework sends: its code and its terms ({@link
 * Framework#terms()}): names, description and members over time, whole, so another service can keep
 * a copy (which countries an agreement under CPEC may bind) without asking. It holds nothing
 * confidential. Its wire shape is the messaging package's; schema: {@code
 * contract/events/registry.framework.v1.schema.json}.
 */
public record FrameworkNotice(
    String eventType,
    UUID frameworkId,
    String code,
    Map<String, String> names,
    Map<String, String> description,
    List<Member> members,
    long version,
    boolean removed)
    implements DomainEvent {

  public static final String REGISTERED = "registry.framework.registered.v1";
  public static final String UPDATED = "registry.framework.updated.v1";
  public static final String REMOVED = "registry.framework.removed.v1";

  /** The kind of record: the events' {@link #aggregateType()} and the change log's record type. */
  public static final String AGGREGATE_TYPE = "framework";

  /** Built after the insert was flushed, like {@link #updated}. */
  public static FrameworkNotice registered(Framework f) {
    return of(REGISTERED, f, f.version(), false);
  }

  public static FrameworkNotice updated(Framework f) {
    return of(UPDATED, f, f.version(), false);
  }

  /** Removal has no row version of its own: it is the version after the last one. */
  public static FrameworkNotice removed(Framework f) {
    return of(REMOVED, f, f.version() + 1, true);
  }

  private static FrameworkNotice of(String type, Framework f, long version, boolean removed) {
    FrameworkTerms terms = f.terms();
    return new FrameworkNotice(
        type,
        f.id(),
        f.code(),
        terms.names(),
        terms.description(),
        terms.members().stream().map(Member::of).toList(),
        version,
        removed);
  }

  /**
   * A country's membership period; {@code since} and {@code until} as written ({@code 2015}, {@code
   * 2015-01}, {@code 2015-01-01}), null when unknown or still a member.
   */
  public record Member(String country, String since, String until) {
    static Member of(Framework.Membership m) {
      return new Member(
          m.country(),
          m.since() == null ? null : m.since().toString(),
          m.until() == null ? null : m.until().toString());
    }
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  /** A removed framework is deleted: its notice is the last one. */
  @Override
  public boolean tombstone() {
    return removed;
  }

  @Override
  public String aggregateId() {
    return frameworkId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
