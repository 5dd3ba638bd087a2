package org.eurasia.registry.events.domain;

/** Whom an awareness programme addresses. */
public enum AwarenessAudience {
  STUDENTS,
  ACADEMICS,
  OFFICIALS,
  BUSINESS,
  MEDIA,
  PUBLIC
}
