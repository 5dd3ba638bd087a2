package org.eurasia.registry.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.exchange.api.ProgramRequests.AcceptanceRequest;
import org.eurasia.registry.exchange.api.ProgramRequests.NewProgram;
import org.eurasia.registry.exchange.api.ProgramRequests.SuspensionRequest;
import org.eurasia.registry.exchange.api.ProgramRequests.Terms;
import org.eurasia.registry.exchange.application.ProgramService;
import org.eurasia.registry.exchange.application.ProgramService.QuotaUse;
import org.eurasia.registry.exchange.domain.AcademicYear;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.ProgramFilter;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramStatus;
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
 * Exchange programmes over HTTP: open to read, managed by the partners of the institutions that
 * accepted them and by registrars.
 */
@Path(ApiPaths.V1 + "/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Exchange programmes run under agreements in force.")
public class ProgramResource {

  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000b0001";

  /** The seeded programme pu.edu.pk created and bsuir.by has not accepted yet. */
  static final String PLANNED_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000b0003";

  /**
   * The seeded student exchange in software development, whose terms the update example restates.
   */
  static final String UPDATE_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000b0002";

  /** The seeded summer school, closed after its applications: reopened or completed. */
  static final String CLOSED_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000b0005";

  /** The seeded staff training its institutions suspended. */
  static final String SUSPENDED_EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000b0006";

  /**
   * The If-Match of resuming, the one lifecycle command without a retry key ({@link CommandHeaders}
   * would add one to the contract).
   */
  private static final String IF_MATCH_HELP =
      "The ETag last read; optional for lifecycle commands.";

  @Inject ProgramService programs;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listPrograms",
      summary = "Search programmes, ordered by code",
      description =
          "Open to everyone; programmes under a confidential agreement are listed only to its parties and the programme's institutions. "
              + "Codes are unique per agreement, so the order is by code, then id. Follow `next` for further pages.")
  @APIResponse(responseCode = "200", description = "One page of programmes.")
  public Page<ProgramView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two ISO 3166-1 alpha-2 codes such as PK-BY")
          @Parameter(
              description = "Programmes between these two countries, either way.",
              example = "PK-BY")
          String countryPair,
      @QueryParam("organization")
          @SchacCode
          @Parameter(
              description =
                  "Programmes of this institution: it is the sending or receiving institution and has accepted the programme.",
              example = "qau.edu.pk")
          String organization,
      @QueryParam("institution")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Programmes of this institution (sending or receiving, accepted)."
                      + RenamedParameter.DEPRECATED
                      + "`organization`.")
          String institution,
      @QueryParam("invitedOrganization")
          @SchacCode
          @Parameter(
              description =
                  "Programmes naming this institution that it has not accepted yet, e.g. `bsuir.by` "
                      + "(no example pre-filled: it would exclude the accepted programmes the other filters find).")
          String invitedOrganization,
      @QueryParam("invitedInstitution")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Programmes naming this institution that it has not accepted yet."
                      + RenamedParameter.DEPRECATED
                      + "`invitedOrganization`.")
          String invitedInstitution,
      @QueryParam("kind") @Parameter(description = "Kind of programme.") ProgramKind kind,
      @QueryParam("academicYear")
          @Pattern(
              regexp = AcademicYear.REGEX,
              message = "must be an academic year such as 2026/2027")
          @Parameter(description = "Runs in this academic year.", example = "2026/2027")
          String academicYear,
      @QueryParam("isced")
          @Pattern(
              regexp = ProgramRequests.ISCED,
              message = "must be a four-digit ISCED-F 2013 code")
          @Parameter(description = "Covers this ISCED-F subject area.", example = "0613")
          String isced,
      @QueryParam("iscedCode")
          @Pattern(
              regexp = ProgramRequests.ISCED,
              message = "must be a four-digit ISCED-F 2013 code")
          @Parameter(
              deprecated = true,
              description =
                  "Covers this ISCED-F subject area." + RenamedParameter.DEPRECATED + "`isced`.")
          String iscedCode,
      @QueryParam("status") @Parameter(description = "Current status.") ProgramStatus status,
      @QueryParam("agreementId") @Parameter(description = "Runs under this agreement.")
          UUID agreementId,
      @QueryParam("modifiedSince")
          @Parameter(
              description = "Changed at or after this instant.",
              example = "2026-01-01T00:00:00Z")
          Instant modifiedSince) {
    String a = countryPair == null ? null : countryPair.substring(0, 2);
    String b = countryPair == null ? null : countryPair.substring(3);
    ProgramFilter filter =
        new ProgramFilter(
            a,
            b,
            RenamedParameter.either("organization", organization, "institution", institution),
            RenamedParameter.either(
                "invitedOrganization",
                invitedOrganization,
                "invitedInstitution",
                invitedInstitution),
            kind,
            academicYear,
            RenamedParameter.either("isced", isced, "iscedCode", iscedCode),
            status,
            agreementId,
            modifiedSince);
    return Page.of(programs.list(filter, paging.size(), paging.position(2)).map(this::view), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getProgram",
      summary = "Get one programme",
      description = "The ETag header carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The programme.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(programs.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getProgramHistory",
      summary = "Who changed a programme, and when",
      description =
          "Every change to the programme, oldest first: who made it (subject, organization, role), when, through"
              + " which operation and request (`X-Request-Id`), the version it left and what changed"
              + " (the event's payload, or the changed fields of a change without one). Visible to whoever may read the programme; others get 404, as for an unknown id.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the programme's history, oldest first.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(programs.history(id, paging.position(1), paging.size()), uri);
  }

  @GET
  @Path("/{id}/quota-use")
  @Operation(
      operationId = "getProgramQuotaUse",
      summary = "Planned versus actual",
      description =
          "Per academic year and direction: places against nominated, accepted and completed mobilities.")
  @APIResponse(responseCode = "200", description = "One row per year and direction.")
  public List<QuotaUse> quotaUse(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return programs.quotaUse(id);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "createProgram",
      summary = "Create a programme (partner of either institution, or registrar)",
      description =
          "Only under an agreement the caller may read (a confidential one: its named parties, registrars) — any other "
              + "`agreementId`, unknown or not readable, gets the same `unknown-reference` problem naming `agreementId`. A partner's own "
              + "organization must be covered by the agreement (a consenting party, or an institution of a consenting party state), "
              + "else 403. The agreement must be in force and cover both institutions; otherwise 422 with `condition` naming what "
              + "failed (`agreement-not-in-force`, `institution-unknown`: no organization with that code in the directory, "
              + "`institution-retired`: the organization is retired, `institution-not-covered`), the detail naming the field. "
              + "Only parties that consented "
              + "(signed, or accepted a non-signing role) cover anyone. The programme starts PLANNED; the creator's institution "
              + "has accepted it (a registrar's creation: both), the other is invited until its partner accepts.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @APIResponse(responseCode = "409", description = "The code is taken under this agreement.")
  @APIResponse(responseCode = "422", description = "A rule refused it; `condition` says which.")
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid NewProgram request) {
    Program created = programs.create(request.code(), request.toNewProgram());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(view(created))
        .build();
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "acceptProgram",
      summary = "An invited institution accepts the programme (its partner, or registrar)",
      description =
          "Naming an institution does not bind it: the institution the creator did not act for is invited until its own "
              + "partner accepts here (a registrar may record the acceptance). From then on it manages the programme, and the "
              + "programme counts as its own in lists; the programme opens only once both institutions accepted. 403 for anyone "
              + "acting for another organization or for one the programme does not name; 422 `not-named` when a registrar "
              + "names an organization that is not one of the programme's institutions; 422 `institution-retired` when the "
              + "institution has been retired since the programme named it; 409 when it accepted already. An "
              + "acceptance binds the terms read: If-Match is required (428 without it or with `*`, 412 when stale), and "
              + "terms revised before the programme first opens invite the other institution again.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Already accepted, or the programme is completed.")
  @APIResponse(
      responseCode = "422",
      description =
          "A registrar named an organization the programme does not name (`condition: not-named`), or the institution is retired (`institution-retired`).")
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = PLANNED_EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              example = "\"0\"",
              description = "The ETag of the version whose terms are accepted.")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid AcceptanceRequest request) {
    return ok(
        programs.accept(id, ExpectedVersion.fromIfMatch(ifMatch), request.organizationCode()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateProgram",
      summary =
          "Change a programme's terms (partner of an institution that accepted it, or registrar)",
      description =
          "Replaces title, years, quotas, duration, fields, levels, language and application window; the agreement, "
              + "institutions and kind are fixed. Requires If-Match. A quota cannot drop below the mobilities already accepted.")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  public Response update(
      @PathParam("id") @Parameter(example = UPDATE_EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"1\"")
          String ifMatch,
      @NotNull @Valid Terms terms) {
    return ok(programs.revise(id, ExpectedVersion.fromIfMatch(ifMatch), terms.toTerms()));
  }

  @POST
  @Path("/{id}/opening")
  // No body: any Content-Type (or none) is fine.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "openProgram",
      summary = "Open for nominations",
      description =
          "From PLANNED or CLOSED, while the agreement is in force and covers both institutions, and once both institutions "
              + "accepted the programme (else 422 `institution-not-accepted`, with `pendingInstitutions`).")
  @APIResponse(
      responseCode = "200",
      description = "Open.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The status does not allow it; the problem names it.")
  @Idempotent
  public Response open(
      @PathParam("id") @Parameter(example = CLOSED_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(programs.open(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/closing")
  // No body: any Content-Type (or none) is fine.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "closeProgram",
      summary = "Close for nominations",
      description = "Acceptances of earlier nominations continue.")
  @APIResponse(
      responseCode = "200",
      description = "Closed.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @Idempotent
  public Response close(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(programs.close(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/completion")
  // No body: any Content-Type (or none) is fine.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "completeProgram",
      summary = "Mark a closed programme completed",
      description = "CLOSED → COMPLETED; a completed programme changes no more.")
  @APIResponse(
      responseCode = "200",
      description = "Completed.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @Idempotent
  public Response complete(
      @PathParam("id") @Parameter(example = CLOSED_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(programs.complete(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "suspendProgram",
      summary = "Suspend a programme",
      description =
          "Programmes are also suspended automatically when their agreement is suspended, terminated or expires.")
  @APIResponse(
      responseCode = "200",
      description = "Suspended.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  @Idempotent
  public Response suspend(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid SuspensionRequest request) {
    return ok(programs.suspend(id, headers.expectedVersion(), request.reason()));
  }

  @DELETE
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "resumeProgram",
      summary = "Lift a suspension",
      description =
          "Returns to the status before the suspension; back to OPEN only while the agreement is in force.")
  @APIResponse(
      responseCode = "200",
      description = "Resumed.",
      content = @Content(schema = @Schema(implementation = ProgramView.class)))
  public Response resume(
      @PathParam("id") @Parameter(example = SUSPENDED_EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match") @Parameter(in = ParameterIn.HEADER, description = IF_MATCH_HELP)
          String ifMatch) {
    return ok(programs.resume(id, ExpectedVersion.fromOptionalIfMatch(ifMatch)));
  }

  private Response ok(Program program) {
    return Response.ok(view(program)).tag(ExpectedVersion.etag(program.version())).build();
  }

  private ProgramView view(Program program) {
    return ProgramView.of(
        program, programs.quotas(program.id()), programs.agreementInForce(program));
  }
}
