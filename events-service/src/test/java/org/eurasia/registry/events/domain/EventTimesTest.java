package org.eurasia.registry.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;

/** Local times and instants, through the tz database only. */
class EventTimesTest {

  static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");

  @Test
  void aWebinarAt1400InKarachiIs0900ZAnd1200InMinskAnd1700InShanghai() {
    Instant instant = EventTimes.instantOf("start", LocalDateTime.of(2027, 2, 10, 14, 0), KARACHI);
    assertEquals(Instant.parse("2027-02-10T09:00:00Z"), instant);
    assertEquals(
        LocalDateTime.of(2027, 2, 10, 12, 0),
        EventTimes.localOf(instant, ZoneId.of("Europe/Minsk")));
    assertEquals(
        LocalDateTime.of(2027, 2, 10, 17, 0),
        EventTimes.localOf(instant, ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void warsawFollowsDaylightSavingTime() {
    ZoneId warsaw = ZoneId.of("Europe/Warsaw");
    assertEquals(
        Instant.parse("2027-01-15T13:00:00Z"),
        EventTimes.instantOf("start", LocalDateTime.of(2027, 1, 15, 14, 0), warsaw),
        "CET, +01:00");
    assertEquals(
        Instant.parse("2027-07-15T12:00:00Z"),
        EventTimes.instantOf("start", LocalDateTime.of(2027, 7, 15, 14, 0), warsaw),
        "CEST, +02:00");
  }

  @Test
  void aLocalTimeSkippedBySpringForwardDoesNotExist() {
    // 28 March 2027: clocks in Warsaw jump from 02:00 to 03:00.
    InvalidValue refused =
        assertThrows(
            InvalidValue.class,
            () ->
                EventTimes.instantOf(
                    "startLocal",
                    LocalDateTime.of(2027, 3, 28, 2, 30),
                    ZoneId.of("Europe/Warsaw")));
    assertEquals("startLocal", refused.term());
  }

  @Test
  void aLocalTimeRepeatedInAutumnMeansItsFirstOccurrence() {
    // 31 October 2027: 02:00–03:00 happens twice in Warsaw; the first is still summer time
    // (+02:00).
    assertEquals(
        Instant.parse("2027-10-31T00:30:00Z"),
        EventTimes.instantOf(
            "start", LocalDateTime.of(2027, 10, 31, 2, 30), ZoneId.of("Europe/Warsaw")));
  }

  @Test
  void almatyUsesTheOffsetOfItsTimeNotAHardCodedOne() {
    ZoneId almaty = ZoneId.of("Asia/Almaty");
    // Kazakhstan moved Almaty from +06:00 to +05:00 on 1 March 2024; the tz database knows both.
    assertEquals(
        Instant.parse("2023-06-01T06:00:00Z"),
        EventTimes.instantOf("start", LocalDateTime.of(2023, 6, 1, 12, 0), almaty));
    assertEquals(
        Instant.parse("2027-06-01T07:00:00Z"),
        EventTimes.instantOf("start", LocalDateTime.of(2027, 6, 1, 12, 0), almaty));
  }

  @Test
  void onlyIanaZonesAreAccepted() {
    assertEquals(KARACHI, EventTimes.zone("timeZone", "Asia/Karachi"));
    assertThrows(InvalidValue.class, () -> EventTimes.zone("timeZone", "+05:00"));
    assertThrows(InvalidValue.class, () -> EventTimes.zone("timeZone", "PKT"));
    assertThrows(InvalidValue.class, () -> EventTimes.zone("timeZone", "Asia/Atlantis"));
  }

  @Test
  void eitherTheInstantOrTheLocalTimeNotBoth() {
    assertThrows(
        InvalidValue.class,
        () ->
            EventTimes.either("start", Instant.EPOCH, LocalDateTime.of(2027, 1, 1, 0, 0), KARACHI));
    assertThrows(InvalidValue.class, () -> EventTimes.either("start", null, null, KARACHI));
    assertEquals(Instant.EPOCH, EventTimes.either("start", Instant.EPOCH, null, KARACHI));
  }
}
