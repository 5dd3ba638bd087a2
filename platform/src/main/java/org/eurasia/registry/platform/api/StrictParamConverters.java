package org.eurasia.registry.platform.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the parameter types the APIs use (enums, UUIDs, instants, dates) and, when a value does
 * not convert, answers 400 naming the parameter and the expected form instead of the JAX-RS default
 * 404.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = nameOf(annotations);
    if (rawType.isEnum()) {
      Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
      String allowed = Arrays.toString(enumType.getEnumConstants());
      return (ParamConverter<T>)
          converter(
              name,
              "must be one of " + allowed,
              v -> Enum.valueOf(enumType, v.trim().toUpperCase(Locale.ROOT)));
    }
    if (rawType == Integer.class || rawType == int.class) {
      return (ParamConverter<T>)
          converter(name, "must be a whole number", v -> Integer.valueOf(v.trim()));
    }
    if (rawType == Long.class || rawType == long.class) {
      return (ParamConverter<T>)
          converter(name, "must be a whole number", v -> Long.valueOf(v.trim()));
    }
    if (rawType == UUID.class) {
      return (ParamConverter<T>) converter(name, "must be a UUID", UUID::fromString);
    }
    if (rawType == Instant.class) {
      return (ParamConverter<T>)
          converter(
              name,
              "must be an ISO-8601 instant such as 2025-01-31T09:00:00Z",
              StrictParamConverters::instant);
    }
    if (rawType == LocalDate.class) {
      return (ParamConverter<T>)
          converter(name, "must be an ISO-8601 date such as 2025-01-31", LocalDate::parse);
    }
    return null;
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(value).toInstant();
    }
  }

  private static String nameOf(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam q) {
        return q.value();
      }
      if (annotation instanceof PathParam p) {
        return p.value();
      }
      if (annotation instanceof HeaderParam h) {
        return h.value();
      }
    }
    return "parameter";
  }

  private static <T> ParamConverter<T> converter(
      String name, String expectation, Function<String, T> parse) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return parse.apply(value);
        } catch (RuntimeException e) {
          throw new InvalidParameterException(name, expectation);
        }
      }

      @Override
      public String toString(T value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
      }
    };
  }
}
