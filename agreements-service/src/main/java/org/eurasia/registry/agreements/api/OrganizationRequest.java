package org.eurasia.registry.agreements.api;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.OrganizationKind;
import org.eurasia.registry.agreements.domain.OrganizationTerms;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.SchacCode;

/** Body of {@code POST /organizations}: registers a new party. */
@Schema(name = "OrganizationRequest")
public record OrganizationRequest(
    @NotNull
        @SchacCode
        @Schema(
            description = "Lower-case internet domain identifying the organization.",
            example = "nust.edu.pk")
        String code,
    @NotNull @Schema(example = "UNIVERSITY") OrganizationKind kind,
    @NotNull
        @LanguageTagged
        @Schema(
            description = "Names by ISO 639-1 language; `en` is required.",
            example =
                "{\"en\": \"National University of Sciences and Technology\", \"ur\": \"نیشنل یونیورسٹی آف سائنسز اینڈ ٹیکنالوجی\"}")
        Map<String, String> names,
    @NotNull @CountryCode @Schema(description = "ISO 3166-1 alpha-2 country.", example = "PK")
        String country,
    @Schema(
            example = "5eed0000-0000-4000-8000-000000000005",
            description =
                "Id of the organization this one belongs to (e.g. a ministry's agency); the example is most.gov.pk, seeded; leave it out for none.")
        UUID parentId) {

  /** The terms proposed; the domain's record holds them. */
  OrganizationTerms toTerms() {
    return new OrganizationTerms(kind, names, country, parentId);
  }
}
