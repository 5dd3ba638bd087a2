package org.eurasia.registry.events.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the organizers of an awareness programme propose and revise: one record, taken by {@link
 * AwarenessProgramme#draft} and {@link AwarenessProgramme#revise}, given back by {@link
 * AwarenessProgramme#terms()}. {@code organizers} are all those named, consenting or not.
 *
 * @param startsOn first day of the programme's period
 * @param endsOn last day of the period, included
 */
public record AwarenessProgrammeTerms(
    Map<String, String> title,
    Map<String, String> description,
    String theme,
    Set<AwarenessAudience> audiences,
    Set<String> organizers,
    LocalDate startsOn,
    LocalDate endsOn) {}
