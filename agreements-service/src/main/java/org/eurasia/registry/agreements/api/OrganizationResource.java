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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.application.OrganizationService;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationFilter;
import org.eurasia.registry.agreements.domain.OrganizationKind;
import org.eurasia.registry.agreements.domain.OrganizationStatus;
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

/** The directory of parties over HTTP: open to read, registrars write. */
@Path(ApiPaths.V1 + "/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Organizations",
    description = "States, ministries, universities and research centres that are parties.")
public class OrganizationResource {

  private static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-000000000001";

  /**
   * The retirement example: cuc.edu.cn, which no other example names, so trying it in Swagger UI
   * leaves the other examples working.
   */
  static final String RETIREMENT_EXAMPLE_ID = "5eed0000-0000-4000-8000-000000000008";

  @Inject OrganizationService organizations;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listOrganizations",
      summary = "List organizations, ordered by code",
      description =
          "Open to everyone. Filter by country, kind, parent, status or `modifiedSince` (for partner resync); "
              + "retired organizations are listed too unless `status=ACTIVE`. Follow `next` for further pages.")
  @APIResponse(responseCode = "200", description = "One page of organizations.")
  public Page<OrganizationView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("country")
          @CountryCode
          @Parameter(description = "ISO 3166-1 alpha-2 country.", example = "PK")
          String country,
      @QueryParam("kind") @Parameter(description = "Kind of organization.") OrganizationKind kind,
      @QueryParam("parentId") @Parameter(description = "Only children of this organization.")
          UUID parentId,
      @QueryParam("status")
          @Parameter(description = "ACTIVE or RETIRED; both when absent.", example = "ACTIVE")
          OrganizationStatus status,
      @QueryParam("modifiedSince")
          @Parameter(
              description = "Only organizations changed at or after this instant.",
              example = "2024-01-01T00:00:00Z")
          Instant modifiedSince) {
    OrganizationFilter filter =
        new OrganizationFilter(country, kind, parentId, status, modifiedSince);
    return Page.of(
        organizations.list(filter, paging.size(), paging.position(1)).map(OrganizationView::of),
        uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getOrganization",
      summary = "Get one organization",
      description =
          "Open to everyone. The ETag header carries the version to send back in If-Match when changing it.")
  @APIResponse(
      responseCode = "200",
      description = "The organization; its version is in the ETag header.",
      headers =
          @Header(
              name = "ETag",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(organizations.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getOrganizationHistory",
      summary = "Who changed an organization, and when",
      description =
          "Each change to it, oldest first: the actor (subject, organization, role), the operation"
              + " (`operationId`), the request id (`X-Request-Id`) and what changed (the announced"
              + " event). Open to everyone, like the organization.")
  @APIResponse(responseCode = "200", description = "One page of the organization's changes.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(organizations.changes(id, paging.size(), paging.position(1)), uri);
  }

  @POST
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      operationId = "registerOrganization",
      summary = "Register an organization (registrar)",
      description =
          "Adds a party to the directory. The code is the organization's lower-case internet domain and never changes. "
              + "A retired parent is refused (422 rule-violated `organization-retired` on `parentId`). Send an "
              + "Idempotency-Key to make retries safe.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names it, ETag carries its version.",
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(responseCode = "409", description = "The code is already registered.")
  @Idempotent
  public Response register(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid OrganizationRequest request) {
    Organization created = organizations.register(request.code(), request.toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(OrganizationView.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      operationId = "updateOrganization",
      summary = "Change an organization (registrar)",
      description =
          "Replaces kind, names, country and parent. Requires If-Match with the current ETag. A retired "
              + "organization does not change (409), and a retired parent is refused (422 rule-violated "
              + "`organization-retired` on `parentId`).")
  @APIResponse(
      responseCode = "200",
      description = "Changed; ETag carries the new version.",
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(responseCode = "409", description = "The organization is retired.")
  public Response update(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @NotNull @Valid OrganizationChanges changes) {
    Organization updated =
        organizations.update(id, ExpectedVersion.fromIfMatch(ifMatch), changes.toTerms());
    return ok(updated);
  }

  @POST
  @Path("/{id}/retirement")
  @RolesAllowed(Roles.REGISTRAR)
  // No body: an empty POST is accepted whatever Content-Type the client puts on it (or none).
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "retireOrganization",
      summary = "Retire an organization, for good (registrar)",
      description =
          "Organizations are never deleted: agreements here and records in other services name them. A retired "
              + "organization stays readable with its code (never reused) and everything that named it stays as it "
              + "is, but nothing new may name it: not a party of a new agreement, nor one added to a draft or an "
              + "amendment, nor a parent (422 rule-violated `organization-retired` on the field). Its child "
              + "organizations are retired first. No body. Announces registry.organization.retired.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Retired; status RETIRED, ETag carries the new version.",
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Already retired (`currentState`), or it still has active child organizations (`activeChildren`).")
  @Idempotent
  public Response retire(
      @PathParam("id") @Parameter(example = RETIREMENT_EXAMPLE_ID) UUID id,
      @BeanParam CommandHeaders headers) {
    return ok(organizations.retire(id, headers.expectedVersion()));
  }

  private static Response ok(Organization organization) {
    return Response.ok(OrganizationView.of(organization))
        .tag(ExpectedVersion.etag(organization.version()))
        .build();
  }
}
