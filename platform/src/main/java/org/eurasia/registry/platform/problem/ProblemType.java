package org.eurasia.registry.platform.problem;

/** The problem types shared by every service, each with its HTTP status and stable slug. */
public enum ProblemType {
  VALIDATION_FAILED(
      "validation-failed",
      "Validation failed",
      400,
      "A field, query parameter or header is invalid; `errors` names each one and what is wrong with it."),
  MALFORMED_REQUEST(
      "malformed-request",
      "Malformed request",
      400,
      "The request cannot be read: a body that is not JSON (the detail names the line and column), a forged cursor, a bad header."),
  UNAUTHENTICATED(
      "unauthenticated",
      "Authentication required",
      401,
      "No valid bearer token: missing, expired, or signed by a key the registry does not trust."),
  FORBIDDEN(
      "forbidden",
      "Forbidden",
      403,
      "The token is valid, but its role or organisation may not do this (a partner acting for another organisation, say)."),
  NOT_FOUND(
      "not-found",
      "Not found",
      404,
      "No such record, or one the caller may not read: the two are indistinguishable on purpose."),
  METHOD_NOT_ALLOWED(
      "method-not-allowed",
      "Method not allowed",
      405,
      "The resource exists but does not take this HTTP method; `Allow` lists those it takes."),
  NOT_ACCEPTABLE(
      "not-acceptable",
      "Not acceptable",
      406,
      "The resource cannot answer in any media type the `Accept` header lists."),
  CONFLICT(
      "conflict",
      "Conflict",
      409,
      "The request clashes with the current state (a code already taken, a record already retired)."),
  INVALID_STATE_TRANSITION(
      "invalid-state-transition",
      "Invalid state transition",
      409,
      "The record's lifecycle does not allow this step from its current state; `currentState` says where it is."),
  PRECONDITION_FAILED(
      "precondition-failed",
      "Precondition failed",
      412,
      "The record changed since the ETag sent in `If-Match`: read it again and retry."),
  PAYLOAD_TOO_LARGE(
      "payload-too-large",
      "Payload too large",
      413,
      "The body is larger than the service accepts (1 MB by default), refused before it is read."),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type",
      "Unsupported media type",
      415,
      "The body is not of a type the operation takes (`application/json`)."),
  UNPROCESSABLE(
      "unprocessable",
      "Unprocessable request",
      422,
      "The request is well-formed but cannot be applied as it stands."),
  /**
   * The request names something (an agreement, a programme) this service has not heard of from its
   * owner's events.
   */
  UNKNOWN_REFERENCE(
      "unknown-reference",
      "Unknown reference",
      422,
      "The request names a record (an organization, an agreement, a programme) the service does not know, or that the caller may not read."),
  /** A business rule refused the request; the {@code condition} member names which one. */
  RULE_VIOLATED(
      "rule-violated",
      "Business rule violated",
      422,
      "A business rule refused the request; `condition` names which one."),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused",
      "Idempotency key reused with a different request",
      422,
      "The `Idempotency-Key` was used before with a different request: use a new key for a new request."),
  PRECONDITION_REQUIRED(
      "precondition-required",
      "Precondition required",
      428,
      "Changing this record needs `If-Match` with the ETag last read."),
  TOO_MANY_REQUESTS(
      "too-many-requests",
      "Too many requests",
      429,
      "The caller's rate limit is spent; `Retry-After` says when to try again."),
  INTERNAL_ERROR(
      "internal-error",
      "Internal error",
      500,
      "An unexpected failure; `errorId` identifies it in the service's logs — quote it when reporting."),
  SERVICE_UNAVAILABLE(
      "service-unavailable",
      "Service unavailable",
      503,
      "A dependency (the database) is unavailable or a read took too long; retry after `Retry-After`.");

  private final String slug;
  private final String title;
  private final int status;
  private final String meaning;

  ProblemType(String slug, String title, int status, String meaning) {
    this.slug = slug;
    this.title = title;
    this.status = status;
    this.meaning = meaning;
  }

  /** The type's URI, the {@code type} member of every problem of this type. */
  public String uri() {
    return Problem.TYPE_PREFIX + slug;
  }

  /** What the type means for a caller, and what to do about it. */
  public String meaning() {
    return meaning;
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
