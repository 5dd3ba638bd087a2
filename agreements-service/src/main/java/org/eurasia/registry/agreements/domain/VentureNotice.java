package org.eurasia.registry.agreements.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice a change to a joint venture sends: the venture whole as another service keeps a copy
 * of it (code, kind, status, names, partners with their consent, founding agreements, fields). Its
 * wire shape is the messaging package's; schema: {@code
 * contract/events/registry.venture.v1.schema.json}. Ventures are public: everyone may learn of it.
 */
public record VentureNotice(
    String eventType,
    UUID ventureId,
    String code,
    VentureKind kind,
    VentureStatus status,
    Map<String, String> name,
    List<Partner> partners,
    List<UUID> agreementIds,
    List<CooperationField> fields,
    long version)
    implements DomainEvent {

  public static final String PROPOSED = "registry.venture.proposed.v1";
  public static final String ESTABLISHED = "registry.venture.established.v1";
  public static final String OPERATING = "registry.venture.operating.v1";
  public static final String SUSPENDED = "registry.venture.suspended.v1";
  public static final String DISSOLVED = "registry.venture.dissolved.v1";
  public static final String UPDATED = "registry.venture.updated.v1";
  public static final String PARTNER_ACCEPTED = "registry.venture.partner-accepted.v1";

  /** The kind of record: the events' {@link #aggregateType()} and the change log's record type. */
  public static final String AGGREGATE_TYPE = "venture";

  /** The notice of the venture's current state, announced as {@code type}. */
  public static VentureNotice of(String type, Venture v) {
    return new VentureNotice(
        type,
        v.id(),
        v.code(),
        v.kind(),
        v.status(),
        v.names(),
        v.partners().stream()
            .map(p -> new Partner(p.organizationCode(), p.country(), p.role(), p.consented()))
            .toList(),
        v.agreementIds(),
        v.fields(),
        v.version());
  }

  /** The notice a move into {@code status} sends. */
  public static String typeOf(VentureStatus status) {
    return switch (status) {
      case PROPOSED -> PROPOSED;
      case ESTABLISHED -> ESTABLISHED;
      case OPERATING -> OPERATING;
      case SUSPENDED -> SUSPENDED;
      case DISSOLVED -> DISSOLVED;
    };
  }

  /** A named partner; {@code consented} once it accepted. */
  public record Partner(
      String organizationCode, String country, VenturePartnerRole role, boolean consented) {}

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public String aggregateId() {
    return ventureId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
