package org.eurasia.registry.agreements.domain;

/** Where an agreement stands, as treaty registries record it. */
public enum AgreementStatus {
  DRAFT,
  SIGNED,
  IN_FORCE,
  SUSPENDED,
  EXPIRED,
  TERMINATED,
  /** A draft abandoned before it was signed: it never bound anybody. */
  WITHDRAWN
}
