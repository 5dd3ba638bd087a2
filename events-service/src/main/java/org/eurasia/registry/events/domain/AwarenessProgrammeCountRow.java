package org.eurasia.registry.events.domain;

import java.util.UUID;

/**
 * One row of the awareness programme statistics: a programme with its published events and their
 * confirmed and wait-listed registrations.
 */
public record AwarenessProgrammeCountRow(
    UUID programmeId,
    String code,
    AwarenessProgrammeStatus status,
    long events,
    long confirmed,
    long waitlisted) {}
