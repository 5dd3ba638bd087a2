package org.eurasia.registry.exchange.domain;

import java.util.UUID;

/** Where a page of programmes starts: after this code and, among programmes sharing it, this id. */
public record ProgramPosition(String code, UUID id) {}
