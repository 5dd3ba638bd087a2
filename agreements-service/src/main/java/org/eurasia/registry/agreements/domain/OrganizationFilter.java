package org.eurasia.registry.agreements.domain;

import java.time.Instant;
import java.util.UUID;

/** What a list of organizations may be narrowed by; null fields do not filter. */
public record OrganizationFilter(
    String country,
    OrganizationKind kind,
    UUID parentId,
    OrganizationStatus status,
    Instant modifiedSince) {}
