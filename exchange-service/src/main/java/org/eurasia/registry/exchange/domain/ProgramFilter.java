package org.eurasia.registry.exchange.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a search for programmes asks for; null means "any". {@code countryA}/{@code countryB} match
 * either direction. {@code institution} matches the programmes of that institution — those it
 * accepted, since naming it does not make a programme its own — and {@code invitedInstitution}
 * those naming it that it has not accepted yet.
 */
public record ProgramFilter(
    String countryA,
    String countryB,
    String institution,
    String invitedInstitution,
    ProgramKind kind,
    String academicYear,
    String iscedCode,
    ProgramStatus status,
    UUID agreementId,
    Instant modifiedSince) {}
