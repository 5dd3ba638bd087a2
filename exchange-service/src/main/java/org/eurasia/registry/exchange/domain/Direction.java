package org.eurasia.registry.exchange.domain;

/**
 * Which way a mobility goes under a programme: from its sending institution to its receiving one,
 * or back. Quotas are set per direction, so a programme that moves people only one way simply has
 * no quota the other way.
 */
public enum Direction {
  SENDING_TO_RECEIVING,
  RECEIVING_TO_SENDING
}
