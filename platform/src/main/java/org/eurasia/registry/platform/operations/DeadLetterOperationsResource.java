package org.eurasia.registry.platform.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.events.DeadLetterInbox;
import org.eurasia.registry.platform.events.DeadLetterInbox.Letter;
import org.eurasia.registry.platform.events.DeadLetterInbox.Position;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Roles;

/**
 * What operators do about events this service's consumer could not apply: list the dead letters,
 * read one with its data, and replay it once its cause is fixed (a projection bug deployed, a
 * missing reference created). Every service has it; registrars and operators only.
 */
@Path(ApiPaths.V1 + "/operations/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRAR, Roles.OPERATOR})
@Tag(name = "Operations")
public class DeadLetterOperationsResource {

  static final String POSITION = "^\\d{1,4}-\\d{1,18}$";

  @Inject DeadLetterInbox inbox;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listDeadLetters",
      summary = "List dead-lettered events (operator)",
      description =
          "Events this service's consumer could not apply after all attempts, in dead-letter topic order "
              + "(partition, offset), with the error and whether the event has been applied since (a "
              + "replay, or a redelivery). Data is shown by the single read.")
  @APIResponse(responseCode = "200", description = "One page of dead letters.")
  public Page<DeadLetter> list(@Valid @BeanParam Paging paging) {
    Cursor cursor = paging.position(2);
    Position after = cursor == null ? null : new Position((int) cursor.number(0), cursor.number(1));
    List<Letter> letters = inbox.list(paging.size(), after);
    Slice<Letter> slice =
        Slice.fromOverfetch(
            letters,
            paging.size(),
            l ->
                Cursor.of(
                    Integer.toString(l.position().partition()),
                    Long.toString(l.position().offset())));
    return Page.of(slice.map(l -> DeadLetter.of(l, false)), uri);
  }

  @GET
  @Path("/{position}")
  @Operation(
      operationId = "getDeadLetter",
      summary = "Read one dead-lettered event with its data (operator)",
      description = "`position` is `<partition>-<offset>` in the dead-letter topic, as listed.")
  @APIResponse(responseCode = "200", description = "The dead letter.")
  @APIResponse(
      responseCode = "404",
      description = "No dead letter there (or retention removed it).")
  public DeadLetter get(
      @PathParam("position") @Pattern(regexp = POSITION) @Parameter(example = "0-0")
          String position) {
    Position at = parse(position);
    return inbox
        .find(at)
        .map(l -> DeadLetter.of(l, true))
        .orElseThrow(() -> ProblemException.notFound("Dead letter", position));
  }

  @POST
  @Path("/{position}/replay")
  @Operation(
      operationId = "replayDeadLetter",
      summary = "Apply a dead-lettered event now (operator)",
      description =
          "Runs the event through this service's handlers exactly once, as the consumer would have: "
              + "`APPLIED` when it took effect now, `ALREADY_APPLIED` when it had been applied since "
              + "(nothing changes). When it still fails, 422 with the handlers' error, and nothing "
              + "changes.")
  @APIResponse(responseCode = "200", description = "Replayed.")
  @APIResponse(responseCode = "404", description = "No dead letter there.")
  @APIResponse(responseCode = "422", description = "It still cannot be applied.")
  public Replayed replay(
      @PathParam("position") @Pattern(regexp = POSITION) @Parameter(example = "0-0")
          String position) {
    Position at = parse(position);
    DeadLetterInbox.Replay outcome;
    try {
      outcome =
          inbox.replay(at).orElseThrow(() -> ProblemException.notFound("Dead letter", position));
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ProblemException.unprocessable("The event still cannot be applied: " + rootMessage(e));
    }
    return new Replayed(outcome.name());
  }

  private static Position parse(String position) {
    return Position.parse(position)
        .orElseThrow(
            () -> ProblemException.invalidField("position", "is not <partition>-<offset>"));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }

  /** A dead letter as operators see it. */
  @Schema(name = "DeadLetter")
  public record DeadLetter(
      @Schema(description = "`<partition>-<offset>` in the dead-letter topic.", example = "0-0")
          String position,
      @Schema(description = "The event's CloudEvents `id`.") String eventId,
      @Schema(example = "registry.agreement.updated.v1") String eventType,
      String subject,
      @Schema(example = "registry.agreements") String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      @Schema(description = "Why the last attempt failed.") String error,
      Instant deadLetteredAt,
      @Schema(description = "Applied since it was dead-lettered (replayed or redelivered).")
          boolean appliedSince,
      @Schema(description = "The event's data (JSON text); only in the single read.") String data) {

    static DeadLetter of(Letter letter, boolean withData) {
      return new DeadLetter(
          letter.position().toString(),
          letter.eventId(),
          letter.eventType(),
          letter.subject(),
          letter.originalTopic(),
          letter.originalPartition(),
          letter.originalOffset(),
          letter.error(),
          letter.deadLetteredAt(),
          letter.appliedSince(),
          withData ? letter.data() : null);
    }
  }

  /** What a replay did: {@code APPLIED} or {@code ALREADY_APPLIED}. */
  @Schema(name = "DeadLetterReplayed")
  public record Replayed(@Schema(enumeration = {"APPLIED", "ALREADY_APPLIED"}) String outcome) {}
}
