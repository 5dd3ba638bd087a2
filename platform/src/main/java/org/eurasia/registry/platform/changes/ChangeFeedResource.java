package org.eurasia.registry.platform.changes;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eurasia.registry.platform.api.ApiPaths;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.security.Caller;

/**
 * The change feed: every announced change of this service's records, in commit order, resumable
 * from a cursor, filtered by what the reader may see. The same operation in every service.
 */
@Path(ApiPaths.V1 + "/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Changes",
    description =
        "Follow this service's records: the change feed (poll with a cursor) and webhooks (pushed)."
            + " Both carry the same CloudEvents.")
public class ChangeFeedResource {

  private static final int MAX_TYPES = 20;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject ChangeLogConfig config;

  @Context UriInfo uri;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
  @Operation(
      operationId = "listChanges",
      summary = "Read the change feed",
      description =
          "Changes in the order they were committed, after the cursor `after` (from the oldest kept"
              + " change without one). Each is a CloudEvent; deletions, retirements and erasures"
              + " carry `tombstone: true`. A partner sees public records' changes and those of"
              + " confidential records it is a party to; a registrar sees all; anonymous callers"
              + " public ones. Store the returned `cursor` and pass it as `after` next time: a"
              + " partner that was offline catches up from where it stopped, as long as the"
              + " change is younger than the change log's retention. A change appears once the"
              + " transactions that began before it have ended, so a cursor never skips one."
              + " `Accept: text/csv` gives the same page as CSV (its `data` one cell of JSON),"
              + " continued by `Link: rel=\"next\"` while more is available.")
  @APIResponse(responseCode = "200", description = "One page of the feed.")
  public ChangeFeed list(
      @QueryParam("after")
          @Size(max = 1024)
          @Parameter(
              description =
                  "The `cursor` of the previous page; absent to start from the oldest kept change.")
          String after,
      @QueryParam("types")
          @Size(max = 2000)
          @Parameter(
              description =
                  "Comma-separated event types (`registry.agreement.signed.v1`) or families"
                      + " (`registry.agreement.*`); all when absent.",
              example = "registry.agreement.*")
          String types,
      @QueryParam("limit")
          @DefaultValue("100")
          @Min(1)
          @Max(1000)
          @Parameter(
              description = "Page size, 1 to `registry.change-log.feed-max-limit` (500).",
              example = "100")
          int limit) {
    if (limit > config.feedMaxLimit()) {
      throw ProblemException.invalidField("limit", "must be at most " + config.feedMaxLimit());
    }
    List<String> typeList =
        types == null || types.isBlank()
            ? List.of()
            : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    if (typeList.size() > MAX_TYPES) {
      throw ProblemException.invalidField("types", "at most " + MAX_TYPES + " types");
    }
    return changeLog
        .feed(
            Cursor.decode(after, 2, "after"),
            typeList,
            caller.isRegistrar(),
            caller.organization().orElse(null),
            limit)
        .linked(uri);
  }
}
