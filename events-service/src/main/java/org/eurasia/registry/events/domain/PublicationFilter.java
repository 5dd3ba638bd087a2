package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a publication search asks for; null means "any". {@code organization} is the publisher,
 * {@code country} the publisher's country; {@code fromYear}/{@code toYear} bound the year of
 * publication; {@code text} words in any script.
 */
public record PublicationFilter(
    PublicationKind kind,
    String organization,
    String country,
    Integer fromYear,
    Integer toYear,
    UUID eventId,
    UUID agreementId,
    UUID ventureId,
    String text,
    Instant modifiedSince) {}
