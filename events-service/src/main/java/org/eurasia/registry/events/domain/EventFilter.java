package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What an event search or the statistics ask for; null means "any". {@code from}/{@code to} select
 * the events overlapping that interval; {@code organizer} matches consenting organizers only. A
 * country pair ({@code countryA}, {@code countryB}) selects the events both countries take part in:
 * through a consenting organizer of that country, or as the venue (so an online event counts for
 * its organizers' countries only).
 */
public record EventFilter(
    EventKind kind,
    String organizer,
    String country,
    String countryA,
    String countryB,
    Instant from,
    Instant to,
    UUID agreementId,
    UUID programId,
    String text,
    EventStatus status,
    Instant modifiedSince) {}
