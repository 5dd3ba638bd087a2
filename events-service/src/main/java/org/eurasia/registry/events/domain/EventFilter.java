package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.agreements.client.CooperationField;

/**
 * What an event search or the statistics ask for; null means "any". {@code from}/{@code to} select
 * the events overlapping that interval; {@code organizer} matches consenting organizers only. A
 * country pair ({@code countryA}, {@code countryB}) selects the events both countries take part in:
 * through a consenting organizer of that country, or as the venue (so an online event counts for
 * its organizers' countries only). {@code field} and {@code framework} select the events linked to
 * a public agreement that covers that field or falls under that framework.
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
    Instant modifiedSince,
    CooperationField field,
    String framework) {}
