package org.eurasia.registry.exchange.domain;

import org.eurasia.registry.agreements.client.CooperationField;

/**
 * Which mobilities statistics count; null means "any". {@code field} and {@code framework} are
 * those of the programme's agreement, as its events stated them.
 */
public record MobilityCountFilter(
    String academicYear, ProgramKind kind, CooperationField field, String framework) {}
