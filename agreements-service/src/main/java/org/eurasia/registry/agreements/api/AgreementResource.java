package org.eurasia.registry.agreements.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import org.eurasia.registry.agreements.api.AgreementRequests.AcceptanceRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.EntryIntoForceRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.NewAgreement;
import org.eurasia.registry.agreements.api.AgreementRequests.RatificationRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.SignatureRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.SuspensionRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.TerminationRequest;
import org.eurasia.registry.agreements.api.AgreementRequests.Terms;
import org.eurasia.registry.agreements.api.AgreementRequests.WithdrawalRequest;
import org.eurasia.registry.agreements.application.AgreementService;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementFilter;
import org.eurasia.registry.agreements.domain.AgreementHistory;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementSnapshot;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.SearchSort;
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
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/** Agreements over HTTP: drafts, their lifecycle as sub-resources, and search. */
@Path(ApiPaths.V1 + "/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Agreements",
    description = "MoUs, treaties, framework and specific agreements and their lifecycle.")
public class AgreementResource {

  static final String DRAFT_ID = "5eed0000-0000-4000-8000-0000000a0001";
  static final String IN_FORCE_ID = "5eed0000-0000-4000-8000-0000000a0002";

  /**
   * A public agreement in force whose observer (most.gov.pk) has not accepted yet: the acceptance
   * example.
   */
  static final String OBSERVED_ID = "5eed0000-0000-4000-8000-0000000a0006";

  /**
   * Signed by most.gov.pk and gknt.gov.by; gknt.gov.by has approved it, most.gov.pk has still to
   * ratify: the ratification example.
   */
  static final String AWAITING_RATIFICATION_ID = "5eed0000-0000-4000-8000-0000000a0008";

  /**
   * Signed by pu.edu.pk and bsu.by, none of which must ratify, not yet in force; its three versions
   * are in the history: the entry-into-force, version and approval examples.
   */
  static final String SIGNED_ID = "5eed0000-0000-4000-8000-0000000a0009";

  /** The SHA-256 of version 2 of {@link #SIGNED_ID}, the text both parties signed. */
  static final String SIGNED_SHA256 =
      "101887c8026b45da76fb07c7f5d20618803da95fda769b78f80a546679d8e7e5";

  /** Suspended while its joint laboratory is refurbished: the example of lifting a suspension. */
  static final String SUSPENDED_ID = "5eed0000-0000-4000-8000-0000000a0010";

  /*
   * Whole request bodies for Swagger UI, which would otherwise fill in every optional member —
   * a partner's draft or signature would then carry the registrar-only frameworkOverride (403).
   */
  static final String TERMS_EXAMPLE =
      "{\"kind\": \"MEMORANDUM_OF_UNDERSTANDING\", \"visibility\": \"PUBLIC\", "
          + "\"title\": {\"en\": \"MoU on cooperation in physics\", "
          + "\"ru\": \"Меморандум о сотрудничестве в области физики\"}, "
          + "\"parties\": [{\"organizationCode\": \"qau.edu.pk\", \"role\": \"SIGNATORY\"}, "
          + "{\"organizationCode\": \"bsu.by\", \"role\": \"SIGNATORY\"}], "
          + "\"fields\": [\"SCIENCE_AND_TECHNOLOGY\", \"HIGHER_EDUCATION\"], "
          + "\"iscedCodes\": [\"0533\"], \"languages\": [\"en\", \"ru\"], \"durationMonths\": 60}";

  static final String DRAFT_EXAMPLE =
      "{\"code\": \"PK-BY/MOU/2026/ST-101\", \"terms\": " + TERMS_EXAMPLE + "}";

  static final String OVERRIDE_EXAMPLE =
      "{\"code\": \"PK-BY/MOU/2026/CP-102\", \"terms\": {\"kind\": \"MEMORANDUM_OF_UNDERSTANDING\", "
          + "\"title\": {\"en\": \"MoU on transit logistics studies\"}, "
          + "\"parties\": [{\"organizationCode\": \"qau.edu.pk\", \"role\": \"SIGNATORY\"}, "
          + "{\"organizationCode\": \"bsu.by\", \"role\": \"SIGNATORY\"}], "
          + "\"frameworks\": [\"CPEC\"], \"frameworkOverride\": {\"reason\": "
          + "\"Belarus takes part in CPEC projects as a partner country under a separate agreement\"}}}";

  static final String SIGNATURE_EXAMPLE =
      "{\"organizationCode\": \"qau.edu.pk\", \"date\": \"2026-03-15\", \"place\": \"Islamabad\", "
          + "\"signerTitle\": \"Vice-Chancellor\"}";

  static final String AMENDMENT_EXAMPLE =
      "{\"code\": \"PK-BY/AMD/2026/ST-014-1\", \"terms\": {\"kind\": \"AMENDMENT\", "
          + "\"title\": {\"en\": \"Amendment adding joint laboratories to the memorandum on science and technology\"}, "
          + "\"parties\": [{\"organizationCode\": \"most.gov.pk\", \"role\": \"SIGNATORY\"}, "
          + "{\"organizationCode\": \"gknt.gov.by\", \"role\": \"SIGNATORY\"}], "
          + "\"fields\": [\"SCIENCE_AND_TECHNOLOGY\"]}}";

  @Inject AgreementService agreements;

  @Inject StatisticsResource statistics;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listAgreements",
      summary = "Search agreements, ordered by code",
      description =
          "Open to everyone; confidential agreements appear only to their parties and registrars. Give "
              + "`countryPair=PK-BY` (or `country` twice) for the agreements between two countries. `organization` and `country` match only "
              + "parties that consented (signed, or accepted — `parties[].consented`): naming an organization does not make "
              + "an agreement its own. `invitedOrganization` lists the agreements that name an organization which has not consented "
              + "yet (drafts it has to sign, invitations to accept). Ordered by code, then id (a confidential agreement's "
              + "code may repeat another's). `from`/`to` is the shared window of calendar days: an agreement "
              + "matches when it was in force on at least one of them (entered into force on or before `to`, not "
              + "ended before `from`); `entryIntoForceFrom`/`entryIntoForceTo` bound the entry-into-force date itself.")
  @APIResponse(responseCode = "200", description = "One page of agreements.")
  public Page<AgreementView> list(
      @Valid @BeanParam Paging paging,
      @QueryParam("status") AgreementStatus status,
      @QueryParam("kind") AgreementKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(
              description = "Organization code of a party that consented (signed or accepted).",
              example = "qau.edu.pk")
          String organization,
      @QueryParam("party")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Organization code of a party that consented."
                      + RenamedParameter.DEPRECATED
                      + "`organization`.")
          String party,
      @QueryParam("invitedOrganization")
          @SchacCode
          @Parameter(
              description = "Organization code of a party named but not yet consenting.",
              example = "most.gov.pk")
          String invitedOrganization,
      @QueryParam("invitedParty")
          @SchacCode
          @Parameter(
              deprecated = true,
              description =
                  "Organization code of a party named but not yet consenting."
                      + RenamedParameter.DEPRECATED
                      + "`invitedOrganization`.")
          String invitedParty,
      @QueryParam("country")
          @Size(max = 5)
          @Parameter(
              description =
                  "Country of a consenting party; repeat for several (all must be present), e.g. `country=PK&country=BY`.")
          List<@CountryCode String> country,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two country codes such as PK-BY")
          @Parameter(
              description =
                  "Agreements between consenting parties of both countries, e.g. `PK-BY` (the same as "
                      + "`country=PK&country=BY`).")
          String countryPair,
      @QueryParam("field") CooperationField field,
      @QueryParam("isced")
          @Pattern(regexp = "^\\d{4}$", message = "must be a four-digit ISCED-F 2013 code")
          @Parameter(example = "0533")
          String isced,
      @QueryParam("framework")
          @Pattern(
              regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$",
              message = "must be a framework code such as CPEC")
          String framework,
      @QueryParam("modifiedSince")
          @Parameter(description = "Only agreements changed at or after this instant.")
          Instant modifiedSince,
      @QueryParam("q")
          @Size(max = 200)
          @Parameter(
              description =
                  "Words to find in titles and summaries in any language, or in the code; "
                      + "\"quoted phrases\", OR and -exclusion work as in web search.",
              example = "science technology")
          String q,
      @QueryParam("sort")
          @Parameter(
              description =
                  "CODE (default), UPDATED (most recently changed first) or RELEVANCE (needs q).")
          SearchSort sort,
      @QueryParam("from")
          @Parameter(description = AgreementStatisticsQuery.FROM_HELP, example = "2021-01-01")
          LocalDate from,
      @QueryParam("to")
          @Parameter(description = AgreementStatisticsQuery.TO_HELP, example = "2026-12-31")
          LocalDate to,
      @QueryParam("entryIntoForceFrom")
          @Parameter(description = "Entered into force on or after this date.")
          LocalDate entryIntoForceFrom,
      @QueryParam("entryIntoForceTo")
          @Parameter(description = "Entered into force on or before this date.")
          LocalDate entryIntoForceTo,
      @QueryParam("inForceFrom")
          @Parameter(
              deprecated = true,
              description =
                  "Entered into force on or after this date."
                      + RenamedParameter.DEPRECATED
                      + "`entryIntoForceFrom` (not `from`, which means in force on some day of the window).")
          LocalDate inForceFrom,
      @QueryParam("inForceTo")
          @Parameter(
              deprecated = true,
              description =
                  "Entered into force on or before this date."
                      + RenamedParameter.DEPRECATED
                      + "`entryIntoForceTo` (not `to`, which means in force on some day of the window).")
          LocalDate inForceTo,
      @QueryParam("expiringBefore") @Parameter(description = "Expires before this date.")
          LocalDate expiringBefore) {
    AgreementFilter filter =
        new AgreementFilter(
            status,
            kind,
            RenamedParameter.either("organization", organization, "party", party),
            RenamedParameter.either(
                "invitedOrganization", invitedOrganization, "invitedParty", invitedParty),
            AgreementStatisticsQuery.countries(country, countryPair),
            field,
            isced,
            framework,
            modifiedSince,
            q,
            sort,
            AgreementStatisticsQuery.checkedFrom(from, to),
            to,
            RenamedParameter.either(
                "entryIntoForceFrom", entryIntoForceFrom, "inForceFrom", inForceFrom),
            RenamedParameter.either("entryIntoForceTo", entryIntoForceTo, "inForceTo", inForceTo),
            expiringBefore);
    return Page.of(agreements.list(filter, paging.size(), paging.position(4)).map(this::view), uri);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/statistics")
  @Operation(
      operationId = "agreementStatisticsAtOldPath",
      deprecated = true,
      summary = "Count agreements (deprecated path: use GET /api/v1/statistics/agreements)",
      description =
          "Deprecated: moved to `GET /api/v1/statistics/agreements`, where every service keeps its statistics; "
              + "this path answers the same until the next release (Sunset), with the same parameters.")
  @APIResponse(responseCode = "200", description = "Counts, largest first.")
  public AgreementStatistics statisticsAtOldPath(@Valid @BeanParam AgreementStatisticsQuery query) {
    return statistics.agreements(query);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAgreement",
      summary = "Get one agreement",
      description =
          "Confidential agreements are a 404 for anyone but their parties and registrars. `allowedTransitions` "
              + "lists what this caller may do now (none without a token).")
  @APIResponse(
      responseCode = "200",
      description = "The agreement; ETag carries its version.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  public Response get(@PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id) {
    return ok(agreements.get(id));
  }

  @POST
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "draftAgreement",
      summary = "Draft an agreement (a party's partner, or registrar)",
      description =
          "Parties are named by organization code and must be in the directory (else 422 unknown-reference) "
              + "and not retired (else 422 rule-violated `organization-retired`). "
              + "A partner may draft only agreements its organization is party to. Naming another organization binds it to "
              + "nothing: it is shown as invited (`consented: false`) until it signs or accepts. Kind AMENDMENT is refused "
              + "here (400 on `terms.kind`): amendments are drafted with POST /agreements/{id}/amendments. "
              + "Every party's country must be a member of each framework named, today: else 422 rule-violated "
              + "`framework-membership` naming the countries (`nonMembers`), unless a registrar overrides it "
              + "with `terms.frameworkOverride` (recorded on the agreement; 403 for anyone else).")
  @APIResponse(
      responseCode = "201",
      description = "Drafted.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The code is taken by an agreement the caller may read (codes held only "
              + "by confidential agreements the caller may not read are not taken for it).")
  @Idempotent
  public Response draft(
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = NewAgreement.class),
                      examples = {
                        @ExampleObject(
                            name = "draft",
                            summary = "A memorandum between qau.edu.pk and bsu.by",
                            value = DRAFT_EXAMPLE),
                        @ExampleObject(
                            name = "registrarOverride",
                            summary =
                                "A registrar files a PK–BY memorandum under CPEC, overriding the framework rule",
                            value = OVERRIDE_EXAMPLE)
                      }))
          @NotNull
          @Valid
          NewAgreement request) {
    return created(
        agreements.draft(
            request.code(), request.terms().toTerms(), request.terms().overrideReason()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "reviseAgreement",
      summary = "Revise a draft (a signatory's partner, or registrar)",
      description =
          "Only drafts change; signed texts are immutable. Requires If-Match. A revision is a new text: it "
              + "CLEARS every signature and acceptance given so far (they stay in the version history), and each party signs "
              + "or accepts the new text again. An amendment keeps the agreement it amends (`amendsId` is not part of the "
              + "terms) and its kind; it must keep every signatory of that agreement as a signatory (422 rule-violated "
              + "`amendment-signatories`). A retired organization may keep the role it has (in the draft, or in the "
              + "agreement an amendment amends) but may not be added nor given another role (422 rule-violated "
              + "`organization-retired`). Changing the visibility checks the code as a create does. The "
              + "framework rule is checked again, today, on the new terms (422 `framework-membership`; a registrar "
              + "may override with `frameworkOverride`, which replaces the one the old terms had).")
  @APIResponse(
      responseCode = "200",
      description = "Revised.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The agreement is no longer a draft, or a new visibility meets a code "
              + "the caller may read on another agreement.")
  public Response revise(
      @PathParam("id") @Parameter(example = DRAFT_ID) UUID id,
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
                      schema = @Schema(implementation = Terms.class),
                      examples =
                          @ExampleObject(
                              name = "revision",
                              summary = "The seeded qau–bsu draft, revised",
                              value = TERMS_EXAMPLE)))
          @NotNull
          @Valid
          Terms terms) {
    return ok(
        agreements.revise(
            id, ExpectedVersion.fromIfMatch(ifMatch), terms.toTerms(), terms.overrideReason()));
  }

  @POST
  @Path("/{id}/signatures")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "signAgreement",
      summary = "Sign for one party (that party's partner, or registrar)",
      description =
          "A signature binds one text: If-Match is required and names the version signed (428 without it or "
              + "with `*`, 412 when stale); the signature records that version number and its SHA-256 "
              + "(`signature.version`, `signature.sha256`). A revision of the draft clears every signature. When the last "
              + "signatory signs, the agreement becomes SIGNED, and the framework rule is checked again on the signing "
              + "date (the latest signature's): 422 `framework-membership` unless the terms carry a registrar's override "
              + "or a registrar records this signature with `frameworkOverride`.")
  @APIResponse(
      responseCode = "200",
      description = "Signature recorded.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Not a draft, or this party signed already; the problem names the current state.")
  @Idempotent
  public Response sign(
      @PathParam("id") @Parameter(example = DRAFT_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              example = "\"0\"",
              description = "The ETag of the version being signed.")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = SignatureRequest.class),
                      examples =
                          @ExampleObject(
                              name = "signature",
                              summary = "qau.edu.pk signs",
                              value = SIGNATURE_EXAMPLE)))
          @NotNull
          @Valid
          SignatureRequest request) {
    return ok(
        agreements.sign(
            id,
            ExpectedVersion.fromIfMatch(ifMatch),
            request.organizationCode(),
            request.toSignature(),
            request.overrideReason()));
  }

  @POST
  @Path("/{id}/ratifications")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "ratifyAgreement",
      summary =
          "Record a party's ratification, approval or acceptance (that party's partner, or registrar)",
      description =
          "For signatories marked ratificationRequired, after the agreement is signed; entry into force waits for all of them.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not signed yet, or this party already ratified.")
  @Idempotent
  public Response ratify(
      @PathParam("id") @Parameter(example = AWAITING_RATIFICATION_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid RatificationRequest request) {
    return ok(
        agreements.ratify(
            id, headers.expectedVersion(), request.organizationCode(), request.toRatification()));
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "acceptAgreement",
      summary = "A non-signing party accepts being named (that party's partner, or registrar)",
      description =
          "An observer, implementing body or depositary is only invited until its own partner accepts: then "
              + "`consented` is true and the acceptance records the date and the version (number, SHA-256) accepted. Any time "
              + "from the draft until the agreement ends; entry into force does not wait for it. Signatories consent by "
              + "signing (422 rule-violated `signatory-consents-by-signing`). A partner of an organization the agreement "
              + "does not name is refused (403) before anything else; a registrar naming one gets 422 rule-violated "
              + "`not-named`. Like a signature, an acceptance binds one text: If-Match is required and names the version "
              + "accepted (428 without it or with `*`, 412 when stale). A revision of the draft clears acceptances. Announces "
              + "registry.agreement.party-accepted.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Already accepted, or the agreement has ended; the problem names the current state.")
  @Idempotent
  public Response accept(
      @PathParam("id") @Parameter(example = OBSERVED_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              example = "\"3\"",
              description = "The ETag of the version being accepted.")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid AcceptanceRequest request) {
    return ok(
        agreements.accept(
            id,
            ExpectedVersion.fromIfMatch(ifMatch),
            request.organizationCode(),
            request.toDate()));
  }

  @POST
  @Path("/{id}/entry-into-force")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "bringAgreementIntoForce",
      summary = "Record entry into force (a signatory's partner, or registrar)",
      description =
          "Only a signed agreement enters into force, not before its last signature; a duration sets the expiry "
              + "date. Non-signing parties are not waited for, and stay invited until they accept. An amendment is brought "
              + "into force only by a signatory's partner of the agreement it amends, still keeping all its signatories.")
  @APIResponse(
      responseCode = "200",
      description = "In force.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not signed; the problem names the current state.")
  @Idempotent
  public Response enterIntoForce(
      @PathParam("id") @Parameter(example = SIGNED_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid EntryIntoForceRequest request) {
    return ok(agreements.enterIntoForce(id, headers.expectedVersion(), request.date()));
  }

  @POST
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "suspendAgreement",
      summary = "Suspend an agreement in force (a signatory's partner, or registrar)",
      description = "Programmes and events that depend on it react to the suspension event.")
  @APIResponse(
      responseCode = "200",
      description = "Suspended.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not in force; the problem names the current state.")
  @Idempotent
  public Response suspend(
      @PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid SuspensionRequest request) {
    return ok(agreements.suspend(id, headers.expectedVersion(), request.reason()));
  }

  @DELETE
  @Path("/{id}/suspension")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "resumeAgreement",
      summary = "Lift a suspension (a signatory's partner, or registrar)",
      description = "The agreement is in force again.")
  @APIResponse(
      responseCode = "200",
      description = "In force again.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not suspended; the problem names the current state.")
  public Response resume(
      @PathParam("id") @Parameter(example = SUSPENDED_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              description = "The ETag last read; optional for lifecycle commands.")
          String ifMatch) {
    return ok(agreements.resume(id, ExpectedVersion.fromOptionalIfMatch(ifMatch)));
  }

  @POST
  @Path("/{id}/termination")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "terminateAgreement",
      summary =
          "Terminate an agreement, e.g. on denunciation (a signatory's partner, or registrar)",
      description =
          "Ends a signed, in-force or suspended agreement on a date (not before entry into force), with a reason.")
  @APIResponse(
      responseCode = "200",
      description = "Terminated.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Already ended or never signed; the problem names the current state.")
  @Idempotent
  public Response terminate(
      @PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid TerminationRequest request) {
    return ok(
        agreements.terminate(id, headers.expectedVersion(), request.date(), request.reason()));
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "withdrawAgreement",
      summary = "Withdraw a draft (a signatory's partner, or registrar)",
      description =
          "A draft that will not be signed is withdrawn, for good, with a reason: status WITHDRAWN, `endedOn` "
              + "today (UTC), `endReason` the reason; its versions stay and it binds nobody. Only a draft: a signed "
              + "agreement is terminated instead. Announces registry.agreement.withdrawn.v1.")
  @APIResponse(
      responseCode = "200",
      description = "Withdrawn.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not a draft; the problem names the current state.")
  @Idempotent
  public Response withdraw(
      @PathParam("id") @Parameter(example = DRAFT_ID) UUID id,
      @BeanParam CommandHeaders headers,
      @NotNull @Valid WithdrawalRequest request) {
    return ok(agreements.withdraw(id, headers.expectedVersion(), request.reason()));
  }

  @POST
  @Path("/{id}/amendments")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "draftAmendment",
      summary = "Draft an amendment of this agreement (a party's partner, or registrar)",
      description =
          "The only way to draft an agreement of kind AMENDMENT (`terms.kind` must be AMENDMENT); it amends this "
              + "agreement, for good. Every signatory of this agreement must be a signatory of the amendment (422 "
              + "rule-violated `amendment-signatories`, naming the missing ones; checked again at revision and entry into "
              + "force), and an amendment of a PUBLIC agreement must be PUBLIC (400 on `terms.visibility`). The "
              + "amended agreement's parties may stay in their roles even if retired; no other retired organization "
              + "may be named (422 rule-violated `organization-retired`). The "
              + "framework rule applies as to any draft (422 `framework-membership`, `terms.frameworkOverride` for a "
              + "registrar). It goes through "
              + "its own lifecycle; when it enters into force, the amended agreement records it and announces "
              + "registry.agreement.amended.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Amendment drafted.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(responseCode = "409", description = "The code is taken.")
  @Idempotent
  public Response draftAmendment(
      @PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = NewAgreement.class),
                      examples =
                          @ExampleObject(
                              name = "amendment",
                              summary = "The ministries amend their memorandum in force",
                              value = AMENDMENT_EXAMPLE)))
          @NotNull
          @Valid
          NewAgreement request) {
    return created(
        agreements.draftAmendment(
            id, request.code(), request.terms().toTerms(), request.terms().overrideReason()));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/versions")
  @Operation(
      operationId = "listAgreementVersions",
      summary = "List an agreement's recorded versions, oldest first",
      description =
          "Every change records an immutable version with the SHA-256 of its canonical JSON; parties approve a version by that hash.")
  @APIResponse(responseCode = "200", description = "One page of versions.")
  public Page<VersionSummary> versions(
      @PathParam("id") @Parameter(example = SIGNED_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(
        agreements.versions(id, paging.size(), paging.position(1)).map(VersionSummary::of), uri);
  }

  @GET
  @Path("/{id}/versions/{number}")
  @Operation(
      operationId = "getAgreementVersion",
      summary = "Get one version: its canonical content and hash",
      description = "`content` is exactly the JSON whose SHA-256 is `sha256`.")
  @APIResponse(
      responseCode = "200",
      description = "The version.",
      content = @Content(schema = @Schema(implementation = VersionView.class)))
  public VersionView version(
      @PathParam("id") @Parameter(example = SIGNED_ID) UUID id,
      @PathParam("number") @Min(0) @Parameter(example = "0") long number) {
    return VersionView.of(agreements.version(id, number));
  }

  @GET
  @Path("/{id}/diff")
  @Operation(
      operationId = "diffAgreementVersions",
      summary = "What changed between two versions",
      description =
          "Each difference names a JSON path of the content with its old and new value (absent when null).")
  @APIResponse(
      responseCode = "200",
      description = "The differences.",
      content = @Content(schema = @Schema(implementation = DiffView.class)))
  public DiffView diff(
      @PathParam("id") @Parameter(example = SIGNED_ID) UUID id,
      @QueryParam("from") @NotNull @Min(0) @Parameter(example = "0") Long from,
      @QueryParam("to") @NotNull @Min(0) @Parameter(example = "1") Long to) {
    return new DiffView(from, to, agreements.diff(id, from, to));
  }

  @POST
  @Path("/{id}/approvals")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "approveAgreementVersion",
      summary = "Approve one version by its hash (that party's partner, or registrar)",
      description =
          "Only a party's partner approves, and only for its own organization (403 otherwise, before anything "
              + "about the agreement's versions). The SHA-256 must be the stored hash of that version; the approval is kept "
              + "as proof and announced.")
  @APIResponse(
      responseCode = "200",
      description = "Approved.",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(responseCode = "409", description = "This party already approved that version.")
  @Idempotent
  public Response approve(
      @PathParam("id") @Parameter(example = SIGNED_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid ApprovalRequest request) {
    return ok(
        agreements.approve(id, request.organizationCode(), request.version(), request.sha256()));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/approvals")
  @Operation(
      operationId = "listAgreementApprovals",
      summary = "Who approved which version of the text, and when",
      description =
          "Each approval kept as proof: the organization, the version number and its SHA-256 (the"
              + " text approved, GET /agreements/{id}/versions/{number}), who approved it and when;"
              + " by version, then organization. Signatures are on the agreement itself"
              + " (`parties[].signature`: date, place, signer's title, version and SHA-256 signed),"
              + " and who recorded each, when, in its history. Readable by whoever may read the"
              + " agreement (a confidential one's is a 404 for anyone but its parties and"
              + " registrars).")
  @APIResponse(responseCode = "200", description = "One page of approvals.")
  public Page<ApprovalView> approvals(
      @PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(
        agreements.approvals(id, paging.size(), paging.position(2)).map(ApprovalView::of), uri);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getAgreementHistory",
      summary = "Who did what to an agreement, and when",
      description =
          "Each change to it, oldest first: the actor (subject, organization, role), the operation"
              + " (`operationId`, or the job, e.g. `expireAgreements`), the request id"
              + " (`X-Request-Id`) and what changed (the announced event). Readable by whoever may"
              + " read the agreement (a confidential one's is a 404 for anyone but its parties and"
              + " registrars).")
  @APIResponse(responseCode = "200", description = "One page of the agreement's changes.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = IN_FORCE_ID) UUID id, @Valid @BeanParam Paging paging) {
    return Page.of(agreements.changes(id, paging.size(), paging.position(1)), uri);
  }

  /** Body of {@code POST /agreements/{id}/approvals}. */
  @Schema(name = "ApprovalRequest")
  public record ApprovalRequest(
      @NotNull @SchacCode @Schema(example = "pu.edu.pk") String organizationCode,
      @NotNull @Min(0) @Schema(example = "2") Long version,
      @NotNull
          @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lower-case hex SHA-256")
          @Schema(
              description =
                  "The SHA-256 of that version's text, as GET /agreements/{id}/versions/{number} gives it.",
              example = SIGNED_SHA256)
          String sha256) {}

  /** One approval, as kept for proof. */
  @Schema(name = "AgreementApproval")
  public record ApprovalView(
      @Schema(example = "qau.edu.pk", required = true) String organizationCode,
      @Schema(description = "The version approved.", example = "3", required = true) long version,
      @Schema(description = "SHA-256 of that version's canonical content.", required = true)
          String sha256,
      @Schema(
              description = "Who approved: the token's subject, `@` the organization it acted for.",
              required = true)
          String approvedBy,
      @Schema(required = true) Instant approvedAt) {
    static ApprovalView of(AgreementHistory.Approval a) {
      return new ApprovalView(
          a.organizationCode(), a.versionNumber(), a.sha256(), a.approvedBy(), a.approvedAt());
    }
  }

  /** A version in a list. */
  @Schema(name = "AgreementVersionSummary")
  public record VersionSummary(
      long number, @Schema(example = "SIGNED") String change, String sha256, Instant createdAt) {
    static VersionSummary of(AgreementHistory.Version v) {
      return new VersionSummary(v.number(), v.change(), v.sha256(), v.createdAt());
    }
  }

  /** One version with its canonical content. */
  @Schema(name = "AgreementVersion")
  public record VersionView(
      long number,
      String change,
      String sha256,
      Instant createdAt,
      @Schema(description = "The canonical JSON content, verbatim.") String content) {
    static VersionView of(AgreementHistory.Version v) {
      return new VersionView(v.number(), v.change(), v.sha256(), v.createdAt(), v.snapshot());
    }
  }

  /** The differences between two versions. */
  @Schema(name = "AgreementDiff")
  public record DiffView(long from, long to, List<AgreementSnapshot.Difference> differences) {}

  /** The agreement as seen by this caller, with its version as the ETag. */
  private Response ok(Agreement agreement) {
    return Response.ok(view(agreement)).tag(ExpectedVersion.etag(agreement.version())).build();
  }

  /** A new agreement (a draft or an amendment): 201 naming it, with its view and ETag. */
  private Response created(Agreement drafted) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path(ApiPaths.V1 + "/agreements")
                .path(drafted.id().toString())
                .build())
        .tag(ExpectedVersion.etag(drafted.version()))
        .entity(view(drafted))
        .build();
  }

  /**
   * The agreement as this caller may see it: amendments it may not read are left out of {@code
   * amendedBy}, and {@code allowedTransitions} lists what this caller may do.
   */
  private AgreementView view(Agreement agreement) {
    return AgreementView.of(
        agreement,
        agreements.readableAmendments(agreement),
        agreements.allowedTransitions(agreement));
  }
}
