package org.eurasia.registry.agreements.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.List;
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
import org.eurasia.registry.agreements.api.VentureRequests.AcceptanceRequest;
import org.eurasia.registry.agreements.api.VentureRequests.EstablishmentRequest;
import org.eurasia.registry.agreements.api.VentureRequests.MilestoneUpdate;
import org.eurasia.registry.agreements.api.VentureRequests.NewMilestone;
import org.eurasia.registry.agreements.api.VentureRequests.NewVenture;
import org.eurasia.registry.agreements.api.VentureRequests.Terms;
import org.eurasia.registry.agreements.application.ImplementationPlans;
import org.eurasia.registry.agreements.application.VentureService;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Milestone;
import org.eurasia.registry.agreements.domain.MilestoneStatus;
import org.eurasia.registry.agreements.domain.PlanSubject;
import org.eurasia.registry.agreements.domain.Venture;
import org.eurasia.registry.agreements.domain.VentureFilter;
import org.eurasia.registry.agreements.domain.VentureKind;
import org.eurasia.registry.agreements.domain.VentureStatus;
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
 * Joint ventures over HTTP: proposals, partners' acceptances, the lifecycle as sub-resources, their
 * implementation plans, and search.
 */
@Path(ApiPaths.V1 + "/ventures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Ventures",
    description =
        "Joint ventures: research centres, laboratories, institutes, degrees and academic networks; joint "
            + "enterprises, investment and infrastructure projects (TAPI, CASA-1000); their implementation plans.")
public class VentureResource {

  /** Operating: the PK-BY joint laboratory of photonics, with a plan (one milestone overdue). */
  static final String OPERATING_ID = "5eed0000-0000-4000-8000-0000000b0001";

  /** TAPI, established and not yet operating: the operation example. */
  static final String ESTABLISHED_ID = "5eed0000-0000-4000-8000-0000000b0002";

  /** Suspended: the resumption and dissolution example. */
  static final String SUSPENDED_ID = "5eed0000-0000-4000-8000-0000000b0004";

  /**
   * Proposed by cuc.edu.cn, qau.edu.pk invited and not yet accepting (version 0): the acceptance,
   * establishment and revision example.
   */
  static final String PROPOSED_ID = "5eed0000-0000-4000-8000-0000000b0005";

  /** A planned milestone of {@link #OPERATING_ID}'s plan (version 0). */
  static final String PLANNED_MILESTONE_ID = "5eed0000-0000-4000-8000-0000000c0003";

  static final String PROPOSAL_EXAMPLE =
      "{\"code\": \"PK-BY/JL/2026/OPTICS\", \"terms\": {\"kind\": \"JOINT_LABORATORY\", "
          + "\"name\": {\"en\": \"Pakistan-Belarus Joint Laboratory of Optics\"}, "
          + "\"partners\": [{\"organizationCode\": \"qau.edu.pk\", \"role\": \"FOUNDER\", \"inKind\": \"Laboratory premises\"}, "
          + "{\"organizationCode\": \"bsu.by\", \"role\": \"FOUNDER\", \"inKind\": \"Laser equipment\"}], "
          + "\"agreementIds\": [\"5eed0000-0000-4000-8000-0000000a0002\"], "
          + "\"fields\": [\"SCIENCE_AND_TECHNOLOGY\"], \"seat\": {\"country\": \"PK\", \"city\": \"Islamabad\"}, "
          + "\"committed\": {\"amount\": \"1200000\", \"currency\": \"USD\"}}}";

  static final String REVISION_EXAMPLE =
      "{\"kind\": \"JOINT_RESEARCH_CENTRE\", \"name\": {\"en\": \"Centre for Eurasian Communication Studies\", "
          + "\"zh\": \"欧亚传播研究中心\"}, \"partners\": [{\"organizationCode\": \"cuc.edu.cn\", \"role\": \"HOST\", "
          + "\"inKind\": \"Premises and staff in Beijing\"}, {\"organizationCode\": \"qau.edu.pk\", \"role\": \"FOUNDER\"}, "
          + "{\"organizationCode\": \"bsu.by\", \"role\": \"FOUNDER\"}], \"fields\": [\"CULTURE\", \"HIGHER_EDUCATION\"], "
          + "\"seat\": {\"country\": \"CN\", \"city\": \"Beijing\"}}";

  static final String MILESTONE_EXAMPLE =
      "{\"title\": {\"en\": \"Summer school in photonics held in Minsk\"}, "
          + "\"responsibleOrganization\": \"bsu.by\", \"dueOn\": \"2027-07-31\"}";

  @Inject VentureService ventures;

  @Inject ImplementationPlans plans;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listVentures",
      summary = "Search joint ventures, ordered by code",
      description =
          "Open to everyone. `organization` and `country` match only partners that accepted: naming an organization "
              + "does not make a venture its own. Give `countryPair=PK-BY` (or `country` twice) for the ventures "
              + "between two countries; `from` and `to` bound the date it was established (or proposed, while it is not).")
  @APIResponse(responseCode = "200", description = "One page of ventures.")
  public Page<VentureView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("status") VentureStatus status,
      @QueryParam("kind") VentureKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(
              description = "Organization code of a partner that accepted.",
              example = "qau.edu.pk")
          String organization,
      @QueryParam("country")
          @Size(max = 5)
          @Parameter(
              description =
                  "Country of an accepting partner; repeat for several (all must be present), e.g. `country=PK&country=BY`.")
          List<@CountryCode String> country,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two country codes such as PK-BY")
          @Parameter(
              description = "Ventures between accepting partners of both countries, e.g. `PK-BY`.")
          String countryPair,
      @QueryParam("field") CooperationField field,
      @QueryParam("from")
          @Parameter(
              description = "Established (or proposed) on or after this date.",
              example = "2020-01-01")
          LocalDate from,
      @QueryParam("to")
          @Parameter(description = "Established (or proposed) on or before this date.")
          LocalDate to,
      @QueryParam("modifiedSince")
          @Parameter(description = "Only ventures changed at or after this instant.")
          Instant modifiedSince) {
    VentureFilter filter =
        new VentureFilter(
            status,
            kind,
            organization,
            AgreementStatisticsQuery.countries(country, countryPair),
            field,
            from,
            to,
            modifiedSince);
    return Page.of(
        ventures.list(filter, paging.size(), paging.position(1)).map(VentureView::of), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getVenture",
      summary = "Get one joint venture",
      description = "Open to everyone; ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The venture.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  public Response get(@PathParam("id") @Parameter(example = OPERATING_ID) UUID id) {
    return ok(ventures.get(id));
  }

  @GET
  @Path("/{id}/history")
  @Operation(
      operationId = "getVentureHistory",
      summary = "Who changed a joint venture, and when",
      description =
          "Each change to it, oldest first, with the actor and the announced event. Open to everyone.")
  @APIResponse(responseCode = "200", description = "One page of the venture's changes.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @Valid @BeanParam Paging paging) {
    return Page.of(ventures.changes(id, paging.limit(), paging.position(1)), uri);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "proposeVenture",
      summary = "Propose a joint venture (a named partner's partner, or registrar)",
      description =
          "A partner proposes only ventures its own organization is named in, and its organization has consented "
              + "by proposing; every other organization named is invited until its partner accepts. Founding "
              + "agreements must be ones the caller may read (else 422 unknown-reference on `agreementIds[i]`). "
              + "Amounts are decimal strings with an ISO 4217 currency. Announces registry.venture.proposed.v1.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewVenture.class),
              examples = @ExampleObject(name = "joint laboratory", value = PROPOSAL_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Proposed.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(responseCode = "409", description = "The code is taken.")
  @Idempotent
  public Response propose(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid NewVenture request) {
    Venture created = ventures.propose(request.code(), request.terms().toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(VentureView.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "reviseVenture",
      summary = "Revise a joint venture (an accepting partner's partner, or registrar)",
      description =
          "Replaces what is said about it; requires If-Match. A partner keeps its acceptance while it is named in the "
              + "same role with the same contribution; a changed commitment is a new invitation (except for the "
              + "reviser's own organization). Not once dissolved (409). Announces registry.venture.updated.v1.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Terms.class),
              examples = @ExampleObject(name = "research centre", value = REVISION_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "Revised.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  public Response revise(
      @PathParam("id") @Parameter(example = PROPOSED_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @NotNull @Valid Terms terms) {
    return ok(ventures.revise(id, ExpectedVersion.fromIfMatch(ifMatch), terms.toTerms()));
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "acceptVenture",
      summary =
          "A named organization accepts being a partner (that organization's partner, or registrar)",
      description =
          "Until then it is listed under `invitations`, not `partners`, and counts for no search or statistics. "
              + "If-Match is required and names the version accepted (428 without it, 412 when stale). A partner of "
              + "another organization is refused (403); an organization the venture does not name is 422 rule-violated "
              + "`not-named`; a second acceptance is a 409. Announces registry.venture.partner-accepted.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(responseCode = "409", description = "Already accepted, or the venture is dissolved.")
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = PROPOSED_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              example = "\"0\"",
              description = "The ETag of the version being accepted.")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid AcceptanceRequest request) {
    return ok(
        ventures.accept(id, ExpectedVersion.fromIfMatch(ifMatch), request.organizationCode()));
  }

  @POST
  @Path("/{id}/establishment")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "establishVenture",
      summary =
          "Record that a proposed venture was established (an accepting partner's partner, or registrar)",
      description =
          "Only from PROPOSED, and once a partner accepted (422 rule-violated `partner-consent`). Announces "
              + "registry.venture.established.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Established.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not proposed; the problem names the current state.")
  @Idempotent
  public Response establish(
      @PathParam("id") @Parameter(example = PROPOSED_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid EstablishmentRequest request) {
    return ok(ventures.establish(id, headers.expectedVersion(), request.date()));
  }

  @POST
  // No body: an empty POST is accepted whatever Content-Type the client puts on it (or none).
  @Consumes(MediaType.WILDCARD)
  @Path("/{id}/operation")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "startVentureOperation",
      summary =
          "An established venture starts operating (an accepting partner's partner, or registrar)",
      description = "Only from ESTABLISHED. Announces registry.venture.operating.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Operating.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not established; the problem names the current state.")
  @Idempotent
  public Response operate(
      @PathParam("id") @Parameter(example = ESTABLISHED_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(ventures.operate(id, headers.expectedVersion()));
  }

  @POST
  // No body: an empty POST is accepted whatever Content-Type the client puts on it (or none).
  @Consumes(MediaType.WILDCARD)
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "suspendVenture",
      summary =
          "Suspend an established or operating venture (an accepting partner's partner, or registrar)",
      description = "Announces registry.venture.suspended.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Suspended.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(responseCode = "409", description = "Not established or operating.")
  @Idempotent
  public Response suspend(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(ventures.suspend(id, headers.expectedVersion()));
  }

  @DELETE
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "resumeVenture",
      summary = "Lift a suspension (an accepting partner's partner, or registrar)",
      description =
          "The venture operates again. Requires If-Match, like every DELETE. Announces registry.venture.operating.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Operating again.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(responseCode = "409", description = "Not suspended.")
  public Response resume(
      @PathParam("id") @Parameter(example = SUSPENDED_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read (a DELETE, so required).",
              example = "\"3\"")
          String ifMatch) {
    return ok(ventures.resume(id, ExpectedVersion.fromIfMatch(ifMatch)));
  }

  @POST
  // No body: an empty POST is accepted whatever Content-Type the client puts on it (or none).
  @Consumes(MediaType.WILDCARD)
  @Path("/{id}/dissolution")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "dissolveVenture",
      summary = "Dissolve a venture for good (an accepting partner's partner, or registrar)",
      description = "From any state but DISSOLVED. Announces registry.venture.dissolved.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Dissolved.",
      content = @Content(schema = @Schema(implementation = VentureView.class)))
  @APIResponse(responseCode = "409", description = "Already dissolved.")
  @Idempotent
  public Response dissolve(
      @PathParam("id") @Parameter(example = SUSPENDED_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(ventures.dissolve(id, headers.expectedVersion()));
  }

  @GET
  @Path("/{id}/milestones")
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listVentureMilestones",
      summary = "A joint venture's implementation plan, by due date",
      description =
          "Open to everyone. `overdue=true` keeps the PLANNED milestones due before today (UTC), `overdue=false` the others.")
  @APIResponse(responseCode = "200", description = "One page of milestones.")
  public Page<MilestoneView> milestones(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @Valid @BeanParam Paging paging,
      @QueryParam("status") MilestoneStatus status,
      @QueryParam("overdue") Boolean overdue) {
    return Page.of(
        plans
            .plan(PlanSubject.VENTURE, id, status, overdue, paging.size(), paging.position(2))
            .map(m -> MilestoneView.of(m, plans.overdue(m))),
        uri);
  }

  @GET
  @Path("/{id}/milestones/delivery")
  @Produces({MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getVenturePlanDelivery",
      summary = "How much of a joint venture's plan was delivered",
      description = "Its milestones by status, and how many are overdue. Open to everyone.")
  @APIResponse(
      responseCode = "200",
      description = "The counts.",
      content = @Content(schema = @Schema(implementation = MilestoneView.Delivery.class)))
  public MilestoneView.Delivery delivery(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id) {
    return MilestoneView.Delivery.of(
        PlanSubject.VENTURE, id, plans.delivery(PlanSubject.VENTURE, id));
  }

  @GET
  @Path("/{id}/milestones/{milestoneId}")
  @Operation(
      operationId = "getVentureMilestone",
      summary = "One milestone of a joint venture's plan",
      description = "ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The milestone.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  public Response milestone(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @PathParam("milestoneId") @Parameter(example = PLANNED_MILESTONE_ID) UUID milestoneId) {
    return ok(plans.get(PlanSubject.VENTURE, id, milestoneId));
  }

  @POST
  @Path("/{id}/milestones")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "addVentureMilestone",
      summary =
          "Add a milestone to a joint venture's plan (an accepting partner's partner, or registrar)",
      description =
          "The responsible organization must be a partner that accepted (400 on `responsibleOrganization`). "
              + "A dissolved venture's plan takes no new milestone (409); the outcomes of those planned are still "
              + "recorded. Announces registry.milestone.planned.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Planned.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  @APIResponse(responseCode = "409", description = "The venture is dissolved.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewMilestone.class),
              examples = @ExampleObject(name = "doctoral school", value = MILESTONE_EXAMPLE)))
  @Idempotent
  public Response addMilestone(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid NewMilestone request) {
    Milestone m =
        plans.add(
            PlanSubject.VENTURE,
            id,
            request.title(),
            request.responsibleOrganization(),
            request.dueOn());
    return Response.created(uri.getAbsolutePathBuilder().path(m.id().toString()).build())
        .tag(ExpectedVersion.etag(m.version()))
        .entity(MilestoneView.of(m, plans.overdue(m)))
        .build();
  }

  @PUT
  @Path("/{id}/milestones/{milestoneId}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateVentureMilestone",
      summary = "Record a milestone's outcome (an accepting partner's partner, or registrar)",
      description =
          "PLANNED → DONE, MISSED or DROPPED, with links to the evidence; a planned milestone may also move its due "
              + "date. Requires If-Match. Announces registry.milestone.done.v1, .missed.v1, .dropped.v1 or .updated.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Updated.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  @APIResponse(responseCode = "409", description = "No longer planned.")
  public Response updateMilestone(
      @PathParam("id") @Parameter(example = OPERATING_ID) UUID id,
      @PathParam("milestoneId") @Parameter(example = PLANNED_MILESTONE_ID) UUID milestoneId,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @NotNull @Valid MilestoneUpdate request) {
    return ok(
        plans.update(
            PlanSubject.VENTURE,
            id,
            milestoneId,
            ExpectedVersion.fromIfMatch(ifMatch),
            request.status(),
            request.dueOn(),
            request.evidenceLinks()));
  }

  private Response ok(Milestone m) {
    return Response.ok(MilestoneView.of(m, plans.overdue(m)))
        .tag(ExpectedVersion.etag(m.version()))
        .build();
  }

  private static Response ok(Venture venture) {
    return Response.ok(VentureView.of(venture))
        .tag(ExpectedVersion.etag(venture.version()))
        .build();
  }
}
