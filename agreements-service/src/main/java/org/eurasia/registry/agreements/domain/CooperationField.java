package org.eurasia.registry.agreements.domain;

/** Fields of cooperation an agreement covers (academic detail goes in ISCED-F codes). */
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
