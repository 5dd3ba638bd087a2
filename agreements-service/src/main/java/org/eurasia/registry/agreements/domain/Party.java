package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.UUID;

/**
 * An organization's place in an agreement: its role and, once it signed, its signature. The organization's code and
 * country are copied in, so search and events need no join and the agreement reads as it was signed.
 */
public record Party(
    UUID organizationId,
    String organizationCode,
    String country,
    PartyRole role,
    Signature signature,
    boolean ratificationRequired,
    Ratification ratification) {

  @JsonCreator
  public Party {
    Objects.requireNonNull(organizationId);
    Objects.requireNonNull(organizationCode);
    Objects.requireNonNull(country);
    Objects.requireNonNull(role);
  }

  public Party(UUID organizationId, String organizationCode, String country, PartyRole role, Signature signature) {
    this(organizationId, organizationCode, country, role, signature, false, null);
  }

  public boolean hasSigned() {
    return signature != null;
  }

  Party withSignature(Signature signature) {
    return new Party(organizationId, organizationCode, country, role, signature, ratificationRequired, ratification);
  }

  Party withRatification(Ratification ratification) {
    return new Party(organizationId, organizationCode, country, role, signature, ratificationRequired, ratification);
  }

  /** True when nothing more is needed from this party before entry into force. Derived, so not stored. */
  @JsonIgnore
  public boolean isBound() {
    return !ratificationRequired || ratification != null;
  }

  /** How a party confirmed its signature where its law requires it: ratification, approval or acceptance. */
  public record Ratification(PartialDate date, RatificationKind kind) {
    public Ratification {
      Objects.requireNonNull(date);
      Objects.requireNonNull(kind);
    }
  }

  /** The instrument of consent after signature. */
  public enum RatificationKind {
    RATIFICATION,
    APPROVAL,
    ACCEPTANCE
  }

  /** Who signed for the party, when and where. */
  public record Signature(PartialDate date, String place, String signerTitle) {
    public Signature {
      Objects.requireNonNull(date);
    }
  }
}
