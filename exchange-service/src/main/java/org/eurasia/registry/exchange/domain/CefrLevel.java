package org.eurasia.registry.exchange.domain;

/** Common European Framework of Reference language levels, lowest first. */
public enum CefrLevel {
  A1,
  A2,
  B1,
  B2,
  C1,
  C2
}
