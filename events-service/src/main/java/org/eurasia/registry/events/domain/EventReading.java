package org.eurasia.registry.events.domain;

/**
 * An event as one read of it finds it: its seats, and whether the caller holds a confirmed one (the
 * join link depends on it).
 */
public record EventReading(Event event, SeatCount seats, boolean holdsConfirmedSeat) {}
