package org.eurasia.registry.agreements.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The part of an agreement event's payload ({@code registry.agreement.v1}, every {@code
 * registry.agreement.*.v1} type) that a projection of agreements reads; other fields are ignored.
 * Each event carries the agreement's whole relevant state, so applying one is "take these facts".
 *
 * @param fields the agreement's fields of cooperation; empty when confidential (the producer leaves
 *     them out) or in events written before consumers read them
 * @param frameworks the frameworks it falls under (e.g. {@code CPEC}); empty likewise
 * @param endedOn the day it was terminated, expired or withdrawn; null otherwise
 */
public record AgreementFacts(
    UUID agreementId,
    String code,
    String status,
    String visibility,
    List<AnnouncedParty> parties,
    List<String> fields,
    List<String> frameworks,
    LocalDate endedOn,
    long version) {

  /**
   * A framework code as agreements-service accepts it (e.g. {@code CPEC}): consumers validate their
   * {@code framework} filters with it.
   */
  public static final String FRAMEWORK_CODE = "^[A-Z0-9][A-Z0-9-]{1,19}$";

  /** The schema requires both lists, but a consumer reads events of any age: absent is empty. */
  public AgreementFacts {
    fields = fields == null ? List.of() : List.copyOf(fields);
    frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
  }

  /** The parties as a projection keeps them, each with its consent settled. */
  public List<PartyFact> partyFacts() {
    return parties.stream().map(AnnouncedParty::fact).toList();
  }

  /**
   * A party as the event states it. {@code consented} is absent (null) in events written before
   * agreements-service published it.
   */
  public record AnnouncedParty(
      String organizationCode, String country, String role, boolean signed, Boolean consented) {

    /**
     * The party with its consent as the producer's schema defines it: as stated, or, when absent, a
     * signatory counts as consented once it signed and any other role as not consented.
     */
    public PartyFact fact() {
      boolean agreed = consented != null ? consented : PartyFact.SIGNATORY.equals(role) && signed;
      return new PartyFact(organizationCode, country, role, signed, agreed);
    }
  }
}
