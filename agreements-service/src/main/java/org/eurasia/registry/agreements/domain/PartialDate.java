package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date that may be known only to the year ({@code 2021}) or the month ({@code 2021-05}), as
 * signature dates of older agreements often are. Written in ISO-8601's reduced forms, in JSON too
 * ({@link TextForm}).
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

  private static final Pattern FORM = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");

  public PartialDate {
    if (year < 1800 || year > 2200) {
      throw new IllegalArgumentException("year must be between 1800 and 2200");
    }
    if (day != null && month == null) {
      throw new IllegalArgumentException("a day needs a month");
    }
    try {
      if (day != null) {
        LocalDate.of(year, month, day);
      } else if (month != null) {
        YearMonth.of(year, month);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a calendar date");
    }
  }

  public static PartialDate parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return new PartialDate(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? null : Integer.parseInt(m.group(2)),
        m.group(3) == null ? null : Integer.parseInt(m.group(3)));
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** The earliest day the date can stand for, for ordering and ranges. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
  }

  /**
   * The latest day the date can stand for: the last of its year or month when only those are known.
   */
  public LocalDate latest() {
    if (month == null) {
      return LocalDate.of(year, 12, 31);
    }
    return day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
  }

  @Override
  public int compareTo(PartialDate other) {
    return earliest().compareTo(other.earliest());
  }

  @Override
  public String toString() {
    if (month == null) {
      return String.format("%04d", year);
    }
    return day == null
        ? String.format("%04d-%02d", year, month)
        : String.format("%04d-%02d-%02d", year, month, day);
  }

  /**
   * Writes a partial date in JSON as its text ({@code "2021-05"}) and reads it back with {@link
   * #parse}: the form stored in the agreement's and the framework's JSON columns and hashed in an
   * agreement's canonical content. Hibernate's JSON mapper finds it through {@code
   * META-INF/services/com.fasterxml.jackson.databind.Module}; the canonical mapper adds it.
   */
  public static final class TextForm extends SimpleModule {

    public TextForm() {
      super("PartialDate");
      addSerializer(PartialDate.class, ToStringSerializer.instance);
      addDeserializer(
          PartialDate.class,
          new FromStringDeserializer<>(PartialDate.class) {
            @Override
            protected PartialDate _deserialize(String value, DeserializationContext context) {
              return parse(value);
            }
          });
    }
  }
}
