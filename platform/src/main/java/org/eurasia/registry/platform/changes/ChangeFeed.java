package org.eurasia.registry.platform.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.platform.csv.CsvTable;

/** A page of the change feed. */
@Schema(description = "A page of the change feed.")
public record ChangeFeed(
    @Schema(description = "Changes in commit order, at most `limit`.", required = true)
        List<FeedEvent> items,
    @Schema(
            description =
                "Where to continue: pass it as `after` next time. Always present, also on an"
                    + " empty page, so a partner stores it and resumes from it later.",
            required = true)
        String cursor,
    @Schema(
            description =
                "True when more changes are already available; false when the partner is caught up"
                    + " (poll again later with `cursor`).",
            required = true)
        boolean hasMore,
    @Schema(
            description =
                "Link to the next page (`after` = `cursor`, the same filters); absent when caught"
                    + " up.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String next)
    implements CsvTable {

  /** The page as the feed answers it: with the link that continues it when more is available. */
  static ChangeFeed of(List<FeedEvent> items, String cursor, boolean hasMore) {
    return new ChangeFeed(items, cursor, hasMore, null);
  }

  /** This page with its {@code next} link, built from the request that asked for it. */
  public ChangeFeed linked(UriInfo uri) {
    if (!hasMore) {
      return this;
    }
    java.net.URI link = uri.getRequestUriBuilder().replaceQueryParam("after", cursor).build();
    return new ChangeFeed(items, cursor, true, link.getRawPath() + "?" + link.getRawQuery());
  }

  @Override
  public Iterable<?> csvRows() {
    return items;
  }

  @Override
  public String csvNext() {
    return next;
  }
}
