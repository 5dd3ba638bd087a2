package org.eurasia.registry.platform.changes;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        boolean hasMore) {}
