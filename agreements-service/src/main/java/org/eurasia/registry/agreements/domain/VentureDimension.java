package org.eurasia.registry.agreements.domain;

/** What statistics of ventures can be grouped by. */
public enum VentureDimension {
  STATUS,
  KIND,
  FIELD,
  COUNTRY_PAIR,
  YEAR
}
