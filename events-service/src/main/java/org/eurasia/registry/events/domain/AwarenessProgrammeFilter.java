package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an awareness programme search or the statistics ask for; null means "any". {@code
 * organization} matches consenting organizers only; {@code country} a consenting organizer of that
 * country; {@code from}/{@code to} the programmes whose period overlaps those days.
 */
public record AwarenessProgrammeFilter(
    String organization,
    String country,
    LocalDate from,
    LocalDate to,
    AwarenessProgrammeStatus status,
    AwarenessAudience audience,
    Instant modifiedSince) {}
