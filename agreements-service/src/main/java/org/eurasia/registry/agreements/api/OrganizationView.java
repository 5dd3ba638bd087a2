package org.eurasia.registry.agreements.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationKind;
import org.eurasia.registry.agreements.domain.OrganizationStatus;
import org.eurasia.registry.agreements.domain.OrganizationTerms;

/**
 * An organization as the API shows it: its code, its terms ({@link Organization#terms()}), its
 * status.
 */
@Schema(name = "Organization")
public record OrganizationView(
    @Schema(example = "5eed0000-0000-4000-8000-000000000001") UUID id,
    @Schema(example = "qau.edu.pk") String code,
    OrganizationKind kind,
    @Schema(example = "{\"en\": \"Quaid-i-Azam University\"}") Map<String, String> names,
    @Schema(example = "PK") String country,
    @Schema(nullable = true) UUID parentId,
    @Schema(
            description =
                "ACTIVE, or RETIRED: still readable and named by what named it before, but nothing new may name it.",
            example = "ACTIVE")
        OrganizationStatus status,
    @Schema(nullable = true, description = "When it was retired; null while active.")
        Instant retiredAt,
    @Schema(description = "Version, also sent as the ETag.", example = "0") long version,
    Instant createdAt,
    Instant updatedAt) {

  static OrganizationView of(Organization organization) {
    OrganizationTerms terms = organization.terms();
    return new OrganizationView(
        organization.id(),
        organization.code(),
        terms.kind(),
        terms.names(),
        terms.country(),
        terms.parentId(),
        organization.status(),
        organization.retiredAt(),
        organization.version(),
        organization.createdAt(),
        organization.updatedAt());
  }
}
