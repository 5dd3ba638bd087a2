package org.eurasia.registry.platform.problem;

/** The problem types shared by every service, each with its HTTP status and stable slug. */
public enum ProblemType {
  VALIDATION_FAILED("validation-failed", "Validation failed", 400),
  MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
  UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  INVALID_STATE_TRANSITION("invalid-state-transition", "Invalid state transition", 409),
  PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  UNPROCESSABLE("unprocessable", "Unprocessable request", 422),
  /**
   * The request names something (an agreement, a programme) this service has not heard of from its
   * owner's events.
   */
  UNKNOWN_REFERENCE("unknown-reference", "Unknown reference", 422),
  /** A business rule refused the request; the {@code condition} member names which one. */
  RULE_VIOLATED("rule-violated", "Business rule violated", 422),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "Idempotency key reused with a different request", 422),
  PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  INTERNAL_ERROR("internal-error", "Internal error", 500),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
