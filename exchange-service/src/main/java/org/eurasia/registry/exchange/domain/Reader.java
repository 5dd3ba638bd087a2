package org.eurasia.registry.exchange.domain;

/**
 * Whom a list or a count is for: a partner's organization, or none for an anonymous reader.
 * Programmes under a confidential agreement, and their mobilities, are only for readers it names
 * (registrars pass no reader: they see all).
 */
public record Reader(String organization) {}
