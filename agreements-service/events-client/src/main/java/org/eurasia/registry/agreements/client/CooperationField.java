package org.eurasia.registry.agreements.client;

/**
 * The fields of cooperation an agreement event names ({@code fields} in {@code
 * registry.agreement.v1}): what consumers filter and group by, under the same name and values as
 * agreements-service's own list. The producer's schema is the source; a test holds the two equal.
 */
public enum CooperationField {
  SCIENCE_AND_TECHNOLOGY,
  TRADE,
  IMPORTS_AND_EXPORTS,
  INVESTMENT,
  HIGHER_EDUCATION,
  CULTURE,
  TOURISM,
  ENERGY,
  CONNECTIVITY_AND_INFRASTRUCTURE,
  AGRICULTURE
}
