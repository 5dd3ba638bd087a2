package org.eurasia.registry.events.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.platform.statistics.SmallCounts;

/**
 * One row of the event statistics: a kind, a venue country (empty for online events) and a month in
 * the event's own zone, with the events once published and their seats. The API shows it as is (its
 * schema is {@code CountRow}). Registrations count people: a small count of them is withheld from
 * callers who may not read registrations ({@link #withheld}, issue 24).
 */
public record CountRow(
    EventKind kind,
    String country,
    String month,
    long events,
    long capacity,
    @Schema(nullable = true, description = "Confirmed registrations; null when withheld.")
        Long confirmed,
    @Schema(nullable = true, description = "Wait-listed registrations; null when withheld.")
        Long waitlisted,
    @Schema(
            description =
                "Whether a count of registrations was withheld: small enough to identify people, and "
                    + "the caller may not read the registrations.")
        boolean suppressed) {

  public CountRow(
      EventKind kind,
      String country,
      String month,
      long events,
      long capacity,
      long confirmed,
      long waitlisted) {
    this(kind, country, month, events, capacity, confirmed, waitlisted, false);
  }

  /** The row as {@code small} lets it be shown to a caller who may not read registrations. */
  public CountRow withheld(SmallCounts small) {
    Long shownConfirmed = confirmed == null ? null : small.shown(confirmed);
    Long shownWaitlisted = waitlisted == null ? null : small.shown(waitlisted);
    return new CountRow(
        kind,
        country,
        month,
        events,
        capacity,
        shownConfirmed,
        shownWaitlisted,
        suppressed
            || (confirmed != null && shownConfirmed == null)
            || (waitlisted != null && shownWaitlisted == null));
  }
}
