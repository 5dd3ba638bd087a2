package org.eurasia.registry.agreements.domain;

/** What a party does under an agreement; only signatories must sign before it is signed. */
public enum PartyRole {
  SIGNATORY,
  IMPLEMENTING_BODY,
  DEPOSITARY,
  OBSERVER
}
