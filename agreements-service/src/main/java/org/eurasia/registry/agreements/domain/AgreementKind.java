package org.eurasia.registry.agreements.domain;

/** The instrument an agreement is. */
public enum AgreementKind {
  MEMORANDUM_OF_UNDERSTANDING,
  FRAMEWORK_AGREEMENT,
  SPECIFIC_AGREEMENT,
  TREATY,
  PROTOCOL,
  AMENDMENT,
  JOINT_DECLARATION
}
