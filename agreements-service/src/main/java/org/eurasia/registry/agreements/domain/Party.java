package org.eurasia.registry.agreements.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An organization's place in an agreement: its role and, once it signed, its signature. The organization's code and
 * country are copied in, so search and events need no join and the agreement reads as it was signed.
 */
public record Party(UUID organizationId, String organizationCode, String country, PartyRole role, Signature signature) {

  public Party {
    Objects.requireNonNull(organizationId);
    Objects.requireNonNull(organizationCode);
    Objects.requireNonNull(country);
    Objects.requireNonNull(role);
  }

  public boolean hasSigned() {
    return signature != null;
  }

  Party withSignature(Signature signature) {
    return new Party(organizationId, organizationCode, country, role, signature);
  }

  /** Who signed for the party, when and where. */
  public record Signature(PartialDate date, String place, String signerTitle) {
    public Signature {
      Objects.requireNonNull(date);
    }
  }
}
