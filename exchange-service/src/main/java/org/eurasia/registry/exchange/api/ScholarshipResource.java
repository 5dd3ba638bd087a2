package org.eurasia.registry.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.exchange.api.ScholarshipRequests.ApplicationRequest;
import org.eurasia.registry.exchange.api.ScholarshipRequests.AwardRequest;
import org.eurasia.registry.exchange.api.ScholarshipRequests.NewScholarship;
import org.eurasia.registry.exchange.api.ScholarshipRequests.Terms;
import org.eurasia.registry.exchange.api.ScholarshipView.ApplicationView;
import org.eurasia.registry.exchange.api.ScholarshipView.AwardView;
import org.eurasia.registry.exchange.application.ScholarshipService;
import org.eurasia.registry.exchange.domain.Scholarship;
import org.eurasia.registry.exchange.domain.ScholarshipAward;
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
 * Scholarships and their awards: open to read; set up, changed, closed and awarded by the funder's
 * partner or a registrar.
 */
@Path(ApiPaths.V1 + "/scholarships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Scholarships",
    description = "Funding for mobilities, awarded without ever exceeding the number available.")
public class ScholarshipResource {

  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000d0001";

  @Inject ScholarshipService scholarships;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listScholarships",
      summary = "List scholarships, ordered by code",
      description =
          "Open to everyone; filter by funding organization or currency. Follow `next` for further pages.")
  @APIResponse(responseCode = "200", description = "One page of scholarships.")
  public Page<ScholarshipView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("organization")
          @SchacCode
          @Parameter(description = "Funded by this organization.", example = "most.gov.pk")
          String organization,
      @QueryParam("funder")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Funded by this organization." + RenamedParameter.DEPRECATED + "`organization`.")
          String funder,
      @QueryParam("currency")
          @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as PKR")
          @Parameter(description = "Paid in this currency.", example = "PKR")
          String currency) {
    return Page.of(
        scholarships
            .list(
                RenamedParameter.either("organization", organization, "funder", funder),
                currency,
                paging.size(),
                paging.position(1))
            .map(ScholarshipView::of),
        uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getScholarship",
      summary = "Get one scholarship",
      description = "With the number of awards, how many are awarded and how many remain.")
  @APIResponse(
      responseCode = "200",
      description = "The scholarship.",
      content = @Content(schema = @Schema(implementation = ScholarshipView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(scholarships.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getScholarshipHistory",
      summary = "Who changed a scholarship, and when",
      description =
          "Every change to the scholarship, oldest first: who made it (subject, organization, role), when, through"
              + " which operation and request (`X-Request-Id`), the version it left and what changed"
              + " (the event's payload). Its applications and awards are not in it: the change feed"
              + " announces them to those who may read them.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the scholarship's history, oldest first.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(scholarships.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "createScholarship",
      summary = "Set up a scholarship (the funder's partner, or registrar)",
      description =
          "Amount per award in an ISO 4217 currency (PKR, BYN, CNY, KZT, UZS, USD, EUR …), with no more decimals than the currency has. "
              + "The funder must be in the directory (else 422 `funder-unknown`) and not retired (422 `funder-retired`).")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content = @Content(schema = @Schema(implementation = ScholarshipView.class)))
  @APIResponse(responseCode = "409", description = "The code is taken.")
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid NewScholarship request) {
    Scholarship created = scholarships.fund(request.code(), request.funder(), request.toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(ScholarshipView.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updateScholarship",
      summary = "Change a scholarship's terms (the funder's partner, or registrar)",
      description =
          "Replaces title, amount, currency, number of awards and eligibility; code and funder are fixed. Requires "
              + "If-Match. Never fewer awards than are made (422 `awards-below-awarded`); awards and applications made stay. "
              + "A closed scholarship is not changed (409).")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = ScholarshipView.class)))
  @APIResponse(responseCode = "409", description = "The scholarship is closed.")
  public Response update(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @NotNull @Valid Terms terms) {
    return ok(scholarships.revise(id, ExpectedVersion.fromIfMatch(ifMatch), terms.toTerms()));
  }

  @POST
  @Path("/{id}/closure")
  // No body: any Content-Type (or none) is fine.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "closeScholarship",
      summary = "Close a scholarship (the funder's partner, or registrar)",
      description =
          "No more applications or awards (422 `scholarship-closed`); those made stay. 409 when it is closed already.")
  @APIResponse(
      responseCode = "200",
      description = "Closed.",
      content = @Content(schema = @Schema(implementation = ScholarshipView.class)))
  @APIResponse(responseCode = "409", description = "Closed already.")
  @Idempotent
  public Response close(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(scholarships.close(id, headers.expectedVersion()));
  }

  @POST
  @Path("/{id}/applications")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "applyForScholarship",
      summary =
          "Apply for a scholarship for a mobility (an institution of the mobility, or registrar)",
      description =
          "The application is the institution's consent: it shows the mobility to the scholarship's funder (without any "
              + "personal data) and lets the funder award it. `mobilityId` must be a mobility of the caller's institution; any other id, "
              + "unknown or not the caller's, gets the same `unknown-reference` problem. The mobility must meet the eligibility (422 names "
              + "the condition); 409 when it applied already. A registrar records the application for the home institution. The "
              + "applying institution may not be retired (422 `institution-retired`, naming `appliedBy`).")
  @APIResponse(
      responseCode = "201",
      description = "Applied.",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(
      responseCode = "409",
      description = "This mobility already applied for this scholarship.")
  @APIResponse(
      responseCode = "422",
      description =
          "Unknown mobility (`unknown-reference`), or not eligible (`condition` says why).")
  @Idempotent
  public Response apply(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid ApplicationRequest request) {
    ApplicationView applied = ApplicationView.of(scholarships.apply(id, request.mobilityId()));
    return Response.created(uri.getAbsolutePathBuilder().path(applied.id().toString()).build())
        .entity(applied)
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/applications")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "listScholarshipApplications",
      summary =
          "List a scholarship's applications (its funder's partner or registrar: all; an institution: those of its mobilities)",
      description =
          "Oldest first. Each shows the mobility as far as the funder may see it: programme, kind, year, direction, countries, "
              + "EQF level, ISCED-F field and status — never the participant.")
  @APIResponse(responseCode = "200", description = "One page of applications, oldest first.")
  public Page<ApplicationView> applications(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(
        scholarships.applications(id, paging.size(), paging.position(2)).map(ApplicationView::of),
        uri);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/awards")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "listScholarshipAwards",
      summary = "List a scholarship's awards (the funder's partner, or registrar)",
      description = "Oldest first; each award names the mobility and the pseudonymous participant.")
  @APIResponse(responseCode = "200", description = "One page of awards, oldest first.")
  public Page<AwardView> awards(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(
        scholarships.awards(id, paging.size(), paging.position(2)).map(AwardView::of), uri);
  }

  @POST
  @Path("/{id}/awards")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "awardScholarship",
      summary = "Award to an accepted mobility (the funder's partner, or registrar)",
      description =
          "Only with the consent of an institution of the mobility: it applied for this scholarship, or the funder is itself "
              + "an institution of the mobility (a registrar may award any). Any other `mobilityId`, unknown or not consented, gets the "
              + "same `unknown-reference` problem, saying nothing about the mobility. The mobility must be accepted or under way and "
              + "meet the eligibility (422 names the condition). When no award is left the answer is 409; concurrent awards never "
              + "exceed the number available.")
  @APIResponse(
      responseCode = "201",
      description = "Awarded.",
      content = @Content(schema = @Schema(implementation = AwardView.class)))
  @APIResponse(
      responseCode = "409",
      description = "No award left, or this mobility already has this scholarship.")
  @APIResponse(
      responseCode = "422",
      description =
          "Unknown or not consented mobility (`unknown-reference`), or not eligible (`condition` says why).")
  @Idempotent
  public Response award(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid AwardRequest request) {
    ScholarshipAward award = scholarships.award(id, request.mobilityId());
    return Response.created(uri.getAbsolutePathBuilder().path(award.id().toString()).build())
        .entity(AwardView.of(award))
        .build();
  }

  private static Response ok(Scholarship s) {
    return Response.ok(ScholarshipView.of(s)).tag(ExpectedVersion.etag(s.version())).build();
  }
}
