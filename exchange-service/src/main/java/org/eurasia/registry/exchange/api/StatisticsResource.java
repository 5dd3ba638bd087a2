package org.eurasia.registry.exchange.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.CooperationField;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.MobilityCountFilter;
import org.eurasia.registry.exchange.domain.MobilityCountRow;
import org.eurasia.registry.exchange.domain.MobilityDimension;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.csv.CsvTable;
import org.eurasia.registry.platform.statistics.SmallCounts;
import org.eurasia.registry.platform.statistics.StatisticsConfig;

/**
 * Aggregate counts of mobilities: no person appears in them, so they are open to read; counts small
 * enough to identify someone are withheld from callers who may not read the mobilities (issue 24).
 */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Statistics",
    description =
        "Mobilities per country pair, direction, year and kind; counts by country, field, framework or status.")
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
              + "number flagged because their agreement is no longer in force (`attention`). Counts by one dimension "
              + "(field, framework, country...) are at /statistics/mobilities/counts. "
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
      @QueryParam("kind") @Parameter(description = "Programme kind.") ProgramKind kind,
      @QueryParam("field")
          @Parameter(
              description = "Under a programme whose agreement covers this field of cooperation.")
          CooperationField field,
      @QueryParam("framework")
          @Pattern(
              regexp = AgreementFacts.FRAMEWORK_CODE,
              message = "must be a framework code such as CPEC")
          @Parameter(description = "Under a programme whose agreement falls under this framework.")
          String framework) {
    MobilityCountFilter filter = new MobilityCountFilter(academicYear, kind, field, framework);
    SmallCounts small = statistics.smallCounts();
    return mobilities.statistics(filter).stream()
        .map(r -> MobilityCounts.of(r, r.readableWhole() ? new SmallCounts(1) : small))
        .toList();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/mobilities/counts")
  @Operation(
      operationId = "mobilityCounts",
      summary =
          "Count mobilities by country, country pair, field, framework, academic year, status or kind",
      description =
          "As agreements-service's statistics: how many mobilities have each value of `groupBy`, largest first, e.g. "
              + "`groupBy=FIELD&academicYear=2026/2027`. A mobility counts under each value it has: under its home "
              + "and its host country for `COUNTRY`, under each field or framework of its programme's agreement for "
              + "`FIELD` and `FRAMEWORK` (none when the agreement names none); `COUNTRY_PAIR` names the two countries "
              + "in alphabetical order, whichever way it went. Beside /statistics/mobilities, whose rows keep their "
              + "shape. Mobilities under confidential agreements count only for their parties and registrars. A count "
              + "from 1 to 4 is withheld (null, `suppressed` true) from everyone but registrars: it could identify people.")
  @APIResponse(responseCode = "200", description = "Counts, largest first.")
  public MobilityStatistics mobilityCounts(
      @QueryParam("groupBy")
          @NotNull
          @Parameter(description = "The dimension to count by.", example = "FIELD")
          MobilityDimension groupBy,
      @QueryParam("academicYear")
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Parameter(example = "2026/2027")
          String academicYear,
      @QueryParam("kind") @Parameter(description = "Programme kind.") ProgramKind kind,
      @QueryParam("field")
          @Parameter(
              description = "Under a programme whose agreement covers this field of cooperation.")
          CooperationField field,
      @QueryParam("framework")
          @Pattern(
              regexp = AgreementFacts.FRAMEWORK_CODE,
              message = "must be a framework code such as CPEC")
          @Parameter(description = "Under a programme whose agreement falls under this framework.")
          String framework) {
    MobilityCountFilter filter = new MobilityCountFilter(academicYear, kind, field, framework);
    // A value's count mixes mobilities the caller may and may not read: only a registrar, who reads
    // them all, sees the small ones.
    SmallCounts small =
        mobilities.readsEveryMobility() ? new SmallCounts(1) : statistics.smallCounts();
    return new MobilityStatistics(
        groupBy,
        mobilities.statistics(groupBy, filter).entrySet().stream()
            .map(
                e ->
                    new MobilityStatistics.Count(
                        e.getKey(), small.shown(e.getValue()), small.isSmall(e.getValue())))
            .toList());
  }

  /** Mobility counts by one dimension; bounded by the dimension's values, so not paged. */
  @Schema(name = "MobilityStatistics")
  public record MobilityStatistics(MobilityDimension groupBy, List<Count> counts)
      implements CsvTable {

    @Override
    public Iterable<?> csvRows() {
      return counts;
    }

    /** One value of the dimension and how many mobilities have it. */
    @Schema(name = "MobilityCount")
    public record Count(
        @Schema(example = "SCIENCE_AND_TECHNOLOGY") String key,
        @Schema(example = "7", nullable = true, description = "Null when withheld (`suppressed`).")
            Long count,
        @Schema(
                description =
                    "Whether the count was withheld: from 1 to 4 (`REGISTRY_STATISTICS_SMALLEST_SHOWN_COUNT`, "
                        + "default 5) is shown to registrars only.")
            boolean suppressed) {}
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
