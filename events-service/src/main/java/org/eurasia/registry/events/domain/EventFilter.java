package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What an event search or the statistics ask for; null means "any". {@code from}/{@code to} select
 * the events overlapping that interval; {@code organizer} matches consenting organizers only.
 */
public record EventFilter(
    EventKind kind,
    String organizer,
    String country,
    Instant from,
    Instant to,
    UUID agreementId,
    UUID programId,
    String text,
    EventStatus status,
    Instant modifiedSince) {}
