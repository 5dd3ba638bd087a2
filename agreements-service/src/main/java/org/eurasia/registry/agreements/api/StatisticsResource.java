package org.eurasia.registry.agreements.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.application.AgreementService;
import org.eurasia.registry.agreements.domain.AgreementFilter;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Dimension;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * Agreement counts, at {@code /api/v1/statistics/agreements} — where every service keeps its
 * statistics (mobilities and events beside it in theirs).
 */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Statistics",
    description = "Agreements per status, kind, field, framework, country or year.")
public class StatisticsResource {

  @Inject AgreementService agreements;

  @GET
  @Path("/agreements")
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "agreementStatistics",
      summary = "Count agreements by status, kind, field, framework, country, country pair or year",
      description =
          "Takes the same filters as the search, e.g. `status=IN_FORCE&countryPair=PK-BY&groupBy=FIELD` "
              + "for the agreements in force between Pakistan and Belarus by field. Confidential agreements count only for "
              + "their parties and registrars. An agreement with several values (fields, countries) counts under each. "
              + "Like the search, `organization`, `country` and the country counts take only parties that consented: "
              + "naming an organization does not count the agreement as its own.")
  @APIResponse(responseCode = "200", description = "Counts, largest first.")
  public AgreementStatistics agreements(
      @QueryParam("groupBy")
          @NotNull
          @Parameter(description = "The dimension to count by.", example = "FIELD")
          Dimension groupBy,
      @QueryParam("status") AgreementStatus status,
      @QueryParam("kind") AgreementKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(description = "Organization code of a party that consented.")
          String organization,
      @QueryParam("party")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Organization code of a party that consented."
                      + RenamedParameter.DEPRECATED
                      + "`organization`.")
          String party,
      @QueryParam("country")
          @Size(max = 5)
          @Parameter(
              description =
                  "Country of a consenting party; repeat for several (all must be present).")
          List<@CountryCode String> country,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two country codes such as PK-BY")
          @Parameter(
              description =
                  "Agreements between consenting parties of both countries, e.g. `PK-BY`.")
          String countryPair,
      @QueryParam("field") CooperationField field,
      @QueryParam("framework")
          @Pattern(
              regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$",
              message = "must be a framework code such as CPEC")
          String framework,
      @QueryParam("q")
          @Size(max = 200)
          @Parameter(description = "Full-text query, as in the search.")
          String q) {
    AgreementFilter filter =
        new AgreementFilter(
            status,
            kind,
            RenamedParameter.either("organization", organization, "party", party),
            null,
            countries(country, countryPair),
            field,
            null,
            framework,
            null,
            q,
            null,
            null,
            null,
            null);
    var counts =
        agreements.statistics(filter, groupBy).entrySet().stream()
            .map(e -> new AgreementStatistics.Count(e.getKey(), e.getValue()))
            .toList();
    return new AgreementStatistics(groupBy, counts);
  }

  /**
   * `countryPair=PK-BY` is `country=PK&country=BY`: both countries among the consenting parties.
   */
  static List<String> countries(List<String> country, String countryPair) {
    if (countryPair == null) {
      return country;
    }
    List<String> all = new ArrayList<>(country == null ? List.of() : country);
    for (String code : countryPair.split("-")) {
      if (!all.contains(code)) {
        all.add(code);
      }
    }
    return all;
  }
}
