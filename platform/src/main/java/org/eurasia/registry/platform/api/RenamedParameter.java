package org.eurasia.registry.platform.api;

import java.util.List;
import java.util.Objects;

/**
 * A query parameter renamed to the registry's shared vocabulary ({@code organization}, {@code
 * countryPair}, {@code field}, …) whose old spelling still works for one release. Either spelling
 * may be given, or both with the same value; both with different values is a 400 naming the new
 * one, since the caller's intent is unclear.
 */
public final class RenamedParameter {

  /** Appended to an old spelling's description; the contract also marks it {@code deprecated}. */
  public static final String DEPRECATED =
      " Deprecated: the old name of this filter, answered until the next release (Sunset); use ";

  private RenamedParameter() {}

  /** The value given under either name. */
  public static <T> T either(String name, T value, String oldName, T oldValue) {
    if (value != null && oldValue != null && !value.equals(oldValue)) {
      throw new InvalidParameterException(
          name, "given also as `" + oldName + "` with another value; give only `" + name + "`");
    }
    return value != null ? value : oldValue;
  }

  /** The values given under either name (repeatable parameters; an absent one is empty). */
  public static <T> List<T> either(String name, List<T> values, String oldName, List<T> old) {
    boolean given = values != null && !values.isEmpty();
    boolean oldGiven = old != null && !old.isEmpty();
    if (given && oldGiven && !Objects.equals(values, old)) {
      throw new InvalidParameterException(
          name, "given also as `" + oldName + "` with other values; give only `" + name + "`");
    }
    return given ? values : old;
  }
}
