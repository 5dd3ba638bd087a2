package org.eurasia.registry.exchange.domain;

/**
 * planned → open → closed → completed; any but completed may be suspended and resumed to where it
 * was.
 */
public enum ProgramStatus {
  PLANNED,
  OPEN,
  CLOSED,
  COMPLETED,
  SUSPENDED
}
