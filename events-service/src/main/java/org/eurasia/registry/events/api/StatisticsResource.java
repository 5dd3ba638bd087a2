package org.eurasia.registry.events.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.events.application.AwarenessProgrammeService;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.events.domain.AwarenessAudience;
import org.eurasia.registry.events.domain.AwarenessProgrammeCountRow;
import org.eurasia.registry.events.domain.AwarenessProgrammeFilter;
import org.eurasia.registry.events.domain.AwarenessProgrammeStatus;
import org.eurasia.registry.events.domain.CountRow;
import org.eurasia.registry.events.domain.EventDimension;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.csv.CsvTable;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/** Counts of public events and their seats; drafts are not counted. */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Statistics",
    description =
        "Events per kind, country and month, registrations against capacity; counts by country, country pair, "
            + "field, framework, year, kind or format.")
public class StatisticsResource {

  @Inject EventService eventService;

  @Inject AwarenessProgrammeService awarenessProgrammes;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/events")
  @Operation(
      operationId = "eventStatistics",
      summary = "Events per kind, venue country and month",
      description =
          "One row per kind, venue country (empty for online events) and month of the start in the event's own "
              + "zone, with the number of events, their total capacity, confirmed and wait-listed registrations. "
              + "Counts by one dimension (country pair, field, framework...) are at /statistics/events/counts. "
              + "Registrations count people: for anyone but a registrar, a count from 1 to 4 "
              + "(`REGISTRY_STATISTICS_SMALLEST_SHOWN_COUNT`, default 5) is withheld — null, with `suppressed` true.")
  @APIResponse(responseCode = "200", description = "The rows.")
  public List<CountRow> events(@Valid @BeanParam EventStatisticsQuery query) {
    return eventService.statistics(query.filter());
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/events/counts")
  @Operation(
      operationId = "eventCounts",
      summary = "Count events by country, country pair, field, framework, year, kind or format",
      description =
          "As agreements-service's statistics: how many events once published have each value of `groupBy`, "
              + "largest first, e.g. `groupBy=COUNTRY_PAIR&from=2027-01-01`. An event counts under each value it has: "
              + "its countries are its venue's and its consenting organizers' (an online event counts for its "
              + "organizers' countries only, an in-person or hybrid one also for its venue's), `COUNTRY_PAIR` is every "
              + "two of them in alphabetical order, `FIELD` and `FRAMEWORK` are those of its linked public agreements, "
              + "`YEAR` the year it starts in its own zone. The same for every caller. Beside /statistics/events, "
              + "whose rows keep their shape.")
  @APIResponse(responseCode = "200", description = "Counts, largest first.")
  public EventStatistics eventCounts(
      @QueryParam("groupBy")
          @NotNull
          @Parameter(description = "The dimension to count by.", example = "COUNTRY_PAIR")
          EventDimension groupBy,
      @Valid @BeanParam EventStatisticsQuery query) {
    return new EventStatistics(
        groupBy,
        eventService.statistics(groupBy, query.filter()).entrySet().stream()
            .map(e -> new EventStatistics.Count(e.getKey(), e.getValue()))
            .toList());
  }

  /** Event counts by one dimension; bounded by the dimension's values, so not paged. */
  @Schema(name = "EventStatistics")
  public record EventStatistics(EventDimension groupBy, List<Count> counts) implements CsvTable {

    @Override
    public Iterable<?> csvRows() {
      return counts;
    }

    /** One value of the dimension and how many events have it. */
    @Schema(name = "EventCount")
    public record Count(@Schema(example = "CN-PK") String key, @Schema(example = "3") long count) {}
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/awareness-programmes")
  @Operation(
      operationId = "awarenessProgrammeStatistics",
      summary = "Events and registrations per awareness programme",
      description =
          "One row per announced programme (drafts are not counted), in code order: its published events and their "
              + "confirmed and wait-listed registrations. At most "
              + AwarenessProgrammeService.MAX_STATISTICS_ROWS
              + " rows; narrow with the filters. `from`/`to` select the programmes whose period overlaps those days.")
  @APIResponse(responseCode = "200", description = "The rows.")
  public List<AwarenessProgrammeCountRow> awarenessProgrammes(
      @QueryParam("organization")
          @SchacCode
          @Parameter(
              description = "Organized by this organization (once it consented).",
              example = "ncp.edu.pk")
          String organization,
      @QueryParam("country")
          @CountryCode
          @Parameter(description = "A consenting organizer of this country.", example = "PK")
          String country,
      @QueryParam("from") @Parameter(description = "First day.", example = "2027-01-01")
          LocalDate from,
      @QueryParam("to") @Parameter(description = "Last day.", example = "2027-12-31") LocalDate to,
      @QueryParam("status") @Parameter(description = "Current status.")
          AwarenessProgrammeStatus status,
      @QueryParam("audience") @Parameter(description = "Addresses this audience.")
          AwarenessAudience audience,
      @QueryParam("modifiedSince") @Parameter(description = "Changed at or after this instant.")
          Instant modifiedSince) {
    return awarenessProgrammes.statistics(
        new AwarenessProgrammeFilter(
            organization, country, from, to, status, audience, modifiedSince));
  }
}
