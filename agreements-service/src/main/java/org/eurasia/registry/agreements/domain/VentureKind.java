package org.eurasia.registry.agreements.domain;

/**
 * What a joint venture is: academic (a joint research centre, laboratory or institute, a joint or
 * double degree, an academic network or consortium) or economic (a joint enterprise, an investment
 * or an infrastructure project such as TAPI, with sponsoring countries).
 */
public enum VentureKind {
  JOINT_RESEARCH_CENTRE(true),
  JOINT_LABORATORY(true),
  JOINT_INSTITUTE(true),
  JOINT_DEGREE(true),
  ACADEMIC_NETWORK(true),
  JOINT_ENTERPRISE(false),
  INVESTMENT_PROJECT(false),
  INFRASTRUCTURE_PROJECT(false);

  private final boolean academic;

  VentureKind(boolean academic) {
    this.academic = academic;
  }

  public boolean academic() {
    return academic;
  }
}
