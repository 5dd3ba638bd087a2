package org.eurasia.registry.agreements.domain;

import java.util.UUID;

/**
 * Where the previous page of a search ended: the sort key (date or rank, as text), the code and the
 * id (codes may repeat).
 */
public record Position(String key, String code, UUID id) {}
