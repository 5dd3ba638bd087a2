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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.events.domain.CountRow;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/** Counts of public events and their seats; drafts are not counted. */
@Path(ApiPaths.V1 + "/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Statistics",
    description = "Events per kind, country and month; registrations against capacity.")
public class StatisticsResource {

  @Inject EventService eventService;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/events")
  @Operation(
      operationId = "eventStatistics",
      summary = "Events per kind, venue country and month",
      description =
          "One row per kind, venue country (empty for online events) and month of the start in the event's own "
              + "zone, with the number of events, their total capacity, confirmed and wait-listed registrations. "
              + "Registrations count people: for anyone but a registrar, a count from 1 to 4 "
              + "(`REGISTRY_STATISTICS_SMALLEST_SHOWN_COUNT`, default 5) is withheld — null, with `suppressed` true.")
  @APIResponse(responseCode = "200", description = "The rows.")
  public List<CountRow> events(
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
          String zone) {
    return eventService.statistics(
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
            null));
  }
}
