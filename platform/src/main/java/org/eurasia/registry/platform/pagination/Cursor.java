package org.eurasia.registry.platform.pagination;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * An opaque keyset position: the sort values of the last item a page returned. Callers see only a
 * base64url token; services read the values back to continue {@code WHERE (sortKey, id) > (:a,
 * :b)}, so a page costs the same however deep it is and no row is skipped or repeated when rows are
 * inserted meanwhile.
 *
 * <p>A token is the caller's input like any other, so it is never trusted: it must be valid
 * base64url of valid UTF-8 without control characters, carry the endpoint's number of values, and
 * each value is read only through a typed accessor that checks its shape. Anything else is a 400
 * problem naming the query parameter that carried it ({@code cursor}, or {@code after} on the
 * change feed) — never a database error.
 */
public final class Cursor {

  /**
   * A code-like sort value (organization, agreement, programme codes): printable ASCII without
   * spaces.
   */
  public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9/._\\-]{0,252}$");

  private static final char SEPARATOR = '\u001f';
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  private static final int MAX_TOKEN_LENGTH = 1024;

  private static final String PARAMETER = "cursor";

  private final List<String> values;

  /** The query parameter the token came in, named by the problem when a value is forged. */
  private final String parameter;

  private Cursor(List<String> values, String parameter) {
    this.values = List.copyOf(values);
    this.parameter = parameter;
  }

  public static Cursor of(String... values) {
    return new Cursor(List.of(values), PARAMETER);
  }

  /** A text value that must match {@code shape} entirely ({@link #CODE} for codes, say). */
  public String text(int index, Pattern shape) {
    String value = values.get(index);
    if (!shape.matcher(value).matches()) {
      throw forged(parameter);
    }
    return value;
  }

  /** A code-like value, see {@link #CODE}. */
  public String code(int index) {
    return text(index, CODE);
  }

  /** A value that must be exactly {@code expected} (the sort order a cursor was made for, say). */
  public void require(int index, String expected) {
    if (!values.get(index).equals(expected)) {
      throw forged(parameter);
    }
  }

  /**
   * A sort value that is an instant, within the years a database timestamp holds (a year 999999999
   * is forged).
   */
  public Instant instant(int index) {
    try {
      Instant instant = Instant.parse(values.get(index));
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw forged(parameter);
      }
      return instant;
    } catch (DateTimeParseException e) {
      throw forged(parameter);
    }
  }

  /** A sort value that is a UUID, in its canonical form. */
  public UUID uuid(int index) {
    String value = values.get(index);
    try {
      UUID uuid = UUID.fromString(value);
      if (!uuid.toString().equals(value)) {
        throw forged(parameter);
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      throw forged(parameter);
    }
  }

  /** A sort value that is a non-negative whole number. */
  public long number(int index) {
    try {
      long number = Long.parseLong(values.get(index));
      if (number < 0) {
        throw forged(parameter);
      }
      return number;
    } catch (NumberFormatException e) {
      throw forged(parameter);
    }
  }

  /** A sort value that is a finite decimal (a relevance rank). */
  public float decimal(int index) {
    try {
      float number = Float.parseFloat(values.get(index));
      if (!Float.isFinite(number)
          || !values.get(index).matches("^-?\\d+(\\.\\d+)?([eE]-?\\d+)?$")) {
        throw forged(parameter);
      }
      return number;
    } catch (NumberFormatException e) {
      throw forged(parameter);
    }
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token a previous page returned.
   *
   * @param expectedValues how many sort values the endpoint's cursors carry; a token from another
   *     endpoint is refused
   */
  public static Cursor decode(String token, int expectedValues) {
    return decode(token, expectedValues, PARAMETER);
  }

  /**
   * Reads a token that came in the query parameter {@code parameter} rather than {@code cursor}.
   */
  public static Cursor decode(String token, int expectedValues, String parameter) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      if (token.length() > MAX_TOKEN_LENGTH) {
        throw forged(parameter);
      }
      String raw =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token)))
              .toString();
      List<String> values = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
      if (values.size() != expectedValues
          || values.stream().anyMatch(Cursor::hasControlCharacter)) {
        throw forged(parameter);
      }
      return new Cursor(values, parameter);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw forged(parameter);
    }
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  /** The problem for any token this service did not make. */
  public static ProblemException forged() {
    return forged(PARAMETER);
  }

  private static ProblemException forged(String parameter) {
    return ProblemException.invalidField(parameter, "is not a cursor returned by this list");
  }
}
