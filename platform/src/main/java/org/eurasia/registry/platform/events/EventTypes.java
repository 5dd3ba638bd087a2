package org.eurasia.registry.platform.events;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Event types as handlers and {@link IgnoredEvents} declare them: one type ({@code
 * registry.organization.removed.v1}) or a family written as the producer's AsyncAPI document names
 * its message, {@code registry.agreement.*.v1}: every change of that aggregate in that payload
 * version. A projection that takes the newest facts from any change claims the family, so a type
 * the producer adds reaches it without an edit here; a new payload version ({@code .v2}) does not.
 */
public final class EventTypes {

  /** What {@code *} stands for: one change name, such as {@code party-accepted}. */
  private static final Pattern CHANGE = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private EventTypes() {}

  /** Whether {@code type} (a {@code ce_type}) is {@code declared} or belongs to its family. */
  public static boolean matches(String declared, String type) {
    int star = declared.indexOf('*');
    if (star < 0) {
      return declared.equals(type);
    }
    String prefix = declared.substring(0, star);
    String suffix = declared.substring(star + 1);
    return type.length() > prefix.length() + suffix.length()
        && type.startsWith(prefix)
        && type.endsWith(suffix)
        && CHANGE
            .matcher(type.substring(prefix.length(), type.length() - suffix.length()))
            .matches();
  }

  /** Whether any of {@code declared} matches {@code type}. */
  public static boolean matchesAny(Collection<String> declared, String type) {
    return declared.stream().anyMatch(d -> matches(d, type));
  }
}
