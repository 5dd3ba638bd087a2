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
import org.eurasia.registry.exchange.domain.MobilityCountRow;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.statistics.SmallCounts;
import org.eurasia.registry.platform.statistics.StatisticsConfig;

/**
 * Aggregate counts of mobilities: no person appears in them, so they are open to read; counts small
 * enough to identify someone are withheld from callers who may not read the mobilities (issue 24).
 */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Mobilities per country pair, direction, year and kind.")
public class StatisticsResource {

  @Inject MobilityService mobilities;

  @Inject StatisticsConfig statistics;

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
              + "programme is at /programs/{id}/quota-use. No identification through statistics: unless the caller may "
              + "read every mobility a row counts (as one of their institutions, or a registrar), a count from 1 to 4 "
              + "(`REGISTRY_STATISTICS_SMALLEST_SHOWN_COUNT`, default 5) is withheld — `total` or `attention` null, "
              + "the status left out of `byStatus` (with another when only one would be) — and `suppressed` is true.")
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
    SmallCounts small = statistics.smallCounts();
    return mobilities.statistics(academicYear, kind).stream()
        .map(r -> MobilityCounts.of(r, r.readableWhole() ? new SmallCounts(1) : small))
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
      @Schema(nullable = true, description = "Null when withheld (`suppressed`).") Long total,
      @Schema(description = "Per status; a withheld count is left out (`suppressed`).")
          Map<MobilityStatus, Long> byStatus,
      @Schema(
              nullable = true,
              description =
                  "Of these, the mobilities flagged because their programme's agreement is no longer in force "
                      + "(the `attention` of a mobility; listed by GET /mobilities?attention=true). Null when "
                      + "withheld (`suppressed`).")
          Long attention,
      @Schema(
              description =
                  "Whether a count of this row was withheld: it was small enough to identify people and the "
                      + "caller may not read the mobilities counted.")
          boolean suppressed) {

    /** The row as {@code small} lets it be shown. */
    static MobilityCounts of(MobilityCountRow r, SmallCounts small) {
      Long total = small.shown(r.total());
      Map<MobilityStatus, Long> byStatus = small.shownParts(r.byStatus(), total != null);
      Long attention = total == null ? null : small.shown(r.attention());
      return new MobilityCounts(
          r.homeCountry() + "-" + r.hostCountry(),
          r.homeCountry(),
          r.hostCountry(),
          r.academicYear(),
          r.kind(),
          total,
          byStatus,
          attention,
          total == null || attention == null || byStatus.size() < r.byStatus().size());
    }
  }
}
