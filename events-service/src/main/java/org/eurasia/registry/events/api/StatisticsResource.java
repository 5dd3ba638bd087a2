package org.eurasia.registry.events.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.CooperationField;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.events.domain.CountRow;
import org.eurasia.registry.events.domain.EventDimension;
import org.eurasia.registry.events.domain.EventFilter;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.RenamedParameter;
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
        "Events per kind, country and month, registrations against capacity; or by country, country pair, "
            + "field, framework, year, kind or format.")
public class StatisticsResource {

  @Inject EventService eventService;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/events")
  @Operation(
      operationId = "eventStatistics",
      summary = "Events per kind, venue country and month, or by one dimension",
      description =
          "Without `groupBy`: one row per kind, venue country (empty for online events) and month of the start in "
              + "the event's own zone, with the number of events, their total capacity, confirmed and wait-listed "
              + "registrations. With `groupBy` (as in agreements-service's statistics): how many events have each value "
              + "of that dimension, largest first, e.g. `groupBy=COUNTRY_PAIR&from=2027-01-01`. An event counts under "
              + "each value it has: its countries are its venue's and its consenting organizers' (an online event "
              + "counts for its organizers' countries only), `COUNTRY_PAIR` is every two of them in alphabetical order, "
              + "`FIELD` and `FRAMEWORK` are those of its linked public agreements, `YEAR` the year it starts in its "
              + "own zone. Only events once published count, the same for every caller.")
  @APIResponse(
      responseCode = "200",
      description = "Without `groupBy`, the rows; with it, the counts.",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {EventCountRows.class, EventStatistics.class})),
        @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
      })
  public Object events(
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
                  "Organized by this organization."
                      + RenamedParameter.DEPRECATED
                      + "`organization`.")
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
          String framework,
      @QueryParam("groupBy")
          @Parameter(
              description =
                  "The dimension to count by; without it, the rows per kind, venue country and month.",
              example = "COUNTRY_PAIR")
          EventDimension groupBy) {
    EventFilter filter =
        EventResource.filter(
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
    if (groupBy != null) {
      return new EventStatistics(
          groupBy,
          eventService.statistics(groupBy, filter).entrySet().stream()
              .map(e -> new EventStatistics.Count(e.getKey(), e.getValue()))
              .toList());
    }
    return eventService.statistics(filter);
  }

  /** The rows answered without {@code groupBy} (a named array, for the answer's {@code oneOf}). */
  @Schema(name = "EventCountRows")
  public static final class EventCountRows extends java.util.ArrayList<CountRow> {}

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
}
