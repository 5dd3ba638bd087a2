package org.eurasia.registry.events.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.CooperationField;
import org.eurasia.registry.events.domain.EventFilter;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * The filters of event statistics ({@code @Valid @BeanParam EventStatisticsQuery query}), declared
 * once for the rows and the counts by one dimension.
 */
public record EventStatisticsQuery(
    @QueryParam("kind") @Parameter(description = "Kind of event.") EventKind kind,
    @QueryParam("organization")
        @SchacCode
        @Parameter(
            description = "Organized by this organization (once it consented).",
            example = "most.gov.pk")
        String organization,
    @QueryParam("organizer")
        @SchacCode
        @Parameter(
            deprecated = true,
            description =
                "Organized by this organization." + RenamedParameter.DEPRECATED + "`organization`.")
        String organizer,
    @QueryParam("country") @CountryCode @Parameter(description = "Venue country.", example = "PK")
        String country,
    @QueryParam("countryPair")
        @Pattern(
            regexp = "^[A-Z]{2}-[A-Z]{2}$",
            message = "must be two ISO 3166-1 alpha-2 codes such as PK-BY")
        @Parameter(
            description =
                "Events both countries take part in, through a consenting organizer or as the venue "
                    + "(an online event counts for its organizers' countries).")
        String countryPair,
    @QueryParam("from") @Parameter(description = "First day, in `zone`.", example = "2027-01-01")
        LocalDate from,
    @QueryParam("to") @Parameter(description = "Last day, in `zone`.", example = "2027-12-31")
        LocalDate to,
    @QueryParam("zone")
        @DefaultValue("UTC")
        @Size(max = 64)
        @Parameter(description = "IANA zone the days are in.")
        String zone,
    @QueryParam("field")
        @Parameter(
            description = "Linked to a public agreement that covers this field of cooperation.")
        CooperationField field,
    @QueryParam("framework")
        @Pattern(
            regexp = AgreementFacts.FRAMEWORK_CODE,
            message = "must be a framework code such as CPEC")
        @Parameter(description = "Linked to a public agreement that falls under this framework.")
        String framework) {

  /** The search filter these parameters select. */
  EventFilter filter() {
    return EventResource.filter(
        kind,
        RenamedParameter.either("organization", organization, "organizer", organizer),
        country,
        countryPair,
        from,
        to,
        zone,
        null,
        null,
        null,
        null,
        null,
        field,
        framework);
  }
}
