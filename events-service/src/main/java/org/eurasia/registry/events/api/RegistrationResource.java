package org.eurasia.registry.events.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.events.api.EventRequests.DelegationRequest;
import org.eurasia.registry.events.api.EventRequests.RegistrationRequest;
import org.eurasia.registry.events.application.RegistrationService;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationStatus;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.security.Roles;

/**
 * Registration over HTTP: a person (attendee role), a partner or a registrar registers themselves;
 * a head of delegation (a partner) registers members of their own organization; the event's
 * consenting organizers (their partners) and registrars approve, decline, check in and see the
 * lists. A token with an {@code org} claim but no partner role manages nothing; a token without any
 * of these roles writes nothing. Seats are never oversold.
 */
@Path(ApiPaths.V1 + "/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
    name = "Registrations",
    description = "Registration with capacity, moderation, waiting lists and delegations.")
public class RegistrationResource {

  static final String EXAMPLE_REGISTRATION = "5eed0000-0000-4000-8000-0000000e0b01";

  /**
   * A seeded registration for the moderated signing ceremony, awaiting the organizers' decision.
   */
  static final String PENDING_REGISTRATION = "5eed0000-0000-4000-8000-0000000e0b04";

  /** A seeded delegation member of the summit, whose personal data the erasure example erases. */
  static final String ERASABLE_REGISTRATION = "5eed0000-0000-4000-8000-0000000e0b03";

  @Inject RegistrationService registrationService;

  @Context UriInfo uri;

  @POST
  @RolesAllowed({Roles.ATTENDEE, Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "registerForEvent",
      summary = "Register yourself (attendee, partner or registrar)",
      description =
          "CONFIRMED while a seat is free and nobody waits for one, else WAITLISTED at the end of the queue; "
              + "PENDING on a moderated event. An event the caller may "
              + "not see (never published) is answered as an unknown one: `unknown-reference` naming `eventId`. The registration "
              + "window must be open (`registration-not-open`, `registration-closed`). Once per person (409). The organization "
              + "in the caller's token (`org`) is recorded as the registrant's organization: shown on the registration, and "
              + "that organization's partner may see and cancel it. It must be in the directory and not retired, checked "
              + "first: else `unknown-reference` naming `org`, detail \"no organization '…' in the directory\" or "
              + "\"organization '…' is retired\".")
  @APIResponse(
      responseCode = "201",
      description = "Registered; the status says where.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  @APIResponse(responseCode = "409", description = "Already registered.")
  @Idempotent
  public Response register(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid RegistrationRequest request) {
    Registration r =
        registrationService.register(request.eventId(), request.name().strip(), request.email());
    return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build())
        .tag(ExpectedVersion.etag(r.version()))
        .entity(RegistrationView.of(r))
        .build();
  }

  @POST
  @Path("/delegations")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "registerDelegation",
      summary = "Register a delegation (a partner of that organization, or registrar)",
      description =
          "`organization` must be the caller's own (403 otherwise, checked first), in the directory and not retired "
              + "(`unknown-reference` naming `organization`, the detail saying which); an event the caller may not see "
              + "is `unknown-reference` naming `eventId`. All members are seated together when all fit and nobody waits; "
              + "otherwise the request is refused (409), or with `waitIfFull` the members join the waiting list in the order "
              + "listed — the first ones taking the seats that are free if nobody waits before them — and are promoted one by "
              + "one as seats free (changed by issue 17: all waited, even for free seats). The event's `delegationSeatCap` "
              + "bounds the seats all delegations of one organization take together (confirmed, pending and wait-listed "
              + "members): a delegation that would pass it is refused (409), nobody registered. Each member is then mailed, "
              + "once the registration is committed (and retried until the mail server takes it), a link of their own to "
              + "see and cancel their registration: they did not register themselves.")
  @APIResponse(
      responseCode = "201",
      description =
          "Registered: all CONFIRMED, all PENDING, or (with `waitIfFull`) the first members CONFIRMED and the others WAITLISTED, in the order listed.")
  @APIResponse(
      responseCode = "409",
      description =
          "Not enough seats (or others wait for them), the organization's delegation cap passed, or a member is already "
              + "registered; nobody was registered.")
  @Idempotent
  public Response registerDelegation(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid DelegationRequest request) {
    List<Registration> registered =
        registrationService.registerDelegation(
            request.eventId(),
            request.organization(),
            request.members().stream()
                .map(m -> new RegistrationService.Member(m.name().strip(), m.email()))
                .toList(),
            Boolean.TRUE.equals(request.waitIfFull()));
    return Response.status(Response.Status.CREATED)
        .entity(registered.stream().map(RegistrationView::of).toList())
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "listEventRegistrations",
      summary = "An event's registrations (its organizers, or registrar)",
      description =
          "In queue order; `status=WAITLISTED` is the waiting list in the order it will be served.")
  @APIResponse(responseCode = "200", description = "One page of registrations.")
  public Page<RegistrationView> list(
      @QueryParam("eventId")
          @NotNull
          @Parameter(description = "The event.", example = EventResource.EXAMPLE_ID)
          UUID eventId,
      @QueryParam("status") @Parameter(description = "Only this status.") RegistrationStatus status,
      @Valid @BeanParam Paging paging) {
    return Page.of(
        registrationService
            .list(eventId, status, paging.size(), paging.position(2))
            .map(RegistrationView::of),
        uri);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/waitlist")
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "listEventWaitlist",
      summary = "An event's waiting list (its organizers, or registrar)",
      description = "The wait-listed registrations in the order they will be promoted.")
  @APIResponse(responseCode = "200", description = "One page of the waiting list.")
  public Page<RegistrationView> waitlist(
      @QueryParam("eventId")
          @NotNull
          @Parameter(description = "The event.", example = EventResource.EXAMPLE_ID)
          UUID eventId,
      @Valid @BeanParam Paging paging) {
    return Page.of(
        registrationService
            .list(eventId, RegistrationStatus.WAITLISTED, paging.size(), paging.position(2))
            .map(RegistrationView::of),
        uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getRegistration",
      summary = "Get one registration",
      description =
          "For the registrant, their organization's partner, the event's organizers and registrars; 404 for others.")
  @APIResponse(
      responseCode = "200",
      description = "The registration.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_REGISTRATION) UUID id) {
    return ok(registrationService.get(id));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/history")
  @Operation(
      operationId = "getRegistrationHistory",
      summary = "A registration's history: who changed what, when",
      description =
          "Oldest first: each change with its actor, the operation and request that made it (a promotion from the "
              + "waiting list names the system and `promoteFromWaitingList`), the version it made and what changed (the announced notice's "
              + "payload). For whoever may get the registration: the registrant, their organization's partner, the "
              + "event's organizers and registrars; 404 for others.")
  @APIResponse(responseCode = "200", description = "One page of the history.")
  public Page<ChangeEntry> history(
      @PathParam("id") @Parameter(example = EXAMPLE_REGISTRATION) UUID id,
      @Valid @BeanParam Paging paging) {
    return Page.of(registrationService.history(id, paging.position(1), paging.size()), uri);
  }

  @POST
  @Path("/{id}/approval")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "approveRegistration",
      summary = "Approve a pending registration (organizers, registrar)",
      description =
          "CONFIRMED if a seat is free and nobody waits for one, else WAITLISTED at the end of the queue: the place "
              + "in the queue is taken at approval, not at registration.")
  @APIResponse(
      responseCode = "200",
      description = "Decided.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  @Idempotent
  public Response approve(
      @PathParam("id") @Parameter(example = PENDING_REGISTRATION) UUID id,
      @BeanParam IdempotencyKey idempotencyKey) {
    return ok(registrationService.approve(id));
  }

  @POST
  @Path("/{id}/decline")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "declineRegistration",
      summary = "Decline a pending registration (organizers, registrar)",
      description = "PENDING → DECLINED; takes no seat.")
  @APIResponse(
      responseCode = "200",
      description = "Declined.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  @Idempotent
  public Response decline(
      @PathParam("id") @Parameter(example = PENDING_REGISTRATION) UUID id,
      @BeanParam IdempotencyKey idempotencyKey) {
    return ok(registrationService.decline(id));
  }

  @POST
  @Path("/{id}/cancellation")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.ATTENDEE, Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "cancelRegistration",
      summary = "Cancel a registration",
      description =
          "By the registrant, their organization's partner, the consenting organizers or a registrar (404 for "
              + "anyone else). A freed seat goes to the "
              + "first on the waiting list in the same transaction: exactly one promotion per freed seat (none once the "
              + "event is cancelled or completed).")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  @Idempotent
  public Response cancel(
      @PathParam("id") @Parameter(example = EXAMPLE_REGISTRATION) UUID id,
      @BeanParam IdempotencyKey idempotencyKey) {
    return ok(registrationService.cancel(id));
  }

  @POST
  @Path("/{id}/check-in")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "checkInRegistration",
      summary = "Check a confirmed participant in (organizers, registrar)",
      description = "Records arrival once; a second check-in is a 409.")
  @APIResponse(
      responseCode = "200",
      description = "Checked in.",
      content = @Content(schema = @Schema(implementation = RegistrationView.class)))
  @Idempotent
  public Response checkIn(
      @PathParam("id") @Parameter(example = EXAMPLE_REGISTRATION) UUID id,
      @BeanParam IdempotencyKey idempotencyKey) {
    return ok(registrationService.checkIn(id));
  }

  @DELETE
  @Path("/{id}/personal-data")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
  @Operation(
      operationId = "eraseRegistrantData",
      summary =
          "Erase a registrant's personal data (their organization, the organizers, or registrar)",
      description =
          "Blanks the name and e-mail, and the key that named the person; closes the self-service link mailed to a "
              + "delegation member and drops a mail not yet sent. The registration stays, counted, under "
              + "its id, and registry.registrant.erased.v1 (ids only) tells consumers to drop any copy. Remembered "
              + "responses of retried requests about it are forgotten. Idempotent: erasing again is also 204. Like "
              + "`DELETE /participants/{id}/personal-data` in exchange-service it takes no `If-Match`: erasure must "
              + "succeed whatever was read. Others who may see the registration get 403; anyone else 404. The "
              + "retention job does the same a configured time after the event ends (`REGISTRY_RETENTION_REGISTRATIONS`).")
  @APIResponse(responseCode = "204", description = "Erased (or already erased).")
  public Response erasePersonalData(
      @PathParam("id") @Parameter(example = ERASABLE_REGISTRATION) UUID id) {
    registrationService.erase(id);
    return Response.noContent().build();
  }

  private static Response ok(Registration r) {
    return Response.ok(RegistrationView.of(r)).tag(ExpectedVersion.etag(r.version())).build();
  }
}
