package org.eurasia.registry.platform.events;

/**
 * A received event that no retry can apply (no handler claims its type, it carries no version, its
 * payload cannot be read): the consumer dead-letters it at once instead of retrying.
 */
public class UnprocessableEvent extends RuntimeException {

  public UnprocessableEvent(String message) {
    super(message);
  }

  public UnprocessableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
