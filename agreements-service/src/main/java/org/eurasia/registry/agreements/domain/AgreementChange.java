package org.eurasia.registry.agreements.domain;

/** What a lifecycle command changed; each has its own versioned event type. */
public enum AgreementChange {
  DRAFTED("registry.agreement.drafted.v1"),
  UPDATED("registry.agreement.updated.v1"),
  PARTY_SIGNED("registry.agreement.party-signed.v1"),
  SIGNED("registry.agreement.signed.v1"),
  PARTY_RATIFIED("registry.agreement.party-ratified.v1"),
  /** A non-signing party accepted being named: it is now bound (consented) too. */
  PARTY_ACCEPTED("registry.agreement.party-accepted.v1"),
  ENTERED_INTO_FORCE("registry.agreement.entered-into-force.v1"),
  SUSPENDED("registry.agreement.suspended.v1"),
  RESUMED("registry.agreement.resumed.v1"),
  TERMINATED("registry.agreement.terminated.v1"),
  /** A draft was withdrawn before it was signed. */
  WITHDRAWN("registry.agreement.withdrawn.v1"),
  EXPIRED("registry.agreement.expired.v1"),
  RENEWED("registry.agreement.renewed.v1"),
  APPROVED("registry.agreement.approved.v1"),
  AMENDED("registry.agreement.amended.v1");

  private final String eventType;

  AgreementChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
