package org.eurasia.registry.agreements.domain;

/** What statistics of agreements can be grouped by. */
public enum Dimension {
  STATUS,
  KIND,
  FIELD,
  FRAMEWORK,
  COUNTRY,
  COUNTRY_PAIR,
  YEAR
}
