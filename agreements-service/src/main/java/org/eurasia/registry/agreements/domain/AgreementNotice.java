package org.eurasia.registry.agreements.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.Audience;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * The notice an agreement's change sends: what other services need to keep their own projection of
 * an agreement — status, parties (code, country, role, signed or not, consented or not: an
 * unconsented party is only invited and must not be treated as bound), fields, frameworks and
 * dates. Confidential agreements tell only what other services need to enforce rules (status,
 * parties, dates): no title, fields, ISCED codes or frameworks. Mapped member by member from the
 * agreement's terms ({@link Agreement#terms()}) and lifecycle facts: a new term reaches other
 * services only when added here and to the schema. Its wire shape (which members are left out) is
 * the messaging package's; schema: {@code contract/events/registry.agreement.v1.schema.json}.
 */
public record AgreementNotice(
    String eventType,
    UUID agreementId,
    String code,
    AgreementKind kind,
    AgreementStatus status,
    Visibility visibility,
    Map<String, String> title,
    List<NoticeParty> parties,
    List<CooperationField> fields,
    List<String> iscedCodes,
    List<String> frameworks,
    UUID amendsId,
    LocalDate entryIntoForce,
    LocalDate expiresOn,
    LocalDate endedOn,
    long version)
    implements DomainEvent {

  /** The kind of record: the events' {@link #aggregateType()} and the change log's record type. */
  public static final String AGGREGATE_TYPE = "agreement";

  /**
   * The notice of a change, built after the change was flushed so {@code version} is the row's new
   * version.
   */
  public static AgreementNotice of(AgreementChange change, Agreement a) {
    AgreementTerms terms = a.terms();
    boolean open = terms.visibility() == Visibility.PUBLIC;
    return new AgreementNotice(
        change.eventType(),
        a.id(),
        a.code(),
        terms.kind(),
        a.status(),
        terms.visibility(),
        open ? terms.title() : null,
        a.parties().stream()
            .map(
                p ->
                    new NoticeParty(
                        p.organizationCode(),
                        p.country(),
                        p.role(),
                        p.hasSigned(),
                        p.bound(),
                        p.consented()))
            .toList(),
        open ? terms.fields() : List.of(),
        open ? terms.iscedCodes() : List.of(),
        open ? terms.frameworks() : List.of(),
        a.amendsId(),
        a.entryIntoForce(),
        terms.expiresOn(),
        a.endedOn(),
        a.version());
  }

  /** A party as other services see it. */
  public record NoticeParty(
      String organizationCode,
      String country,
      PartyRole role,
      boolean signed,
      boolean bound,
      boolean consented) {}

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  /**
   * A confidential agreement's changes reach only its parties (all of them, invited ones too: the
   * read rule shows them the agreement); a public one's, everyone.
   */
  @Override
  public Audience audience() {
    return visibility == Visibility.PUBLIC
        ? Audience.everyone()
        : Audience.only(parties.stream().map(NoticeParty::organizationCode).toList());
  }

  /**
   * A withdrawn draft is over for good: it will never bind anyone. A terminated or expired
   * agreement stays on record as one that was in force, so its end is no tombstone.
   */
  @Override
  public boolean tombstone() {
    return AgreementChange.WITHDRAWN.eventType().equals(eventType);
  }

  @Override
  public String aggregateId() {
    return agreementId.toString();
  }

  @Override
  public long aggregateVersion() {
    return version;
  }
}
