package org.eurasia.registry.agreements.domain;

/**
 * What sort of party an organisation is; treaties are between states, MoUs often between
 * universities.
 */
public enum OrganizationKind {
  STATE,
  MINISTRY_OR_AGENCY,
  UNIVERSITY,
  RESEARCH_CENTRE,
  INTERNATIONAL_ORGANIZATION,
  COMPANY
}
