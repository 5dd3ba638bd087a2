package org.eurasia.registry.exchange.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;

/** Aggregate counts of mobilities: no person appears in them, so they are open to read. */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Mobilities per country pair, direction, year and kind.")
public class StatisticsResource {

  @Inject MobilityService mobilities;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/mobilities")
  @Operation(
      operationId = "mobilityStatistics",
      summary = "Mobilities per country pair, academic year and programme kind",
      description =
          "One row per home country, host country (the direction), year and kind, with counts per status and the "
              + "number flagged because their agreement is no longer in force (`attention`). "
              + "Mobilities under confidential agreements count only for their parties and registrars. Quota use per "
              + "programme is at /programs/{id}/quota-use.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, ordered by country pair, year and kind.")
  public List<MobilityCounts> mobilities(
      @QueryParam("academicYear")
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Parameter(example = "2026/2027")
          String academicYear,
      @QueryParam("kind") @Parameter(description = "Programme kind.") ProgramKind kind) {
    return mobilities.statistics(academicYear, kind).stream()
        .map(
            r ->
                new MobilityCounts(
                    r.homeCountry() + "-" + r.hostCountry(),
                    r.homeCountry(),
                    r.hostCountry(),
                    r.academicYear(),
                    r.kind(),
                    r.byStatus().values().stream().mapToLong(Long::longValue).sum(),
                    r.byStatus(),
                    r.attention()))
        .toList();
  }

  /** Counts for one country pair, year and kind. */
  @Schema(name = "MobilityCounts")
  public record MobilityCounts(
      @Schema(example = "PK-BY") String countryPair,
      String homeCountry,
      String hostCountry,
      String academicYear,
      ProgramKind kind,
      long total,
      Map<MobilityStatus, Long> byStatus,
      @Schema(
              description =
                  "Of these, the mobilities flagged because their programme's agreement is no longer in force "
                      + "(the `attention` of a mobility; listed by GET /mobilities?attention=true).")
          long attention) {}
}
