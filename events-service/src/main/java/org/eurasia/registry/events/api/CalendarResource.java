package org.eurasia.registry.events.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.events.application.CalendarService;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * iCalendar feeds a calendar client subscribes to (webcal/https): one event, an organizer's events,
 * or the events about an agreement. Open to read like published events; clients poll them, so
 * responses say not to cache for long.
 */
@Path(ApiPaths.V1 + "/calendars")
@Produces(CalendarResource.TEXT_CALENDAR)
@Tag(
    name = "Calendar feeds",
    description = "iCalendar (RFC 5545) feeds with time zones, stable UIDs and sequences.")
public class CalendarResource {

  static final String TEXT_CALENDAR = "text/calendar;charset=utf-8";
  private static final String LANGUAGE_HELP =
      "Language of titles and descriptions (ISO 639-1); English when missing.";
  private static final String LANGUAGE = "^[a-z]{2}$";
  private static final String WINDOW_HELP =
      "Days are UTC, both ends included. Without `from` and `to` the window runs from "
          + CalendarService.DEFAULT_DAYS_BEFORE
          + " days ago to "
          + CalendarService.DEFAULT_DAYS_AFTER
          + " days ahead; with one end given, the other lies as far from it. A window spans at most "
          + CalendarService.MAX_WINDOW_DAYS
          + " days and holds at most "
          + CalendarService.MAX_EVENTS
          + " events: a wider or fuller one is refused (400 naming `to`), never cut.";
  private static final String FROM_HELP =
      "First day of the window (UTC); by default "
          + CalendarService.DEFAULT_DAYS_BEFORE
          + " days ago.";
  private static final String TO_HELP =
      "Last day of the window (UTC); by default "
          + CalendarService.DEFAULT_DAYS_AFTER
          + " days ahead.";

  @Inject CalendarService calendarService;

  @GET
  @Path("/events/{id}.ics")
  @Operation(
      operationId = "eventCalendar",
      summary = "One event as iCalendar",
      description = "Drafts have no calendar entry.")
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response event(
      @PathParam("id") @Parameter(example = EventResource.EXAMPLE_ID) UUID id,
      @QueryParam("lang")
          @Pattern(regexp = LANGUAGE, message = "must be an ISO 639-1 code such as ru")
          @Parameter(description = LANGUAGE_HELP, example = "ru")
          String lang) {
    return feed(calendarService.ofEvent(id, lang));
  }

  @GET
  @Path("/organizers/{code}.ics")
  @Operation(
      operationId = "organizerCalendar",
      summary = "All events of an organizer as iCalendar",
      description =
          "Published, completed and cancelled events (cancelled ones with STATUS:CANCELLED) that overlap the "
              + "window `from`–`to`. "
              + WINDOW_HELP)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response organizer(
      @PathParam("code") @SchacCode @Parameter(example = "comsats.edu.pk") String code,
      @QueryParam("lang")
          @Pattern(regexp = LANGUAGE, message = "must be an ISO 639-1 code such as ru")
          @Parameter(description = LANGUAGE_HELP)
          String lang,
      @QueryParam("from") @Parameter(description = FROM_HELP) LocalDate from,
      @QueryParam("to") @Parameter(description = TO_HELP) LocalDate to) {
    return feed(calendarService.ofOrganizer(code, lang, from, to));
  }

  @GET
  @Path("/agreements/{id}.ics")
  @Operation(
      operationId = "agreementCalendar",
      summary = "All events linked to an agreement as iCalendar",
      description =
          "Published, completed and cancelled events linked to the agreement that overlap the window "
              + "`from`–`to`. "
              + WINDOW_HELP)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response agreement(
      @PathParam("id") @Parameter(example = "5eed0000-0000-4000-8000-0000000a0004") UUID id,
      @QueryParam("lang")
          @Pattern(regexp = LANGUAGE, message = "must be an ISO 639-1 code such as ru")
          @Parameter(description = LANGUAGE_HELP)
          String lang,
      @QueryParam("from") @Parameter(description = FROM_HELP) LocalDate from,
      @QueryParam("to") @Parameter(description = TO_HELP) LocalDate to) {
    return feed(calendarService.ofAgreement(id, lang, from, to));
  }

  @GET
  @Path("/awareness-programmes/{id}.ics")
  @Operation(
      operationId = "awarenessProgrammeCalendar",
      summary = "All events of an awareness programme as iCalendar",
      description =
          "Published, completed and cancelled events of the programme that overlap the window `from`–`to`. A draft "
              + "programme is a 404 for anyone but its organizers. "
              + WINDOW_HELP)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response awarenessProgramme(
      @PathParam("id") @Parameter(example = AwarenessProgrammeResource.EXAMPLE_ID) UUID id,
      @QueryParam("lang")
          @Pattern(regexp = LANGUAGE, message = "must be an ISO 639-1 code such as ru")
          @Parameter(description = LANGUAGE_HELP)
          String lang,
      @QueryParam("from") @Parameter(description = FROM_HELP) LocalDate from,
      @QueryParam("to") @Parameter(description = TO_HELP) LocalDate to) {
    return feed(calendarService.ofAwarenessProgramme(id, lang, from, to));
  }

  private static Response feed(String body) {
    // Calendar clients poll; five minutes keeps them close to the source without hammering it.
    return Response.ok(body, TEXT_CALENDAR).header("Cache-Control", "public, max-age=300").build();
  }
}
