package org.eurasia.registry.platform.problem;

/**
 * A 429 problem with the seconds after which the caller may try again (sent as {@code
 * Retry-After}).
 */
public class RateLimitedException extends ProblemException {

  private final long retryAfterSeconds;

  public RateLimitedException(long retryAfterSeconds) {
    super(
        Problem.of(
            ProblemType.TOO_MANY_REQUESTS,
            "Too many write requests for this token; retry after " + retryAfterSeconds + " s"));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
