package org.eurasia.registry.events.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import org.eurasia.registry.platform.domain.InvalidValue;

/**
 * Converts between the local times people write ("14:00 in Karachi") and the UTC instants stored,
 * always through the tz database (never a hard-coded offset: Asia/Almaty moved from +06:00 to
 * +05:00 in 2024). A local time that does not exist (skipped by a daylight-saving change) is
 * refused; one that happens twice (the hour repeated in autumn) is taken at its first occurrence,
 * and the caller can send the instant instead to mean the second.
 */
public final class EventTimes {

  private EventTimes() {}

  /**
   * The zone named by an IANA id; anything else (including fixed offsets like "+05:00") is refused.
   */
  public static ZoneId zone(String field, String id) {
    if (id == null || !id.contains("/")) {
      throw new InvalidValue(field, "must be an IANA time zone such as Asia/Karachi");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidValue(field, "'" + id + "' is not an IANA time zone");
    }
  }

  /** The instant a local time in a zone denotes. */
  public static Instant instantOf(String field, LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      throw new InvalidValue(
          field,
          local
              + " does not exist in "
              + zone.getId()
              + " (clocks move from "
              + transition.getDateTimeBefore()
              + " to "
              + transition.getDateTimeAfter()
              + ")");
    }
    return local.atZone(zone).toInstant();
  }

  /**
   * Exactly one of an instant and a local time: the instant as given, or the local time resolved in
   * the zone.
   */
  public static Instant either(String field, Instant instant, LocalDateTime local, ZoneId zone) {
    if ((instant == null) == (local == null)) {
      throw new InvalidValue(
          field,
          "give either the instant ("
              + field
              + "At) or the local time ("
              + field
              + "Local), not both or neither");
    }
    return instant != null ? instant : instantOf(field + "Local", local, zone);
  }

  public static LocalDateTime localOf(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }
}
