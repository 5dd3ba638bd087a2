package org.eurasia.registry.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.security.Roles;

/**
 * The right to erasure: a participant's personal data goes, their mobilities stay under the
 * pseudonymous id.
 */
@Path(ApiPaths.V1 + "/participants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.REGISTRAR})
@Tag(name = "Participants", description = "Personal data of participants, kept apart and erasable.")
public class ParticipantResource {

  @Inject MobilityService mobilities;

  @DELETE
  @Path("/{id}/personal-data")
  @Operation(
      operationId = "eraseParticipantData",
      summary =
          "Erase a participant's personal data (an institution of their mobilities, or registrar)",
      description =
          "Idempotent: erasing again is also 204. Mobilities, statistics and events keep only the pseudonymous id.")
  @APIResponse(responseCode = "204", description = "Erased (or already gone).")
  public Response erase(
      @PathParam("id") @Parameter(example = "5eed0000-0000-4000-8000-0000000e0003") UUID id) {
    mobilities.erase(id);
    return Response.noContent().build();
  }
}
