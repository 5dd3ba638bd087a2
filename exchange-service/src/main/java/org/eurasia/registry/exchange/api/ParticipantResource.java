package org.eurasia.registry.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

  @GET
  @Path("/{id}/personal-data")
  @Operation(
      operationId = "exportParticipantData",
      summary =
          "Export everything held about a participant (an institution of their mobilities, or registrar)",
      description =
          "The right of access: the participant's personal data (absent once erased) and every mobility of "
              + "theirs, as JSON, for the institution or registrar to hand over. Anyone else, and an unknown id, "
              + "gets 404.")
  @APIResponse(
      responseCode = "200",
      description = "What is held.",
      content = @Content(schema = @Schema(implementation = ParticipantExport.class)))
  public ParticipantExport export(
      @PathParam("id") @Parameter(example = "5eed0000-0000-4000-8000-0000000e0001") UUID id) {
    MobilityService.ParticipantRecord held = mobilities.export(id);
    return new ParticipantExport(
        held.participantId(),
        held.person()
            .map(p -> new MobilityView.PersonView(p.givenName(), p.familyName(), p.email()))
            .orElse(null),
        held.mobilities().stream().map(m -> MobilityView.of(m, held.person())).toList());
  }

  /** Everything held about one participant. */
  @Schema(name = "ParticipantExport")
  public record ParticipantExport(
      UUID participantId,
      @Schema(nullable = true, description = "Null once the personal data was erased.")
          MobilityView.PersonView person,
      @Schema(description = "Every mobility of the participant, with its history's present state.")
          List<MobilityView> mobilities) {}

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
