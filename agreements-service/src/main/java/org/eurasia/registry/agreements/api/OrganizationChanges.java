package org.eurasia.registry.agreements.api;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.OrganizationKind;
import org.eurasia.registry.agreements.domain.OrganizationTerms;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;

/**
 * Body of {@code PUT /organizations/{id}}: everything about a party except its code, which never
 * changes.
 */
@Schema(name = "OrganizationChanges")
public record OrganizationChanges(
    @NotNull @Schema(example = "UNIVERSITY") OrganizationKind kind,
    @NotNull
        @LanguageTagged
        @Schema(
            description = "Names by ISO 639-1 language; `en` is required.",
            example = "{\"en\": \"Quaid-i-Azam University\", \"ur\": \"قائداعظم یونیورسٹی\"}")
        Map<String, String> names,
    @NotNull @CountryCode @Schema(example = "PK") String country,
    @Schema(
            example = "5eed0000-0000-4000-8000-000000000005",
            description =
                "Id of the organization this one belongs to; the example is most.gov.pk, seeded; leave it out for none.")
        UUID parentId) {

  /** The terms proposed; the domain's record holds them. */
  OrganizationTerms toTerms() {
    return new OrganizationTerms(kind, names, country, parentId);
  }
}
