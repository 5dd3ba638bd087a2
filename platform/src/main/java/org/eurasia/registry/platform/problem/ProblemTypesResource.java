package org.eurasia.registry.platform.problem;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.api.Paging;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Page;
import org.eurasia.registry.platform.pagination.Slice;

/**
 * The catalogue of problem types: what each {@code urn:eurasia-registry:problem:*} means, with its
 * status, so a developer can look up a {@code type} the service answered with. The same in every
 * service, open to everyone.
 */
@Path(ApiPaths.V1 + "/problem-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Problems",
    description =
        "Every error is an RFC 9457 problem whose `type` is one of these URIs; here is what each"
            + " means.")
public class ProblemTypesResource {

  @Context UriInfo uri;

  /** One entry of the catalogue. */
  @Schema(name = "ProblemTypeEntry", description = "A problem type: its URI, status and meaning.")
  public record Entry(
      @Schema(
              description = "The `type` member of problems of this kind.",
              examples = "urn:eurasia-registry:problem:validation-failed",
              required = true)
          String type,
      @Schema(description = "Its last segment.", examples = "validation-failed", required = true)
          String slug,
      @Schema(description = "The `title` problems of this type carry.", required = true)
          String title,
      @Schema(description = "The HTTP status.", examples = "400", required = true) int status,
      @Schema(description = "What it means and what to do about it.", required = true)
          String meaning) {

    static Entry of(ProblemType type) {
      return new Entry(type.uri(), type.slug(), type.title(), type.status(), type.meaning());
    }
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listProblemTypes",
      summary = "List the problem types",
      description =
          "The catalogue, ordered by status; with the default page size it fits one page.")
  @APIResponse(responseCode = "200", description = "Every problem type.")
  public Page<Entry> list(@Valid @BeanParam Paging paging) {
    List<Entry> entries =
        Arrays.stream(ProblemType.values())
            .sorted(Comparator.comparingInt(ProblemType::status))
            .map(Entry::of)
            .toList();
    Cursor after = paging.position(1);
    int from = after == null ? 0 : (int) Math.min(after.number(0), entries.size());
    List<Entry> rest = entries.subList(from, entries.size());
    Slice<Entry> slice =
        Slice.fromOverfetch(
            rest.subList(0, Math.min(rest.size(), paging.size() + 1)),
            paging.size(),
            last -> Cursor.of(Integer.toString(entries.indexOf(last) + 1)));
    return Page.of(slice, uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(operationId = "getProblemType", summary = "Read one problem type")
  @APIResponse(responseCode = "200", description = "The problem type.")
  public Entry get(
      @PathParam("slug") @Parameter(example = "validation-failed", description = "The slug.")
          String slug) {
    return Arrays.stream(ProblemType.values())
        .filter(t -> t.slug().equals(slug))
        .findFirst()
        .map(Entry::of)
        .orElseThrow(() -> ProblemException.notFound("Problem type", slug));
  }
}
