package org.eurasia.registry.exchange.domain;

/** What a programme command changed; each has its own versioned event type. */
public enum ProgramChange {
  CREATED("registry.program.created.v1"),
  UPDATED("registry.program.updated.v1"),
  OPENED("registry.program.opened.v1"),
  CLOSED("registry.program.closed.v1"),
  SUSPENDED("registry.program.suspended.v1"),
  RESUMED("registry.program.resumed.v1"),
  COMPLETED("registry.program.completed.v1"),
  /** An invited institution accepted the programme; not a status change. */
  INSTITUTION_ACCEPTED("registry.program.institution-accepted.v1");

  private final String eventType;

  ProgramChange(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
