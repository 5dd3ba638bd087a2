package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.events.DomainEvent;

/**
 * What other services need to keep their own projection of an agreement: status, parties (code, country, role,
 * signed or not, consented or not — an unconsented party is only invited and must not be treated as bound), fields,
 * frameworks and dates. Confidential agreements announce only what other services need to
 * enforce rules (status, parties, dates): no title, fields, ISCED codes or frameworks. Schema: {@code contract/events/registry.agreement.v1.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementEvent(
    @JsonIgnore String eventType,
    UUID agreementId,
    String code,
    AgreementKind kind,
    AgreementStatus status,
    Visibility visibility,
    Map<String, String> title,
    List<EventParty> parties,
    List<CooperationField> fields,
    List<String> iscedCodes,
    List<String> frameworks,
    UUID amendsId,
    LocalDate entryIntoForce,
    LocalDate expiresOn,
    LocalDate endedOn,
    long version)
    implements DomainEvent {

  /** The event for a change, built after the change was flushed so {@code version} is the row's new version. */
  public static AgreementEvent of(AgreementChange change, Agreement a) {
    boolean open = a.visibility() == Visibility.PUBLIC;
    return new AgreementEvent(
        change.eventType(),
        a.id(),
        a.code(),
        a.kind(),
        a.status(),
        a.visibility(),
        open ? a.title() : null,
        a.parties().stream()
            .map(p -> new EventParty(p.organizationCode(), p.country(), p.role(), p.hasSigned(), p.isBound(), p.consented()))
            .toList(),
        open ? a.fields() : List.of(),
        open ? a.iscedCodes() : List.of(),
        open ? a.frameworks() : List.of(),
        a.amendsId(),
        a.entryIntoForce(),
        a.expiresOn(),
        a.endedOn(),
        a.version());
  }

  /** A party as other services see it. */
  public record EventParty(
      String organizationCode, String country, PartyRole role, boolean signed, boolean bound, boolean consented) {}

  @Override
  @JsonIgnore
  public String aggregateType() {
    return "agreement";
  }

  @Override
  @JsonIgnore
  public String aggregateId() {
    return agreementId.toString();
  }

  @Override
  @JsonIgnore
  public long aggregateVersion() {
    return version;
  }
}
