package org.eurasia.registry.exchange.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of mobilities starts: after this creation instant and, among mobilities created at
 * it, this id.
 */
public record MobilityPosition(Instant createdAt, UUID id) {}
