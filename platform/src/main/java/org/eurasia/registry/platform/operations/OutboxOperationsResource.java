package org.eurasia.registry.platform.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.events.ParkedEvents;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Roles;

/**
 * What operators do about events the relay could not publish: list the parked outbox rows and
 * release them once the cause (a missing topic, an ACL, a size limit) is fixed. Every service has
 * it; registrars and operators only.
 */
@Path(ApiPaths.V1 + "/operations/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRAR, Roles.OPERATOR})
@Tag(
    name = "Operations",
    description =
        "For the registry's operators (role `operator` or `registrar`): events the relay set aside.")
public class OutboxOperationsResource {

  @Inject ParkedEvents parked;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listParkedEvents",
      summary = "List parked events (operator)",
      description =
          "Outbox rows the broker kept refusing while it answered (topic missing or denied, record too "
              + "large), parked after `registry.messaging.relay.park-after-attempts` attempts with the later "
              + "rows of the same aggregate, in outbox order. Payloads are not shown.")
  @APIResponse(responseCode = "200", description = "One page of parked events.")
  public Page<ParkedEvent> list(@Valid @BeanParam Paging paging) {
    return Page.of(parked.list(paging.size(), paging.position(1)).map(ParkedEvent::of), uri);
  }

  @POST
  @Path("/{id}/release")
  @Operation(
      operationId = "releaseParkedEvent",
      summary = "Release a parked event and the rest of its aggregate (operator)",
      description =
          "Returns the parked rows of the event's aggregate to the relay, attempts reset, to leave in "
              + "their order. Repeating it is harmless: a released row is no longer parked (404).")
  @APIResponse(responseCode = "200", description = "Released; how many rows.")
  @APIResponse(responseCode = "404", description = "No parked event has this id.")
  public Released release(
      @PathParam("id") @Parameter(example = "0190d9a4-7f2b-7c1e-9a51-3c3f5a0e2b11") UUID id) {
    int count = parked.release(id);
    if (count == 0) {
      throw ProblemException.notFound("Parked event", id);
    }
    return new Released(count);
  }

  /** How many parked rows went back to the relay. */
  @Schema(name = "ParkedEventsReleased")
  public record Released(
      @Schema(description = "Rows released, the named one included.") int rows) {}
}
