package org.eurasia.registry.platform.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.IdempotencyKey;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.security.Roles;

/**
 * Webhooks: a partner (or registrar) subscribes a URL to event types and receives each change as a
 * signed CloudEvent. The same operations in every service; thin over {@link WebhookSubscriptions}.
 */
@Path(ApiPaths.V1 + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
@Tag(name = "Changes")
public class WebhookResource {

  private static final String EXAMPLE_ID = "0190d9a4-7f2b-7c1e-9a51-3c3f5a0e2b11";

  @Inject WebhookSubscriptions subscriptions;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe a URL to changes",
      description =
          "Every change of the given types that the owner may see (a partner: public records and"
              + " confidential ones its organisation is party to; a registrar: all) is POSTed to"
              + " the URL as a CloudEvent (structured JSON, the change feed's `ChangeEvent`),"
              + " signed as Standard Webhooks says: headers `webhook-id` (the event id: deduplicate"
              + " on it), `webhook-timestamp` and `webhook-signature` (`v1,` and the base64"
              + " HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the secret's bytes)."
              + " Deliveries of one record arrive in order; failures are retried with backoff and"
              + " jitter for about 27 hours, after which the webhook is paused with the reason;"
              + " `410 Gone` disables it. The URL must be https and resolve to public addresses"
              + " only (422 on `url` otherwise). The answer carries the signing `secret`, shown"
              + " this once.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; the body carries the secret, Location names the webhook.",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "The URL is refused (`url`), or the organisation holds the most webhooks allowed"
              + " (rule-violated `webhook-limit`).")
  @Idempotent
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey, @NotNull @Valid WebhookRequest request) {
    WebhookView created = subscriptions.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(ExpectedVersion.etag(created.version()))
        .entity(created)
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listWebhooks",
      summary = "List webhooks",
      description =
          "The caller's organisation's webhooks (a registrar's: all), oldest first. Secrets are"
              + " never shown.")
  @APIResponse(responseCode = "200", description = "One page of webhooks.")
  public Page<WebhookView> list(@Valid @BeanParam Paging paging) {
    return Page.of(subscriptions.list(paging.size(), paging.position(2)), uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhook",
      summary = "Read a webhook",
      description = "Status and, when paused or disabled, why. Another organisation's is a 404.")
  @APIResponse(
      responseCode = "200",
      description = "The webhook; ETag carries its version.",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  public Response get(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return ok(subscriptions.find(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateWebhook",
      summary = "Change a webhook's URL, types or description",
      description =
          "Replaces URL, event types and description; the secret and status stay. If-Match with"
              + " the ETag last read is required (428 without, 412 when stale).")
  @APIResponse(
      responseCode = "200",
      description = "Changed; ETag carries the new version.",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "422", description = "The URL is refused (`url`).")
  @Idempotent
  public Response update(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch,
      @BeanParam IdempotencyKey idempotencyKey,
      @NotNull @Valid WebhookRequest request) {
    return ok(subscriptions.update(id, ExpectedVersion.fromIfMatch(ifMatch), request));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a webhook",
      description =
          "Deletes it and its delivery log; pending deliveries are never sent. If-Match with the ETag"
              + " last read is required (428 without, 412 when stale).")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response delete(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @HeaderParam("If-Match")
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag last read.",
              example = "\"0\"")
          String ifMatch) {
    subscriptions.delete(id, ExpectedVersion.fromIfMatch(ifMatch));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/resumption")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "resumeWebhook",
      summary = "Resume a paused or disabled webhook",
      description =
          "Makes it active again and everything it has pending due now, with a fresh retry"
              + " schedule. No body.")
  @APIResponse(
      responseCode = "200",
      description = "Active.",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @Idempotent
  public Response resume(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @BeanParam IdempotencyKey idempotencyKey) {
    return ok(subscriptions.resume(id));
  }

  @POST
  @Path("/{id}/ping")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "pingWebhook",
      summary = "Send a test ping now",
      description =
          "Sends a signed `registry.webhook.ping.v1` CloudEvent to the URL now, whatever the"
              + " webhook's status, and answers what the receiver answered (within the timeouts)."
              + " The ping is in the delivery log; it is never retried. No body.")
  @APIResponse(
      responseCode = "200",
      description = "What came of it.",
      content = @Content(schema = @Schema(implementation = PingResult.class)))
  public PingResult ping(@PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id) {
    return subscriptions.ping(id);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "Read a webhook's delivery log",
      description =
          "Deliveries, newest first: status, attempts, the receiver's last status code and"
              + " latency, the last error, when it is next tried. Delivered and cancelled ones are"
              + " kept for `registry.webhooks.delivery-retention` (30 days).")
  @APIResponse(responseCode = "200", description = "One page of deliveries.")
  public Page<DeliveryView> deliveries(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @QueryParam("status")
          @Size(max = 20)
          @Parameter(
              description = "Only deliveries in this status.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"PENDING", "DELIVERED", "CANCELLED"}))
          String status,
      @Valid @BeanParam Paging paging) {
    return Page.of(subscriptions.deliveries(id, status, paging.size(), paging.position(1)), uri);
  }

  @GET
  @Path("/{id}/deliveries/{deliveryId}")
  @Operation(
      operationId = "getWebhookDelivery",
      summary = "Read one delivery with its attempts",
      description = "Every attempt: when, the status code, the latency, the error.")
  @APIResponse(
      responseCode = "200",
      description = "The delivery.",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public DeliveryView delivery(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @PathParam("deliveryId") @Parameter(example = EXAMPLE_ID) UUID deliveryId) {
    return subscriptions.delivery(id, deliveryId);
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redelivery")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "redeliverWebhookDelivery",
      summary = "Send a delivery again",
      description =
          "Queues it again, due now, with the same `webhook-id`: a pending one keeps its place, a"
              + " delivered or cancelled one is queued anew behind its record's other deliveries"
              + " (the answer is the new delivery). A disabled webhook is resumed first (409)."
              + " No body.")
  @APIResponse(
      responseCode = "202",
      description = "Queued.",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "409", description = "The webhook is disabled.")
  @Idempotent
  public Response redeliver(
      @PathParam("id") @Parameter(example = EXAMPLE_ID) UUID id,
      @PathParam("deliveryId") @Parameter(example = EXAMPLE_ID) UUID deliveryId,
      @BeanParam IdempotencyKey idempotencyKey) {
    return Response.accepted(subscriptions.redeliver(id, deliveryId)).build();
  }

  private static Response ok(WebhookView view) {
    return Response.ok(view).tag(ExpectedVersion.etag(view.version())).build();
  }
}
