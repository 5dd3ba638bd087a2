package org.eurasia.registry.events.domain;

/**
 * One row of the event statistics: a kind, a venue country (empty for online events) and a month in
 * the event's own zone, with the events once published and their seats. The API shows it as is (its
 * schema is {@code CountRow}).
 */
public record CountRow(
    EventKind kind,
    String country,
    String month,
    long events,
    long capacity,
    long confirmed,
    long waitlisted) {}
