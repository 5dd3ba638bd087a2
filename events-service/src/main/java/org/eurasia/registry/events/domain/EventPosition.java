package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of events starts: after this start instant and, among events starting then, this id.
 */
public record EventPosition(Instant startsAt, UUID id) {}
