package org.eurasia.registry.events.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.events.api.AwarenessProgrammeRequests.Details;
import org.eurasia.registry.events.api.AwarenessProgrammeRequests.EventLink;
import org.eurasia.registry.events.api.AwarenessProgrammeRequests.NewProgramme;
import org.eurasia.registry.events.api.EventRequests.AcceptanceRequest;
import org.eurasia.registry.events.application.AwarenessProgrammeService;
import org.eurasia.registry.events.domain.AwarenessAudience;
import org.eurasia.registry.events.domain.AwarenessProgramme;
import org.eurasia.registry.events.domain.AwarenessProgrammeFilter;
import org.eurasia.registry.events.domain.AwarenessProgrammeStatus;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.CommandHeaders;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.security.Roles;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * Awareness programmes over HTTP: announced ones are open to read; their organizers and registrars
 * manage them and link events to them.
 */
@Path(ApiPaths.V1 + "/awareness-programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Awareness programmes",
    description =
        "Campaigns and series of events on one theme for named audiences over a period: the article's "
            + "\"awareness programs\".")
public class AwarenessProgrammeResource {

  /** The seeded Pakistan–Belarus awareness series of 2027 (announced), organized by ncp.edu.pk. */
  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000e1a01";

  /** The seeded draft programme of cuc.edu.cn that invites comsats.edu.pk as co-organizer. */
  static final String EXAMPLE_DRAFT = "5eed0000-0000-4000-8000-0000000e1a02";

  /** The seeded signing ceremony, published and in no programme yet. */
  static final String EXAMPLE_EVENT = "5eed0000-0000-4000-8000-0000000e0a04";

  static final String CREATE_EXAMPLE =
      """
      {"code": "PK-BY/AWARENESS/2028",
       "details": {"title": {"en": "Pakistan–Belarus cooperation awareness series 2028"},
        "description": {"en": "Webinars for students on the joint ventures of both countries."},
        "theme": "Academic and economic joint ventures", "audiences": ["STUDENTS", "ACADEMICS"],
        "organizers": ["ncp.edu.pk"], "startsOn": "2028-01-01", "endsOn": "2028-12-31"}}""";

  static final String UPDATE_EXAMPLE =
      """
      {"title": {"en": "Pakistan–Belarus cooperation awareness series 2027",
                 "ru": "Серия мероприятий о пакистано-белорусском сотрудничестве 2027"},
       "description": {"en": "Webinars, seminars and a summit on what the cooperation of Pakistan, Belarus and Central Asia produces."},
       "theme": "Joint ventures, academic networks and connectivity",
       "audiences": ["STUDENTS", "ACADEMICS", "OFFICIALS"],
       "organizers": ["ncp.edu.pk", "most.gov.pk"], "startsOn": "2027-01-01", "endsOn": "2027-12-31"}""";

  @Inject AwarenessProgrammeService service;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listAwarenessProgrammes",
      summary = "Search awareness programmes, ordered by first day",
      description =
          "Announced programmes (running and closed ones too) are open to everyone; a draft only to its organizers, "
              + "invited organizers and registrars. `organization` matches consenting organizers only, `country` a "
              + "consenting organizer of that country; `from`/`to` select the programmes whose period overlaps those days.")
  @APIResponse(responseCode = "200", description = "One page of programmes.")
  public Page<AwarenessProgrammeView> list(
      @Valid @BeanParam Paging paging,
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
      @QueryParam("modifiedSince")
          @Parameter(
              description = "Changed at or after this instant.",
              example = "2026-01-01T00:00:00Z")
          Instant modifiedSince) {
    var filter =
        new AwarenessProgrammeFilter(
            organization, country, from, to, status, audience, modifiedSince);
    var slice = service.list(filter, paging.size(), paging.position(2));
    return Page.of(slice.map(this::view), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAwarenessProgramme",
      summary = "Get one awareness programme",
      description =
          "With its events' current status. A draft is a 404 for anyone but its organizers, invited organizers and "
              + "registrars. ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The programme.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(service.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getAwarenessProgrammeHistory",
      summary = "An awareness programme's history: who changed what, when",
      description =
          "Oldest first: each change with its actor, the operation and request that made it, the version it made and "
              + "what changed. For whoever may get the programme (404 otherwise, as for an unknown id). Its organizers, "
              + "invited organizers and registrars also see the changes made while it was a draft; everyone else only "
              + "those announced from its announcement on, so a page may hold fewer entries than `limit` and still have a "
              + "`nextCursor`.")
  @APIResponse(responseCode = "200", description = "One page of the history.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(service.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "createAwarenessProgramme",
      summary =
          "Create an awareness programme in draft (a partner among its organizers, or registrar)",
      description =
          "The creator's organization consents by creating; every other organizer named is invited until its partner "
              + "accepts (a registrar's creation binds all it names). Codes are unique among announced programmes.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @APIResponse(responseCode = "409", description = "An announced programme has this code.")
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = NewProgramme.class),
                      examples =
                          @ExampleObject(
                              name = "series",
                              summary = "A 2028 series of ncp.edu.pk",
                              value = CREATE_EXAMPLE)))
          @NotNull
          @Valid
          NewProgramme request) {
    AwarenessProgramme created = service.create(request.code(), request.details().toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(view(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateAwarenessProgramme",
      summary = "Change an awareness programme (its consenting organizers, or registrar)",
      description =
          "Replaces the details. Organizers follow the rules of events: added ones are invited (bound when a registrar "
              + "adds them), a partner keeps its own organization, one that consented is withdrawn only by its own "
              + "partner (or a registrar). A closed programme changes no more (409). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  public Response update(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"1\"")
          String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = Details.class),
                      examples =
                          @ExampleObject(
                              name = "series",
                              summary = "The seeded series with a Russian title",
                              value = UPDATE_EXAMPLE)))
          @NotNull
          @Valid
          Details details) {
    return ok(service.revise(id, ExpectedVersion.fromIfMatch(ifMatch), details.toTerms()));
  }

  @POST
  @Path("/{id}/announcement")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "announceAwarenessProgramme",
      summary = "Announce a draft programme (its consenting organizers, or registrar)",
      description =
          "From then on it is public, for good, and every change is announced. 409 when an announced programme "
              + "already has its code, or it is no draft.")
  @APIResponse(
      responseCode = "200",
      description = "Announced.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @Idempotent
  public Response announce(
      @PathParam("id") @Parameter(example = EXAMPLE_DRAFT) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(service.announce(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/start")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "startAwarenessProgramme",
      summary = "Mark an announced programme running (its consenting organizers, or registrar)",
      description = "ANNOUNCED → RUNNING; 409 `invalid-state-transition` from any other status.")
  @APIResponse(
      responseCode = "200",
      description = "Running.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @Idempotent
  public Response start(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(service.start(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/closure")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "closeAwarenessProgramme",
      summary = "Close a programme for good (its consenting organizers, or registrar)",
      description =
          "ANNOUNCED or RUNNING → CLOSED; nothing changes it afterwards. It stays public with its events.")
  @APIResponse(
      responseCode = "200",
      description = "Closed.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @Idempotent
  public Response close(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(service.close(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "acceptAwarenessProgramme",
      summary = "Accept being a co-organizer (that organization's partner, or registrar)",
      description =
          "As for events: an organization named by someone else is invited, not bound, until its own partner accepts "
              + "here. 404 for a programme the caller may not see; 403 when the caller does not act for "
              + "`organizationCode` or the programme does not name it; 422 `not-named` when a registrar names one it "
              + "does not name; 409 when it accepted already or the programme is closed.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = EXAMPLE_DRAFT) UUID id,
      @BeanParam CommandHeaders headers,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = AcceptanceRequest.class),
                      examples =
                          @ExampleObject(
                              name = "comsats",
                              summary = "comsats.edu.pk accepts the seeded draft's invitation",
                              value = "{\"organizationCode\": \"comsats.edu.pk\"}")))
          @NotNull
          @Valid
          AcceptanceRequest request) {
    return ok(service.accept(id, headers.expectedVersion(), request.organizationCode()));
  }

  @POST
  @Path("/{id}/events")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "linkAwarenessProgrammeEvent",
      summary = "An event joins the programme (organizers of both, or registrar)",
      description =
          "Only a published event joins (422 `event-not-published`), at most "
              + AwarenessProgramme.MAX_EVENTS
              + " (422 `programme-full`). An event the caller may not see is a 404 as for an unknown one; the caller "
              + "must organize both (403). 409 when it is in the programme already or the programme is closed.")
  @APIResponse(
      responseCode = "200",
      description = "The programme with the event.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  @Idempotent
  public Response link(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = EventLink.class),
                      examples =
                          @ExampleObject(
                              name = "webinar",
                              summary = "The seeded signing ceremony joins the seeded series",
                              value = "{\"eventId\": \"" + EXAMPLE_EVENT + "\"}")))
          @NotNull
          @Valid
          EventLink request) {
    return ok(service.link(id, headers.expectedVersion(), request.eventId()));
  }

  @DELETE
  @Path("/{id}/events/{eventId}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "unlinkAwarenessProgrammeEvent",
      summary = "An event leaves the programme (organizers of both, or registrar)",
      description =
          "422 `not-linked` when the event is not in the programme. Requires If-Match (the programme's ETag).")
  @APIResponse(
      responseCode = "200",
      description = "The programme without the event.",
      content = @Content(schema = @Schema(implementation = AwarenessProgrammeView.class)))
  public Response unlink(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @PathParam("eventId") @Parameter(example = "5eed0000-0000-4000-8000-0000000e0a01")
          UUID eventId,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The programme's ETag last read.",
              example = "\"1\"")
          String ifMatch) {
    return ok(service.unlink(id, ExpectedVersion.fromIfMatch(ifMatch), eventId));
  }

  private Response ok(AwarenessProgramme programme) {
    return Response.ok(view(programme)).tag(ExpectedVersion.etag(programme.version())).build();
  }

  private AwarenessProgrammeView view(AwarenessProgramme programme) {
    return AwarenessProgrammeView.of(programme, service.events(programme));
  }
}
