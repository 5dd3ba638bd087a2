package org.eurasia.registry.agreements.domain;

/**
 * What a partner is to a joint venture: a founder, a sponsor (a country's ministry behind a
 * project), an investor, the host of its seat, or a member (of a network).
 */
public enum VenturePartnerRole {
  FOUNDER,
  SPONSOR,
  INVESTOR,
  HOST,
  MEMBER
}
