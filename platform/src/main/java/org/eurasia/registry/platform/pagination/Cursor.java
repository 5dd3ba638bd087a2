package org.eurasia.registry.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * An opaque keyset position: the sort values of the last item a page returned. Callers see only a base64url token;
 * services read the values back to continue {@code WHERE (sortKey, id) > (:a, :b)}, so a page costs the same however
 * deep it is and no row is skipped or repeated when rows are inserted meanwhile.
 */
public final class Cursor {

  private static final char SEPARATOR = '\u001f';
  private static final int MAX_TOKEN_LENGTH = 1024;

  private final List<String> values;

  private Cursor(List<String> values) {
    this.values = List.copyOf(values);
  }

  public static Cursor of(String... values) {
    return new Cursor(List.of(values));
  }

  public String value(int index) {
    return values.get(index);
  }

  /** A sort value that is an instant; a forged token is the caller's 400, not a 500. */
  public Instant instant(int index) {
    try {
      return Instant.parse(values.get(index));
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("cursor", "is not a cursor returned by this list");
    }
  }

  /** A sort value that is a UUID; a forged token is the caller's 400, not a 500. */
  public UUID uuid(int index) {
    try {
      return UUID.fromString(values.get(index));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("cursor", "is not a cursor returned by this list");
    }
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token a previous page returned.
   *
   * @param expectedValues how many sort values the endpoint's cursors carry; a token from another endpoint is refused
   */
  public static Cursor decode(String token, int expectedValues) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      if (token.length() > MAX_TOKEN_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      List<String> values = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
      if (values.size() != expectedValues) {
        throw new IllegalArgumentException("wrong arity");
      }
      return new Cursor(values);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("cursor", "is not a cursor returned by this list");
    }
  }
}
