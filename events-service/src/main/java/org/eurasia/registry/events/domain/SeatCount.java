package org.eurasia.registry.events.domain;

import java.util.UUID;

/** Confirmed and wait-listed registrations of one event. */
public record SeatCount(UUID eventId, long confirmed, long waitlisted) {}
