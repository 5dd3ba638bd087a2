package org.eurasia.registry.platform.concurrency;

import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;

/**
 * The version a caller based a change on, read from {@code If-Match}. A resource's ETag is its JPA
 * {@code @Version}: a change without If-Match is refused with 428 (read first), a change based on
 * an old version with 412 (someone else changed it meanwhile). {@code If-Match: *} accepts whatever
 * version is current.
 */
public final class ExpectedVersion {

  private static final ExpectedVersion ANY = new ExpectedVersion(-1);

  private final long version;

  private ExpectedVersion(long version) {
    this.version = version;
  }

  /** Whatever version is current: for commands where If-Match is optional and was not sent. */
  public static ExpectedVersion any() {
    return ANY;
  }

  /**
   * If-Match when given, else any version: for commands whose own rules already guard against lost
   * updates.
   */
  public static ExpectedVersion fromOptionalIfMatch(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? ANY : fromIfMatch(ifMatch);
  }

  public static ExpectedVersion fromIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          Problem.of(
              ProblemType.PRECONDITION_REQUIRED,
              "Send the resource's current ETag in If-Match to change it"));
    }
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return ANY;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return new ExpectedVersion(Long.parseLong(tag));
    } catch (NumberFormatException e) {
      // Not an ETag this service ever issued, so it cannot match the current one.
      throw stale();
    }
  }

  /** Throws 412 unless the caller's version is the current one. */
  public void check(long currentVersion) {
    if (this != ANY && version != currentVersion) {
      throw stale();
    }
  }

  /** The ETag value (unquoted) for a version. */
  public static String etag(long version) {
    return Long.toString(version);
  }

  private static ProblemException stale() {
    return new ProblemException(
        Problem.of(
            ProblemType.PRECONDITION_FAILED,
            "The resource has changed since the ETag in If-Match was issued; fetch it again"));
  }
}
