package org.eurasia.registry.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.client.AgreementFacts;
import org.eurasia.registry.agreements.client.CooperationField;
import org.eurasia.registry.exchange.api.MobilityRequests.CompletionRequest;
import org.eurasia.registry.exchange.api.MobilityRequests.NominationRequest;
import org.eurasia.registry.exchange.api.MobilityRequests.ReasonRequest;
import org.eurasia.registry.exchange.api.MobilityRequests.StartRequest;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityFilter;
import org.eurasia.registry.exchange.domain.MobilityReading;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.CommandHeaders;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.security.Roles;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * Mobilities over HTTP. They concern identifiable people, so every operation needs a token, and a
 * partner sees only mobilities of its own institution (others are 404, as if they did not exist).
 */
@Path(ApiPaths.V1 + "/mobilities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
@Tag(
    name = "Mobilities",
    description = "Participants moving under a programme: nomination to completion.")
public class MobilityResource {

  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000c0001";

  /** A seeded mobility accepted and about to start. */
  static final String ACCEPTED_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000c0002";

  /** A seeded mobility under way since September 2026. */
  static final String UNDER_WAY_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000c0006";

  @Inject MobilityService mobilities;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listMobilities",
      summary = "List mobilities of the caller's institution (all, for a registrar), oldest first",
      description =
          "A partner sees the mobilities whose home or host institution is its organization. `attention=true` lists "
              + "those flagged because their programme's agreement is no longer in force. Follow `next` for further pages.")
  @APIResponse(responseCode = "200", description = "One page of mobilities.")
  public Page<MobilityView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("programId") @Parameter(description = "Under this programme.") UUID programId,
      @QueryParam("status") @Parameter(description = "Current status.") MobilityStatus status,
      @QueryParam("academicYear")
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Parameter(example = "2026/2027")
          String academicYear,
      @QueryParam("organization")
          @SchacCode
          @Parameter(description = "Home or host institution.", example = "bsu.by")
          String organization,
      @QueryParam("institution")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Home or host institution." + RenamedParameter.DEPRECATED + "`organization`.")
          String institution,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two ISO 3166-1 alpha-2 codes such as PK-BY")
          @Parameter(description = "Between these two countries (home and host), either way.")
          String countryPair,
      @QueryParam("isced")
          @Pattern(
              regexp = ProgramRequests.ISCED,
              message = "must be a four-digit ISCED-F 2013 code")
          @Parameter(description = "In this ISCED-F field of study.")
          String isced,
      @QueryParam("modifiedSince")
          @Parameter(
              description = "Changed at or after this instant.",
              example = "2026-01-01T00:00:00Z")
          Instant modifiedSince,
      // A String, not a Boolean: JAX-RS reads any word but "true" as false, and a typo must be a
      // 400 naming the parameter rather than a silently different list.
      @QueryParam("attention")
          @Pattern(regexp = "true|false", message = "must be true or false")
          @Parameter(
              description =
                  "true: only mobilities flagged because their programme's agreement is no longer "
                      + "in force (see `attention`); false: only the others.",
              schema = @Schema(type = SchemaType.BOOLEAN))
          String attention,
      @QueryParam("field")
          @Parameter(
              description = "Under a programme whose agreement covers this field of cooperation.",
              example = "SCIENCE_AND_TECHNOLOGY")
          CooperationField field,
      @QueryParam("framework")
          @Pattern(
              regexp = AgreementFacts.FRAMEWORK_CODE,
              message = "must be a framework code such as CPEC")
          @Parameter(
              description =
                  "Under a programme whose agreement falls under this framework, e.g. `CPEC` (no example "
                      + "pre-filled: no seeded mobility of the example institution runs under a framework).")
          String framework) {
    MobilityFilter filter =
        new MobilityFilter(
            programId,
            status,
            academicYear,
            RenamedParameter.either("organization", organization, "institution", institution),
            countryPair == null ? null : countryPair.substring(0, 2),
            countryPair == null ? null : countryPair.substring(3),
            isced,
            modifiedSince,
            attention == null ? null : Boolean.valueOf(attention),
            field,
            framework);
    return Page.of(mobilities.list(filter, paging.size(), paging.position(2)).map(this::view), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getMobility",
      summary = "Get one mobility (its institutions, or registrar)",
      description =
          "Includes the participant's personal data until it is erased. Others get 404, as for an unknown id.")
  @APIResponse(
      responseCode = "200",
      description = "The mobility.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    MobilityReading reading = mobilities.read(id);
    return Response.ok(MobilityView.of(reading.mobility(), reading.participant()))
        .tag(ExpectedVersion.etag(reading.mobility().version()))
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getMobilityHistory",
      summary = "Who changed a mobility, and when (its institutions, or registrar)",
      description =
          "Every change to the mobility, oldest first: who made it (subject, organization, role), when, through"
              + " which operation and request (`X-Request-Id`), the version it left and what changed"
              + " (the event's payload, or the changed fields of a change without one). An erasure of the participant's personal data is in it too. Others get 404, as for an unknown id.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the mobility's history, oldest first.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(mobilities.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @Operation(
      operationId = "nominateParticipant",
      summary = "Nominate a participant (partner of either institution, or registrar)",
      description =
          "The programme's agreement must be in force (else 422 `agreement-not-in-force`), the programme OPEN, "
              + "run in the academic year, have a quota for the direction and, when it has an "
              + "application window, be inside it. The mobility names the programme's institutions as home and host: neither "
              + "may have been retired since (422 `institution-retired`, naming `homeInstitution` or `hostInstitution`). "
              + "Personal data is stored apart and never published.")
  @APIResponse(
      responseCode = "201",
      description = "Nominated.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @APIResponse(
      responseCode = "422",
      description = "The programme does not take this nomination; the problem says why.")
  @Idempotent
  public Response nominate(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid NominationRequest request) {
    Mobility created =
        mobilities.nominate(
            request.programId(), request.toTerms(), request.participant().toPersonalData());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(view(created))
        .build();
  }

  @POST
  @Path("/{id}/acceptance")
  // No body: any Content-Type (or none) is fine.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "acceptMobility",
      summary = "Accept a nomination (host institution's partner, or registrar)",
      description =
          "Takes a place from the programme's quota for the year and direction. The programme's agreement must be in "
              + "force, whatever the programme's state (else 422 `agreement-not-in-force`), and the programme OPEN or "
              + "CLOSED. When no place is left the answer is 409 and nothing changes; concurrent acceptances never "
              + "exceed the quota.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The quota is full, or the mobility is not NOMINATED.")
  @APIResponse(
      responseCode = "422",
      description =
          "The Idempotency-Key was used before with a different request, or the programme takes no acceptances now: "
              + "its agreement is not in force, or its status does not allow it (the problem's `condition` says which).")
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(mobilities.accept(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/rejection")
  @Operation(
      operationId = "rejectMobility",
      summary = "Reject a nomination (host institution's partner, or registrar)",
      description = "NOMINATED → REJECTED with a reason; takes no place.")
  @APIResponse(
      responseCode = "200",
      description = "Rejected.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @Idempotent
  public Response reject(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid ReasonRequest request) {
    return ok(mobilities.reject(id, headers.expectedVersion(), request.reason()));
  }

  @POST
  @Path("/{id}/start")
  @Operation(
      operationId = "startMobility",
      summary = "Record that an accepted mobility started",
      description =
          "ACCEPTED → IN_MOBILITY, on the given day or today (UTC). Either institution, or registrar.")
  @APIResponse(
      responseCode = "200",
      description = "In mobility.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @Idempotent
  public Response start(
      @PathParam("id") @Parameter(example = ACCEPTED_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid StartRequest request) {
    return ok(mobilities.start(id, headers.expectedVersion(), request.startedOn()));
  }

  @POST
  @Path("/{id}/completion")
  @Operation(
      operationId = "completeMobility",
      summary = "Record completion and recognition",
      description =
          "IN_MOBILITY → COMPLETED with the end date, whether the home institution recognised the stay, and ECTS credits. Either institution, or registrar.")
  @APIResponse(
      responseCode = "200",
      description = "Completed.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @Idempotent
  public Response complete(
      @PathParam("id") @Parameter(example = UNDER_WAY_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid CompletionRequest request) {
    return ok(
        mobilities.complete(
            id,
            headers.expectedVersion(),
            request.endedOn(),
            request.recognized(),
            request.ectsCredits()));
  }

  @POST
  @Path("/{id}/cancellation")
  @Operation(
      operationId = "cancelMobility",
      summary = "Cancel a mobility",
      description = "An accepted mobility that had not started gives its place back to the quota.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled.",
      content = @Content(schema = @Schema(implementation = MobilityView.class)))
  @Idempotent
  public Response cancel(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid ReasonRequest request) {
    return ok(mobilities.cancel(id, headers.expectedVersion(), request.reason()));
  }

  private Response ok(Mobility mobility) {
    return Response.ok(view(mobility)).tag(ExpectedVersion.etag(mobility.version())).build();
  }

  private MobilityView view(Mobility mobility) {
    return MobilityView.of(mobility, mobilities.participantOf(mobility));
  }
}
