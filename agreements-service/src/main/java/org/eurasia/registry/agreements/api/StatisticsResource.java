package org.eurasia.registry.agreements.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.application.AgreementService;
import org.eurasia.registry.agreements.application.VentureService;
import org.eurasia.registry.agreements.domain.AgreementFilter;
import org.eurasia.registry.agreements.domain.Dimension;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;

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

  @Inject VentureService ventures;

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
  public AgreementStatistics agreements(@Valid @BeanParam AgreementStatisticsQuery query) {
    AgreementFilter filter = query.filter();
    Dimension groupBy = query.groupBy();
    var counts =
        agreements.statistics(filter, groupBy).entrySet().stream()
            .map(e -> new AgreementStatistics.Count(e.getKey(), e.getValue()))
            .toList();
    return new AgreementStatistics(groupBy, counts);
  }

  @GET
  @Path("/ventures")
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "ventureStatistics",
      summary = "Count joint ventures by status, kind, field, country pair or year",
      description =
          "Takes the search's filters, e.g. `kind=INFRASTRUCTURE_PROJECT&groupBy=COUNTRY_PAIR`. A venture with "
              + "several values counts under each; only partners that accepted count for `organization`, `country` and "
              + "the country pairs. The year is the year it was established (or proposed, while it is not).")
  @APIResponse(responseCode = "200", description = "Counts, largest first.")
  public VentureStatistics ventures(@Valid @BeanParam VentureStatistics.Query query) {
    var counts =
        ventures.statistics(query.filter(), query.groupBy()).entrySet().stream()
            .map(e -> new AgreementStatistics.Count(e.getKey(), e.getValue()))
            .toList();
    return new VentureStatistics(query.groupBy(), counts);
  }
}
