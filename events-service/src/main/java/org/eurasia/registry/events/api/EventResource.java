package org.eurasia.registry.events.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.CooperationField;
import org.eurasia.registry.events.api.EventRequests.AcceptanceRequest;
import org.eurasia.registry.events.api.EventRequests.CancellationRequest;
import org.eurasia.registry.events.api.EventRequests.Details;
import org.eurasia.registry.events.api.EventRequests.NewEvent;
import org.eurasia.registry.events.api.EventRequests.RescheduleRequest;
import org.eurasia.registry.events.api.EventRequests.SessionRequest;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventFilter;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.events.domain.EventSession;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.EventTimes;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.CommandHeaders;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.security.Roles;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * Events and their agenda over HTTP: published events are open to read; organizers and registrars
 * manage them.
 */
@Path(ApiPaths.V1 + "/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Events",
    description =
        "Summits, conferences, seminars, webinars, workshops, working groups and signing ceremonies.")
public class EventResource {

  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000e0a01";

  // Whole-body examples: from the schema alone Swagger UI would fill both startAt and startLocal
  // (one of
  // them is allowed) and every optional field. They name seeded records (qau.edu.pk, its agreement
  // ...0a0006).
  static final String CREATE_EXAMPLE =
      """
      {"code": "PK-BY/WEBINAR/2027-06",
       "details": {"kind": "WEBINAR",
        "title": {"en": "Joint doctoral supervision in physics: an introduction"},
        "description": {"en": "How candidates of qau.edu.pk and bsu.by are supervised jointly."},
        "organizers": ["qau.edu.pk"], "format": "ONLINE",
        "joinUrl": "https://meet.example.org/qau-bsu-doctoral",
        "schedule": {"timeZone": "Asia/Karachi", "startLocal": "2027-06-10T14:00:00",
                     "endLocal": "2027-06-10T16:00:00"},
        "linkedAgreements": ["5eed0000-0000-4000-8000-0000000a0006"],
        "registration": {"capacity": 100}}}""";

  static final String UPDATE_EXAMPLE =
      """
      {"kind": "WEBINAR",
       "title": {"en": "Pakistan–Belarus webinar on academic cooperation"},
       "description": {"en": "Researchers of both countries on joint physics projects, exchanges and doctoral supervision."},
       "organizers": ["ncp.edu.pk"], "format": "ONLINE",
       "joinUrl": "https://meet.example.org/pk-by-academic-webinar",
       "schedule": {"timeZone": "Asia/Karachi", "startLocal": "2027-02-10T14:00:00",
                    "endLocal": "2027-02-10T16:00:00"},
       "linkedAgreements": ["5eed0000-0000-4000-8000-0000000a0002"],
       "linkedPrograms": ["5eed0000-0000-4000-8000-0000000b0001"],
       "registration": {"opensAt": "2026-11-01T00:00:00Z", "capacity": 100}}""";

  static final String RESCHEDULE_EXAMPLE =
      """
      {"schedule": {"timeZone": "Asia/Karachi", "startLocal": "2027-02-17T14:00:00",
                    "endLocal": "2027-02-17T16:00:00"},
       "reason": "Moved to avoid the public holiday"}""";

  static final String SESSION_EXAMPLE =
      """
      {"title": {"en": "Opening remarks"}, "startLocal": "2027-02-10T14:00:00",
       "endLocal": "2027-02-10T14:30:00", "room": "Main hall",
       "speakers": [{"name": "Dr. Amina Rauf", "affiliation": "Quaid-i-Azam University"}],
       "topics": ["physics"]}""";

  /** The seeded draft workshop of pu.edu.pk that invites bsuir.by as co-organizer. */
  static final String EXAMPLE_INVITATION = "5eed0000-0000-4000-8000-0000000e0a05";

  /** The opening session of the seeded webinar's agenda. */
  static final String EXAMPLE_SESSION = "5eed0000-0000-4000-8000-0000000e0c01";

  /** The seeded CPEC media conference of October 2026: it has ended, not yet marked completed. */
  static final String ENDED_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000e0a06";

  @Inject EventService eventService;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listEvents",
      summary = "Search events, ordered by start",
      description =
          "Events once published (in any status since: published, completed, cancelled) are open to everyone; an "
              + "event never published only to its organizers, invited organizers and registrars. `organization` matches consenting "
              + "organizers only. `from`/`to` are calendar days in `zone` (default UTC): events overlapping that period match.")
  @APIResponse(responseCode = "200", description = "One page of events.")
  public Page<EventView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("kind") @Parameter(description = "Kind of event.") EventKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(
              description = "Organized by this organization (once it consented).",
              example = "comsats.edu.pk")
          String organization,
      @QueryParam("organizer")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Organized by this organization (once it consented)."
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
                      + "(an online event counts for its organizers' countries), e.g. `PK-CN`.")
          String countryPair,
      @QueryParam("from") @Parameter(description = "First day, in `zone`.", example = "2027-01-01")
          LocalDate from,
      @QueryParam("to") @Parameter(description = "Last day, in `zone`.", example = "2027-12-31")
          LocalDate to,
      @QueryParam("zone")
          @DefaultValue("UTC")
          @Size(max = 64)
          @Parameter(description = "IANA zone the days are in.", example = "Asia/Karachi")
          String zone,
      @QueryParam("agreementId") @Parameter(description = "Linked to this agreement.")
          UUID agreementId,
      @QueryParam("programId") @Parameter(description = "Linked to this programme.") UUID programId,
      @QueryParam("q")
          @Size(max = 200)
          @Parameter(
              description = "Words in the title or description, any language.",
              example = "CPEC")
          String q,
      @QueryParam("status") @Parameter(description = "Current status.") EventStatus status,
      @QueryParam("modifiedSince")
          @Parameter(
              description = "Changed at or after this instant.",
              example = "2026-01-01T00:00:00Z")
          Instant modifiedSince,
      @QueryParam("field")
          @Parameter(
              description = "Linked to a public agreement that covers this field of cooperation.",
              example = "CONNECTIVITY_AND_INFRASTRUCTURE")
          CooperationField field,
      @QueryParam("framework")
          @Pattern(
              regexp = AgreementFacts.FRAMEWORK_CODE,
              message = "must be a framework code such as CPEC")
          @Parameter(
              description = "Linked to a public agreement that falls under this framework.",
              example = "CPEC")
          String framework) {
    Slice<Event> slice =
        eventService.list(
            filter(
                kind,
                RenamedParameter.either("organization", organization, "organizer", organizer),
                country,
                countryPair,
                from,
                to,
                zone,
                agreementId,
                programId,
                q,
                status,
                modifiedSince,
                field,
                framework),
            paging.size(),
            paging.position(2));
    Map<UUID, EventService.Seats> seats = eventService.seats(slice.items());
    return Page.of(slice.map(e -> view(e, seats.get(e.id()))), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getEvent",
      summary = "Get one event",
      description =
          "With linked agreements' and programmes' current status (code and status only of those the caller may "
              + "read) and the seats taken; the join link only for confirmed participants, organizers and registrars. An event "
              + "never published is a 404 for anyone but its organizers, invited organizers and registrars. ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The event.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    EventService.Reading reading = eventService.read(id);
    Event event = reading.event();
    return Response.ok(view(event, reading.seats(), reading.mayJoin()))
        .tag(ExpectedVersion.etag(event.version()))
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getEventHistory",
      summary = "An event's history: who changed what, when",
      description =
          "Oldest first: each change with its actor, the operation and request that made it, the version it made and "
              + "what changed (the announced notice's payload). For whoever may get the event (404 otherwise, as for an "
              + "unknown id). Its organizers, invited organizers and registrars also see the changes made while it was a "
              + "draft; everyone else only those announced from its publication on, so a page may hold fewer entries "
              + "than `limit` and still have a `nextCursor`.")
  @APIResponse(responseCode = "200", description = "One page of the history.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(eventService.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "createEvent",
      summary = "Create an event in draft (a partner among its organizers, or registrar)",
      description =
          "The creator's organization consents by creating; every other organizer named is invited until its partner "
              + "accepts (a registrar's creation binds all it names). Every organizer must be in the directory and not "
              + "retired (`unknown-reference` naming `organizers[i]`; the detail tells an unknown code from a retired one). "
              + "Links: see `linkedAgreements` and `linkedPrograms` "
              + "(`unknown-reference` for one unknown or not readable, 403 without the right to link it); a signing ceremony may "
              + "link only agreements not yet in force (`agreement-already-in-force`). Codes are unique among published events: "
              + "a code only drafts hold is free.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @APIResponse(responseCode = "409", description = "A published event has this code.")
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = NewEvent.class),
                      examples =
                          @ExampleObject(
                              name = "webinar",
                              summary =
                                  "An online webinar of qau.edu.pk under its agreement with bsu.by (seeded)",
                              value = CREATE_EXAMPLE)))
          @NotNull
          @Valid
          NewEvent request) {
    Event created =
        inRequestTerms(() -> eventService.create(request.code(), request.details().toTerms()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(view(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateEvent",
      summary = "Change an event (its consenting organizers, or registrar)",
      description =
          "Replaces the details; a published event changes its times only by rescheduling. Organizers may be added "
              + "(invited; bound when a registrar adds them) or removed, but a partner keeps its own organization, and an organizer "
              + "that consented is withdrawn only by its own partner (or a registrar); invitations may be withdrawn by any "
              + "organizer. Organizers added must be in the directory and not retired, as at creation; those kept stay "
              + "even once retired, so an event of a retired organization can still be revised and cancelled. Links added are "
              + "checked as at creation; links kept are not (so a co-organizer keeps a link it may not read). "
              + "`registration.capacity` may not be set below the seats already confirmed (409 `conflict` with the "
              + "extensions `capacity` and `confirmed`); seats a higher capacity adds go at once, in the same transaction, "
              + "to the waiting list in queue order (each announced `registry.registration.promoted.v1`). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The capacity asked for is below the seats already confirmed (`capacity`, `confirmed`).")
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
                              name = "webinar",
                              summary = "The seeded webinar with a longer description",
                              value = UPDATE_EXAMPLE)))
          @NotNull
          @Valid
          Details details) {
    return ok(
        inRequestTerms(
            () ->
                eventService.revise(id, ExpectedVersion.fromIfMatch(ifMatch), details.toTerms())));
  }

  @POST
  @Path("/{id}/publication")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "publishEvent",
      summary = "Publish a draft (its consenting organizers, or registrar)",
      description =
          "Only future events are published; from then on anyone sees it, for good, and may register. 409 when a "
              + "published event already has the draft's code.")
  @APIResponse(
      responseCode = "200",
      description = "Published.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @Idempotent
  public Response publish(
      @PathParam("id") @Parameter(example = EXAMPLE_INVITATION) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(eventService.publish(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/reschedule")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "rescheduleEvent",
      summary = "Move an event (its organizers, or registrar)",
      description =
          "Keeps the previous times with the reason and bumps the calendar SEQUENCE, so subscribed calendars update.")
  @APIResponse(
      responseCode = "200",
      description = "Rescheduled.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @Idempotent
  public Response reschedule(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RescheduleRequest.class),
                      examples =
                          @ExampleObject(
                              name = "oneWeekLater",
                              summary = "The seeded webinar a week later, same local hours",
                              value = RESCHEDULE_EXAMPLE)))
          @NotNull
          @Valid
          RescheduleRequest request) {
    ZoneId zone = EventTimes.zone("schedule.timeZone", request.schedule().timeZone());
    Instant start =
        EventTimes.either(
            "schedule.start", request.schedule().startAt(), request.schedule().startLocal(), zone);
    Instant end =
        EventTimes.either(
            "schedule.end", request.schedule().endAt(), request.schedule().endLocal(), zone);
    return ok(
        eventService.reschedule(
            id, headers.expectedVersion(), start, end, zone.getId(), request.reason()));
  }

  @POST
  @Path("/{id}/cancellation")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "cancelEvent",
      summary = "Cancel an event (its consenting organizers, or registrar)",
      description =
          "A published event stays public: calendar feeds keep it with STATUS:CANCELLED so subscribed calendars "
              + "remove it. A draft cancelled before publication stays private and is not announced.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @Idempotent
  public Response cancel(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid CancellationRequest request) {
    return ok(eventService.cancel(id, headers.expectedVersion(), request.reason()));
  }

  @POST
  @Path("/{id}/completion")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "completeEvent",
      summary = "Mark an ended event completed (its organizers, or registrar)",
      description =
          "A job also completes published events once they end (REGISTRY_EVENT_COMPLETION_EVERY), so"
              + " the pre-filled example (a conference that ended in October 2026) is completed by"
              + " hand only before the job's first run; after it the answer is 409"
              + " `invalid-state-transition` (already COMPLETED).")
  @APIResponse(
      responseCode = "200",
      description = "Completed.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @Idempotent
  public Response complete(
      @PathParam("id") @Parameter(example = ENDED_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(eventService.complete(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "acceptEvent",
      summary = "Accept being a co-organizer (that organization's partner, or registrar)",
      description =
          "An organization named as organizer by someone else is invited, not bound: it may read the event (drafts "
              + "included) to decide, and nothing more, until its own partner accepts here (or a registrar records it). From then "
              + "on it is one of the `organizers`: it manages the event and has it in its feed, lists and statistics. 404 for an "
              + "event the caller may not see; 403 when the caller does not act for `organizationCode` or the event does not "
              + "name it; 422 `not-named` when a registrar names an organization the event does not name; 422 "
              + "`unknown-reference` naming `organizationCode` when the invited organization was retired since; 409 when it accepted already or the event is over. "
              + "A consent binds the version read: If-Match is required and names it (428 without it or with `*`, "
              + "answered after 404 and 403; 412 when stale). Announced "
              + "(`registry.event.organizer-accepted.v1`) for published events.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = EventView.class)))
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = EXAMPLE_INVITATION) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              example = "\"0\"",
              description =
                  "The ETag of the version being accepted (the seeded invitation's is \"0\").")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid AcceptanceRequest request) {
    // Optional here only so that who may accept is answered first (403/422); the service refuses a
    // missing or wildcard If-Match with 428 after that.
    return ok(
        eventService.accept(
            id, ExpectedVersion.fromOptionalIfMatch(ifMatch), request.organizationCode()));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/sessions")
  @Operation(
      operationId = "listEventSessions",
      summary = "The agenda",
      description =
          "Sessions in start order, times in the event's zone; for whoever may see the event (404 otherwise). "
              + "Paged like every list (changed by issue 17: the answer was a bare array of every session).")
  @APIResponse(responseCode = "200", description = "One page of sessions.")
  public Page<SessionView> sessions(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    Event event = eventService.get(id);
    return Page.of(
        eventService
            .sessions(id, paging.size(), paging.position(2))
            .map(s -> SessionView.of(s, event)),
        uri);
  }

  @GET
  @Path("/{id}/sessions/{sessionId}")
  @Operation(
      operationId = "getEventSession",
      summary = "One session of the agenda",
      description =
          "The session a `POST …/sessions` answered with (its `Location`), times in the event's zone; for whoever "
              + "may see the event. 404 for an event the caller may not see, exactly as for a session not on the "
              + "event's agenda.")
  @APIResponse(
      responseCode = "200",
      description = "The session.",
      content = @Content(schema = @Schema(implementation = SessionView.class)))
  public SessionView session(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @PathParam("sessionId") @Parameter(example = EXAMPLE_SESSION) UUID sessionId) {
    EventSession session = eventService.session(id, sessionId);
    return SessionView.of(session, eventService.get(id));
  }

  @POST
  @Path("/{id}/sessions")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "addEventSession",
      summary = "Add a session to the agenda (its organizers, or registrar)",
      description =
          "The session must lie inside the event's times (`session-outside-event`). An agenda holds at most "
              + EventService.AGENDA_MAX_SESSIONS
              + " sessions (422 `agenda-full` beyond). The agenda is part of the event: each change takes a new "
              + "version of the event, and `If-Match` (optional, as for lifecycle commands) is the event's ETag. "
              + "`Location` is the session's own `GET /events/{id}/sessions/{sessionId}`.")
  @APIResponse(
      responseCode = "201",
      description = "Added.",
      content = @Content(schema = @Schema(implementation = SessionView.class)))
  @Idempotent
  public Response addSession(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = SessionRequest.class),
                      examples =
                          @ExampleObject(
                              name = "opening",
                              summary = "Opening remarks within the seeded webinar hours",
                              value = SESSION_EXAMPLE)))
          @NotNull
          @Valid
          SessionRequest request) {
    Event event = eventService.get(id);
    ZoneId zone = event.zone();
    EventSession session =
        eventService.addSession(
            id,
            headers.expectedVersion(),
            request.title(),
            EventTimes.either("start", request.startAt(), request.startLocal(), zone),
            EventTimes.either("end", request.endAt(), request.endLocal(), zone),
            request.room(),
            request.toSpeakers(),
            request.topics() == null ? List.of() : request.topics());
    return Response.created(uri.getAbsolutePathBuilder().path(session.id().toString()).build())
        .entity(SessionView.of(session, event))
        .build();
  }

  @DELETE
  @Path("/{id}/sessions/{sessionId}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "removeEventSession",
      summary = "Remove a session (its organizers, or registrar)",
      description =
          "Takes the session off the agenda. The agenda is part of the event: the removal takes a new version "
              + "of the event, and `If-Match` is the event's ETag (`GET /events/{id}`).")
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response removeSession(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @PathParam("sessionId") @Parameter(example = EXAMPLE_SESSION) UUID sessionId,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The event's ETag last read.",
              example = "\"1\"")
          String ifMatch) {
    eventService.removeSession(id, sessionId, ExpectedVersion.fromIfMatch(ifMatch));
    return Response.noContent().build();
  }

  static EventFilter filter(
      EventKind kind,
      String organizer,
      String country,
      String countryPair,
      LocalDate from,
      LocalDate to,
      String zone,
      UUID agreementId,
      UUID programId,
      String q,
      EventStatus status,
      Instant modifiedSince,
      CooperationField field,
      String framework) {
    ZoneId days = "UTC".equals(zone) ? ZoneId.of("UTC") : EventTimes.zone("zone", zone);
    return new EventFilter(
        kind,
        organizer,
        country,
        countryPair == null ? null : countryPair.substring(0, 2),
        countryPair == null ? null : countryPair.substring(3),
        from == null ? null : from.atStartOfDay(days).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(days).toInstant(),
        agreementId,
        programId,
        q == null || q.isBlank() ? null : q,
        status,
        modifiedSince,
        field,
        framework);
  }

  /**
   * Runs a change of an event's details, naming a refused value as the request body names it: the
   * domain's {@code registrationClosesAt} is {@code registration.closesAt} here. Every other term
   * already is the field's name.
   */
  private static Event inRequestTerms(Supplier<Event> change) {
    try {
      return change.get();
    } catch (InvalidValue refused) {
      if (!Event.REGISTRATION_CLOSES_AT.equals(refused.term())) {
        throw refused;
      }
      InvalidValue named = new InvalidValue("registration.closesAt", refused.reason());
      refused.facts().forEach(named::with);
      throw named;
    }
  }

  private Response ok(Event event) {
    return Response.ok(view(event)).tag(ExpectedVersion.etag(event.version())).build();
  }

  private EventView view(Event event) {
    return view(event, eventService.seats(event));
  }

  private EventView view(Event event, EventService.Seats seats) {
    return view(event, seats, event.hasJoinLink() && eventService.mayJoin(event));
  }

  private EventView view(Event event, EventService.Seats seats, boolean mayJoin) {
    return EventView.of(
        event,
        event.hasJoinLink() && mayJoin,
        eventService.linkedAgreements(event),
        eventService.linkedPrograms(event),
        seats);
  }
}
