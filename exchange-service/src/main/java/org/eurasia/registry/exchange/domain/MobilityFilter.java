package org.eurasia.registry.exchange.domain;

import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.agreements.client.CooperationField;

/**
 * What a list of mobilities asks for; null means "any". {@code institution} is the home or host
 * institution; {@code countryA}/{@code countryB} a country pair, either direction; {@code isced}
 * the ISCED-F field of study. {@code attention}: true for the mobilities flagged because their
 * agreement is no longer in force, false for the others. {@code field} and {@code framework} are
 * those of the programme's agreement.
 */
public record MobilityFilter(
    UUID programId,
    MobilityStatus status,
    String academicYear,
    String institution,
    String countryA,
    String countryB,
    String isced,
    Instant modifiedSince,
    Boolean attention,
    CooperationField field,
    String framework) {}
