package org.eurasia.registry.agreements.client;

/**
 * A party of an agreement as a projection keeps it (one element of its {@code parties} JSON), with
 * whether it consented to be named: a signatory by signing, any other role by its own acceptance.
 * Being named is not being bound: only a consenting party counts for rights; every named party may
 * still read a confidential agreement.
 */
public record PartyFact(
    String organizationCode, String country, String role, boolean signed, boolean consented) {

  static final String SIGNATORY = "SIGNATORY";

  // Derived, not stored: Hibernate writes the row's JSON with Jackson, which takes the components
  // and any get/is accessor; this one has no such prefix, so it stays out of the row.

  /** Whether the party is named to sign, whether or not it has signed yet. */
  public boolean signatory() {
    return SIGNATORY.equals(role);
  }
}
