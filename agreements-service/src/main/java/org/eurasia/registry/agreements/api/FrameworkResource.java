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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.agreements.application.FrameworkService;
import org.eurasia.registry.agreements.domain.Framework;
import org.eurasia.registry.agreements.domain.FrameworkTerms;
import org.eurasia.registry.agreements.domain.PartialDate;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Roles;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;

/** Regional frameworks over HTTP: open to read, registrars write. */
@Path(ApiPaths.V1 + "/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Frameworks",
    description = "Regional frameworks (CPEC, CAREC, EAEU ...) and their members over time.")
public class FrameworkResource {

  static final String CPEC_ID = "5eed0000-0000-4000-8000-0000000f0001";

  /** QTTA: seeded and named by no agreement, so a developer may change or remove it. */
  static final String QTTA_ID = "5eed0000-0000-4000-8000-0000000f0006";

  private static final String DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

  @Inject FrameworkService frameworks;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listFrameworks",
      summary = "List frameworks, ordered by code",
      description =
          "Open to everyone; `memberCountry` keeps the frameworks a country has ever belonged to.")
  @APIResponse(responseCode = "200", description = "One page of frameworks.")
  public Page<FrameworkView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("memberCountry") @CountryCode @Parameter(example = "PK") String memberCountry) {
    return Page.of(
        frameworks.list(memberCountry, paging.size(), paging.position(1)).map(FrameworkView::of),
        uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getFramework",
      summary = "Get one framework",
      description = "Open to everyone; ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The framework.",
      content = @Content(schema = @Schema(implementation = FrameworkView.class)))
  public Response get(@PathParam("id") @Parameter(example = CPEC_ID) UUID id) {
    return ok(frameworks.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getFrameworkHistory",
      summary = "Who changed a framework, and when",
      description =
          "Each change to it, oldest first: the actor (subject, organization, role), the operation"
              + " (`operationId`), the request id (`X-Request-Id`) and what changed (the announced"
              + " event). Open to everyone, like the framework; a removed framework is a 404.")
  @APIResponse(responseCode = "200", description = "One page of the framework's changes.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = CPEC_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(frameworks.changes(id, paging.size(), paging.position(1)), uri);
  }

  @POST
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      operationId = "registerFramework",
      summary = "Register a framework (registrar)",
      description =
          "The code is upper case (CPEC, CASA-1000) and never changes; agreements name frameworks by it, and "
              + "only while every party's country is a member (rule `framework-membership`). Announces "
              + "registry.framework.registered.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Registered.",
      content = @Content(schema = @Schema(implementation = FrameworkView.class)))
  @APIResponse(responseCode = "409", description = "The code is taken.")
  @Idempotent
  public Response register(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid NewFramework request) {
    Framework created = frameworks.register(request.code(), request.details().toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(FrameworkView.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      operationId = "updateFramework",
      summary = "Change a framework's names, description or members (registrar)",
      description =
          "Replaces the membership history. Requires If-Match. Agreements already drafted are checked against "
              + "the new history when their last signature is given. Announces registry.framework.updated.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = FrameworkView.class)))
  public Response update(
      @PathParam("id") @Parameter(example = QTTA_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @NotNull @Valid FrameworkDetails details) {
    return ok(frameworks.update(id, ExpectedVersion.fromIfMatch(ifMatch), details.toTerms()));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.REGISTRAR)
  @Operation(
      operationId = "removeFramework",
      summary = "Remove a framework no agreement names (registrar)",
      description =
          "Requires If-Match; refused with 409 while agreements name it. Announces "
              + "registry.framework.removed.v1.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "409", description = "Agreements still name it.")
  public Response remove(
      @PathParam("id") @Parameter(example = QTTA_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch) {
    frameworks.remove(id, ExpectedVersion.fromIfMatch(ifMatch));
    return Response.noContent().build();
  }

  private static Response ok(Framework framework) {
    return Response.ok(FrameworkView.of(framework))
        .tag(ExpectedVersion.etag(framework.version()))
        .build();
  }

  /** Body of {@code POST /frameworks}. */
  @Schema(name = "NewFramework")
  public record NewFramework(
      @NotNull
          @Pattern(
              regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$",
              message = "must be 2 to 20 of A-Z, 0-9 and '-' such as CPEC")
          @Schema(example = "ECO", description = "Unique: a code already registered is a 409.")
          String code,
      @NotNull @Valid FrameworkDetails details) {}

  /**
   * Names, description and membership history of a framework; the body of {@code PUT
   * /frameworks/{id}}.
   */
  @Schema(name = "FrameworkDetails")
  public record FrameworkDetails(
      @NotNull
          @LanguageTagged
          @Schema(example = "{\"en\": \"Quadrilateral Traffic in Transit Agreement\"}")
          Map<String, String> names,
      @LanguageTagged(
              required = {},
              maxLength = 4000)
          @MultiLine
          @Schema(
              description =
                  "Multi-line texts by language: line feeds and tabs allowed (CR LF is stored as LF); names are single-line.",
              example =
                  "{\"en\": \"Transit traffic between China, Kazakhstan, Kyrgyzstan and Pakistan.\"}")
          Map<String, String> description,
      @NotNull @Size(max = 200) List<@NotNull @Valid MemberRequest> members) {

    /** The terms proposed; the domain's record applies the defaults. */
    FrameworkTerms toTerms() {
      return new FrameworkTerms(
          names, description, members.stream().map(MemberRequest::toMembership).toList());
    }
  }

  /** A country's membership period. */
  @Schema(name = "FrameworkMember")
  public record MemberRequest(
      @NotNull @CountryCode @Schema(example = "KZ") String country,
      @Pattern(regexp = DATE, message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
          @Schema(description = "Joined (when known).", example = "1995")
          String since,
      @Pattern(regexp = DATE, message = "must be YYYY, YYYY-MM or YYYY-MM-DD")
          @Schema(description = "Left (absent while a member).", example = "2026-12")
          String until) {

    Framework.Membership toMembership() {
      try {
        return new Framework.Membership(
            country,
            since == null ? null : PartialDate.parse(since),
            until == null ? null : PartialDate.parse(until));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("members", e.getMessage());
      }
    }
  }

  /** A framework as the API shows it: its code and its terms ({@link Framework#terms()}). */
  @Schema(name = "Framework")
  public record FrameworkView(
      @Schema(example = CPEC_ID) UUID id,
      @Schema(example = "CPEC") String code,
      Map<String, String> names,
      Map<String, String> description,
      List<MemberView> members,
      long version,
      Instant createdAt,
      Instant updatedAt) {

    static FrameworkView of(Framework f) {
      FrameworkTerms terms = f.terms();
      return new FrameworkView(
          f.id(),
          f.code(),
          terms.names(),
          terms.description(),
          terms.members().stream()
              .map(
                  m ->
                      new MemberView(
                          m.country(),
                          m.since() == null ? null : m.since().toString(),
                          m.until() == null ? null : m.until().toString()))
              .toList(),
          f.version(),
          f.createdAt(),
          f.updatedAt());
    }
  }

  /** A country's membership period as shown. */
  @Schema(name = "FrameworkMembership")
  public record MemberView(
      String country,
      @Schema(nullable = true) String since,
      @Schema(nullable = true) String until) {}
}
