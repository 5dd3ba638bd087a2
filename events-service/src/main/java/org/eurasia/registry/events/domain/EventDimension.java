package org.eurasia.registry.events.domain;

/**
 * What event statistics can be grouped by. An event counts under each value it has. Its countries
 * ({@code COUNTRY}) are its venue's (an online event has none) and those of its consenting
 * organizers, so an online event counts for its organizers' countries only; {@code COUNTRY_PAIR} is
 * every two of those countries, in alphabetical order (an event of one country has no pair). {@code
 * FIELD} and {@code FRAMEWORK} are those of its linked public agreements (none when it links none).
 * {@code YEAR} is the year it starts in, in its own zone.
 */
public enum EventDimension {
  COUNTRY,
  COUNTRY_PAIR,
  FIELD,
  FRAMEWORK,
  YEAR,
  KIND,
  FORMAT
}
