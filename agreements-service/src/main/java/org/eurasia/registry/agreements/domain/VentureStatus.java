package org.eurasia.registry.agreements.domain;

/**
 * Where a joint venture stands: proposed, established (constituted), operating, suspended, or
 * dissolved for good.
 */
public enum VentureStatus {
  PROPOSED,
  ESTABLISHED,
  OPERATING,
  SUSPENDED,
  DISSOLVED
}
