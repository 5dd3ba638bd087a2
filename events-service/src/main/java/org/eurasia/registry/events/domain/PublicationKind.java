package org.eurasia.registry.events.domain;

/** What a publication is. */
public enum PublicationKind {
  POLICY_PAPER,
  PROCEEDINGS,
  REPORT,
  ARTICLE,
  AGREEMENT_COMMENTARY,
  BOOK
}
