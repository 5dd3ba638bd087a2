package org.eurasia.registry.exchange.domain;

/**
 * What a programme moves people for; the first four follow the European mobility network's mobility
 * types.
 */
public enum ProgramKind {
  STUDENT_EXCHANGE,
  TEACHER_EXCHANGE,
  STAFF_TRAINING,
  RESEARCHER_STAY,
  JOINT_SUPERVISION,
  SCHOLARSHIP_SCHEME
}
