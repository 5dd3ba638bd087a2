package org.eurasia.registry.agreements.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eurasia.registry.agreements.api.VentureRequests.MilestoneUpdate;
import org.eurasia.registry.agreements.api.VentureRequests.NewMilestone;
import org.eurasia.registry.agreements.application.ImplementationPlans;
import org.eurasia.registry.agreements.domain.Milestone;
import org.eurasia.registry.agreements.domain.MilestoneStatus;
import org.eurasia.registry.agreements.domain.PlanSubject;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.security.Roles;

/**
 * An agreement's implementation plan over HTTP: as readable as the agreement (a confidential
 * agreement's plan is a 404 to others, like the agreement); a consenting party's partner writes.
 */
@Path(ApiPaths.V1 + "/agreements/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementPlanResource {

  /** The PK-BY memorandum on science and technology, in force, with a plan. */
  static final String PLANNED_AGREEMENT_ID = "5eed0000-0000-4000-8000-0000000a0002";

  /** A planned milestone of its plan (version 0). */
  static final String PLANNED_MILESTONE_ID = "5eed0000-0000-4000-8000-0000000c0013";

  static final String MILESTONE_EXAMPLE =
      "{\"title\": {\"en\": \"Second joint call for research proposals published\"}, "
          + "\"responsibleOrganization\": \"most.gov.pk\", \"dueOn\": \"2027-03-31\"}";

  @Inject ImplementationPlans plans;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listAgreementMilestones",
      summary = "An agreement's implementation plan, by due date",
      description =
          "Whoever may read the agreement. `overdue=true` keeps the PLANNED milestones due before today (UTC), "
              + "`overdue=false` the others.")
  @APIResponse(responseCode = "200", description = "One page of milestones.")
  public Page<MilestoneView> list(
      @PathParam("id") @Parameter(example = PLANNED_AGREEMENT_ID) UUID id,
      @Valid @BeanParam Paging paging,
      @QueryParam("status") MilestoneStatus status,
      @QueryParam("overdue") Boolean overdue) {
    return Page.of(
        plans
            .plan(PlanSubject.AGREEMENT, id, status, overdue, paging.size(), paging.position(2))
            .map(m -> MilestoneView.of(m, plans.overdue(m))),
        uri);
  }

  @GET
  @Path("/delivery")
  @Operation(
      operationId = "getAgreementPlanDelivery",
      summary = "How much of an agreement's plan was delivered",
      description =
          "Its milestones by status, and how many are overdue; whoever may read the agreement.")
  @APIResponse(
      responseCode = "200",
      description = "The counts.",
      content = @Content(schema = @Schema(implementation = MilestoneView.Delivery.class)))
  public MilestoneView.Delivery delivery(
      @PathParam("id") @Parameter(example = PLANNED_AGREEMENT_ID) UUID id) {
    return MilestoneView.Delivery.of(
        PlanSubject.AGREEMENT, id, plans.delivery(PlanSubject.AGREEMENT, id));
  }

  @GET
  @Path("/{milestoneId}")
  @Operation(
      operationId = "getAgreementMilestone",
      summary = "One milestone of an agreement's plan",
      description = "ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The milestone.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  public Response get(
      @PathParam("id") @Parameter(example = PLANNED_AGREEMENT_ID) UUID id,
      @PathParam("milestoneId") @Parameter(example = PLANNED_MILESTONE_ID) UUID milestoneId) {
    return ok(plans.get(PlanSubject.AGREEMENT, id, milestoneId));
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "addAgreementMilestone",
      summary =
          "Add a milestone to an agreement's plan (a consenting party's partner, or registrar)",
      description =
          "The responsible organization must be a party that signed or accepted (400 on `responsibleOrganization`). "
              + "A terminated or expired agreement's plan takes no new milestone (409); the outcomes of those planned "
              + "are still recorded. Announces registry.milestone.planned.v1 (to the parties only, for a confidential "
              + "agreement).")
  @APIResponse(
      responseCode = "201",
      description = "Planned.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  @APIResponse(responseCode = "409", description = "The agreement is terminated or expired.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewMilestone.class),
              examples = @ExampleObject(name = "joint call", value = MILESTONE_EXAMPLE)))
  @Idempotent
  public Response add(
      @PathParam("id") @Parameter(example = PLANNED_AGREEMENT_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid NewMilestone request) {
    Milestone m =
        plans.add(
            PlanSubject.AGREEMENT,
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
  @Path("/{milestoneId}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateAgreementMilestone",
      summary = "Record a milestone's outcome (a consenting party's partner, or registrar)",
      description =
          "PLANNED → DONE, MISSED or DROPPED, with links to the evidence; a planned milestone may also move its due "
              + "date. Requires If-Match. Announces registry.milestone.done.v1, .missed.v1, .dropped.v1 or .updated.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Updated.",
      content = @Content(schema = @Schema(implementation = MilestoneView.class)))
  @APIResponse(responseCode = "409", description = "No longer planned.")
  public Response update(
      @PathParam("id") @Parameter(example = PLANNED_AGREEMENT_ID) UUID id,
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
            PlanSubject.AGREEMENT,
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
}
