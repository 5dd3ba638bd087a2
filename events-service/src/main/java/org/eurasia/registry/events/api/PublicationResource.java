package org.eurasia.registry.events.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eurasia.registry.events.api.PublicationRequests.Details;
import org.eurasia.registry.events.application.EventService;
import org.eurasia.registry.events.application.EventService.LinkedAgreement;
import org.eurasia.registry.events.application.PublicationService;
import org.eurasia.registry.events.domain.Publication;
import org.eurasia.registry.events.domain.PublicationFilter;
import org.eurasia.registry.events.domain.PublicationKind;
import org.eurasia.registry.events.domain.PublicationTerms;
import org.eurasia.registry.platform.api.ApiPaths;
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
 * The literature over HTTP: open to read and search in every script; the publishing organization's
 * partners and registrars record and revise it.
 */
@Path(ApiPaths.V1 + "/publications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Publications",
    description =
        "Policy papers, proceedings, reports, articles, agreement commentaries and books: the \"relevant literature\".")
public class PublicationResource {

  /** The background article itself, published by the Communication University of China. */
  static final String EXAMPLE_ID = "5eed0000-0000-4000-8000-0000000e2a01";

  static final String CREATE_EXAMPLE =
      """
      {"kind": "REPORT", "title": "Pakistan–Belarus physics cooperation: the joint laboratory's first years",
       "abstract": {"en": "What the joint laboratory of photonics produced under the science and technology memorandum."},
       "authors": [{"name": "Director, National Centre for Physics", "affiliation": "ncp.edu.pk"}],
       "publisher": "ncp.edu.pk", "year": 2026, "languages": ["en"],
       "url": "https://www.ncp.edu.pk/reports/pk-by-photonics",
       "linkedEvents": ["5eed0000-0000-4000-8000-0000000e0a01"],
       "linkedAgreements": ["5eed0000-0000-4000-8000-0000000a0002"],
       "linkedVentures": ["5eed0000-0000-4000-8000-0000000b0001"]}""";

  static final String UPDATE_EXAMPLE =
      """
      {"kind": "ARTICLE",
       "title": "Enhancing Regional Engagements: Exploring Grounds for Joint Ventures between Pakistan and Belarus",
       "abstract": {"en": "Prospects of regional cooperation among the countries of the Eurasian region and Pakistan, and of joint ventures between Pakistan and Belarus.",
                    "ru": "Перспективы регионального сотрудничества стран Евразии и Пакистана и совместных предприятий Пакистана и Беларуси."},
       "authors": [{"name": "Khalid Taimur Akram", "affiliation": "cuc.edu.cn"}],
       "publisher": "cuc.edu.cn", "year": 2021, "languages": ["en"],
       "url": "https://www.cuc.edu.cn/ics/pk-by-joint-ventures-2021",
       "linkedAgreements": ["5eed0000-0000-4000-8000-0000000a0002"]}""";

  @Inject PublicationService service;

  @Inject EventService eventService;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listPublications",
      summary = "Search the literature, newest year first",
      description =
          "`q` finds words in any script: as words (Latin, Cyrillic, Urdu) or as part of the title, abstract or an "
              + "author's name (Chinese, written without spaces). `organization` is the publisher, `country` the "
              + "publisher's country; `from`/`to` bound the year of publication (their year counts).")
  @APIResponse(responseCode = "200", description = "One page of publications.")
  public Page<PublicationView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("kind") @Parameter(description = "Kind of publication.") PublicationKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(description = "Published by this organization.", example = "cuc.edu.cn")
          String organization,
      @QueryParam("country")
          @CountryCode
          @Parameter(description = "The publisher's country.", example = "CN")
          String country,
      @QueryParam("from") @Parameter(description = "Published in this day's year or later.")
          LocalDate from,
      @QueryParam("to") @Parameter(description = "Published in this day's year or earlier.")
          LocalDate to,
      @QueryParam("eventId") @Parameter(description = "Linked to this event.") UUID eventId,
      @QueryParam("agreementId") @Parameter(description = "Linked to this agreement.")
          UUID agreementId,
      @QueryParam("ventureId") @Parameter(description = "Linked to this joint venture.")
          UUID ventureId,
      @QueryParam("q")
          @Size(max = 200)
          @Parameter(description = "Words in any script.", example = "Belarus")
          String q,
      @QueryParam("modifiedSince") @Parameter(description = "Changed at or after this instant.")
          Instant modifiedSince) {
    PublicationFilter filter =
        new PublicationFilter(
            kind,
            organization,
            country,
            from == null ? null : from.getYear(),
            to == null ? null : to.getYear(),
            eventId,
            agreementId,
            ventureId,
            q == null || q.isBlank() ? null : q.strip(),
            modifiedSince);
    return Page.of(service.list(filter, paging.size(), paging.position(2)).map(this::view), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getPublication",
      summary = "Get one publication",
      description = "With its links' live status. ETag carries its version.")
  @APIResponse(
      responseCode = "200",
      description = "The publication.",
      content = @Content(schema = @Schema(implementation = PublicationView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(service.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getPublicationHistory",
      summary = "A publication's history: who changed what, when",
      description =
          "Oldest first: each change with its actor, the operation and request that made it, the version it made and "
              + "what changed (the announced notice's payload). Public, as the publication is; 404 for an unknown id.")
  @APIResponse(responseCode = "200", description = "One page of the history.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(service.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "createPublication",
      summary = "Record a publication (the publisher's partner, or registrar)",
      description =
          "The publisher and each author's affiliation must be in the directory and not retired. Links: see "
              + "`linkedEvents`, `linkedAgreements` and `linkedVentures`. A DOI or a URL is required; the year lies "
              + "between 1900 and this year.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded.",
      content = @Content(schema = @Schema(implementation = PublicationView.class)))
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = Details.class),
                      examples =
                          @ExampleObject(
                              name = "report",
                              summary =
                                  "A report of ncp.edu.pk on the joint laboratory (seeded links)",
                              value = CREATE_EXAMPLE)))
          @NotNull
          @Valid
          Details details) {
    Publication created = service.create(details.toTerms());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(view(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "updatePublication",
      summary = "Change a publication (its publisher's partner, or registrar)",
      description =
          "Replaces the details; a new publisher must be one the caller acts for too. Links added are checked as at "
              + "creation, links kept are not. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Changed.",
      content = @Content(schema = @Schema(implementation = PublicationView.class)))
  public Response update(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = Details.class),
                      examples =
                          @ExampleObject(
                              name = "article",
                              summary = "The seeded article with a Russian abstract",
                              value = UPDATE_EXAMPLE)))
          @NotNull
          @Valid
          Details details) {
    return ok(service.revise(id, ExpectedVersion.fromIfMatch(ifMatch), details.toTerms()));
  }

  private Response ok(Publication publication) {
    return Response.ok(view(publication)).tag(ExpectedVersion.etag(publication.version())).build();
  }

  private PublicationView view(Publication p) {
    PublicationTerms t = p.terms();
    return PublicationView.of(
        p.id(),
        t,
        service.linkedEvents(p).stream()
            .map(e -> new PublicationView.LinkedEvent(e.id(), e.code(), e.status()))
            .toList(),
        t.linkedAgreements().stream()
            .map(
                id ->
                    eventService
                        .readableAgreement(id)
                        .map(a -> new LinkedAgreement(id, a.code(), a.status()))
                        .orElse(new LinkedAgreement(id, null, null)))
            .toList(),
        t.linkedVentures().stream()
            .map(
                id ->
                    service
                        .venture(id)
                        .map(
                            v ->
                                new PublicationView.LinkedVenture(
                                    id, v.code(), v.name(), v.status()))
                        .orElse(new PublicationView.LinkedVenture(id, null, null, null)))
            .toList(),
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }
}
