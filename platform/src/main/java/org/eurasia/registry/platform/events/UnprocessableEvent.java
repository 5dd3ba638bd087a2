package org.eurasia.registry.platform.events;

/**
 * An event this service can never apply, however often it tries: no handler applies its type and
 * none of the service's {@link IgnoredEvents} names it, its envelope lacks the subject or aggregate
 * version every registry event carries, or its payload cannot be read. Retrying cannot help, so it
 * belongs in the dead-letter topic, never among the processed events.
 */
public class UnprocessableEvent extends RuntimeException {

  /** Why; the tag of {@code registry.events.unprocessable}. */
  public enum Reason {
    UNHANDLED_TYPE("unhandled-type"),
    NO_SUBJECT("no-subject"),
    NO_VERSION("no-version"),
    UNREADABLE_PAYLOAD("unreadable-payload");

    private final String tag;

    Reason(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private final Reason reason;

  public UnprocessableEvent(Reason reason, String message) {
    this(reason, message, null);
  }

  public UnprocessableEvent(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
