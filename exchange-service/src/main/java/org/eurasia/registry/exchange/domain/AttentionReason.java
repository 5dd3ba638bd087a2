package org.eurasia.registry.exchange.domain;

/**
 * What happened to a mobility's agreement, as far as the mobility's institutions may know it
 * ({@link MobilityAttention}).
 */
public enum AttentionReason {
  AGREEMENT_SUSPENDED,
  AGREEMENT_TERMINATED,
  AGREEMENT_EXPIRED,
  /**
   * The agreement is confidential (its institutions need not be parties to it, so its status is not
   * theirs to read), or left force in a way this service has no name for.
   */
  AGREEMENT_NOT_IN_FORCE
}
