package org.eurasia.registry.exchange.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An academic year written as the European network writes it, {@code 2025/2026}: two consecutive
 * years.
 */
public final class AcademicYear {

  public static final String REGEX = "^(\\d{4})/(\\d{4})$";
  private static final Pattern FORMAT = Pattern.compile(REGEX);

  private AcademicYear() {}

  /**
   * True for {@code 2025/2026}; false for {@code 2025/2027}, {@code 2025-2026} or anything else.
   */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    Matcher m = FORMAT.matcher(value);
    return m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1;
  }

  /**
   * The academic year a date falls in, taking 1 September as its start (the common start in the
   * region).
   */
  public static String containing(LocalDate date) {
    int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    return start + "/" + (start + 1);
  }
}
