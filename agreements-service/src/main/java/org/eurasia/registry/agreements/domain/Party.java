package org.eurasia.registry.agreements.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An organization's place in an agreement: its role and, once it gave them, its signature (a
 * signatory) or its acceptance (any other role). The organization's code and country are copied in,
 * so search and events need no join and the agreement reads as it was signed.
 *
 * <p>Being named binds nobody: a party has consented only by its own act — a signatory by signing,
 * any other role by accepting. Until then it is shown as invited.
 *
 * <p>Stored as JSON in the agreement's row, component by component: the derived answers ({@link
 * #signatory()}, {@link #bound()}, {@link #consented()}) have no getter prefix, so they are not
 * written.
 */
public record Party(
    UUID organizationId,
    String organizationCode,
    String country,
    PartyRole role,
    Signature signature,
    boolean ratificationRequired,
    Ratification ratification,
    Acceptance acceptance) {

  public Party {
    Objects.requireNonNull(organizationId);
    Objects.requireNonNull(organizationCode);
    Objects.requireNonNull(country);
    Objects.requireNonNull(role);
  }

  public Party(
      UUID organizationId,
      String organizationCode,
      String country,
      PartyRole role,
      Signature signature) {
    this(organizationId, organizationCode, country, role, signature, false, null, null);
  }

  /** A party as named in a draft: nothing given yet. */
  public static Party named(
      UUID organizationId,
      String organizationCode,
      String country,
      PartyRole role,
      boolean ratificationRequired) {
    return new Party(
        organizationId, organizationCode, country, role, null, ratificationRequired, null, null);
  }

  public boolean hasSigned() {
    return signature != null;
  }

  public boolean signatory() {
    return role == PartyRole.SIGNATORY;
  }

  /**
   * True once the party itself agreed: a signatory by its signature, any other role by its
   * acceptance. Derived.
   */
  public boolean consented() {
    return signatory() ? hasSigned() : acceptance != null;
  }

  Party withSignature(Signature signature) {
    return new Party(
        organizationId,
        organizationCode,
        country,
        role,
        signature,
        ratificationRequired,
        ratification,
        acceptance);
  }

  Party withRatification(Ratification ratification) {
    return new Party(
        organizationId,
        organizationCode,
        country,
        role,
        signature,
        ratificationRequired,
        ratification,
        acceptance);
  }

  Party withAcceptance(Acceptance acceptance) {
    return new Party(
        organizationId,
        organizationCode,
        country,
        role,
        signature,
        ratificationRequired,
        ratification,
        acceptance);
  }

  /**
   * True when nothing more is needed from this party before entry into force. Derived, so not
   * stored.
   */
  public boolean bound() {
    return !ratificationRequired || ratification != null;
  }

  /**
   * How a party confirmed its signature where its law requires it: ratification, approval or
   * acceptance.
   */
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

  /**
   * Who signed for the party, when and where, and which text: the agreement's version number the
   * signer read and the SHA-256 of that version's canonical content. Signatures recorded before
   * texts were bound carry neither (null).
   */
  public record Signature(
      PartialDate date, String place, String signerTitle, Long version, String sha256) {
    public Signature {
      Objects.requireNonNull(date);
    }

    public Signature(PartialDate date, String place, String signerTitle) {
      this(date, place, signerTitle, null, null);
    }

    /** The same signature, bound to the text of one version. */
    public Signature boundTo(long version, String sha256) {
      return new Signature(date, place, signerTitle, version, Objects.requireNonNull(sha256));
    }
  }

  /**
   * A non-signing party's consent to be named: when, and the version (number and SHA-256) it
   * accepted.
   */
  public record Acceptance(PartialDate date, long version, String sha256) {
    public Acceptance {
      Objects.requireNonNull(date);
      Objects.requireNonNull(sha256);
    }
  }
}
