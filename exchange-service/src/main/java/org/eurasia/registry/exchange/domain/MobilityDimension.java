package org.eurasia.registry.exchange.domain;

/**
 * What mobility statistics can be grouped by. A mobility counts under each value it has: under its
 * home and its host country for {@code COUNTRY}, under each field or framework of its programme's
 * agreement for {@code FIELD} and {@code FRAMEWORK} (none when the agreement names none). {@code
 * COUNTRY_PAIR} is the two countries in alphabetical order, whichever way the mobility went.
 */
public enum MobilityDimension {
  COUNTRY,
  COUNTRY_PAIR,
  FIELD,
  FRAMEWORK,
  ACADEMIC_YEAR,
  STATUS,
  KIND
}
