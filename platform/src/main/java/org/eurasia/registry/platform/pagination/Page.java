package org.eurasia.registry.platform.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of every list endpoint: the items and, when more exist, the cursor and link to the
 * next page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
    @Schema(description = "The items of this page, at most `limit`.", required = true)
        List<T> items,
    @Schema(description = "Opaque cursor for the next page; absent on the last page.")
        String nextCursor,
    @Schema(description = "Link to the next page with the same filters; absent on the last page.")
        String next) {

  /** Default page size when a caller gives no {@code limit}. */
  public static final int DEFAULT_LIMIT = 20;

  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = 100;

  public static <T> Page<T> of(Slice<T> slice, UriInfo uri) {
    if (slice.next() == null) {
      return new Page<>(slice.items(), null, null);
    }
    String token = slice.next().encode();
    java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", token).build();
    return new Page<>(slice.items(), token, next.getRawPath() + "?" + next.getRawQuery());
  }
}
