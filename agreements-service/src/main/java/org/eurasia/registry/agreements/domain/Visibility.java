package org.eurasia.registry.agreements.domain;

/** Confidential agreements are visible only to their parties and registrars. */
public enum Visibility {
  PUBLIC,
  CONFIDENTIAL
}
