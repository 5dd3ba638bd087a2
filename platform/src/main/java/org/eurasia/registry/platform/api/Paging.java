package org.eurasia.registry.platform.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.platform.csv.CsvExport;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Page;

/**
 * The two query parameters every list takes: {@code @Valid @BeanParam Paging paging}. Declared once
 * so that every list validates and documents them alike.
 */
public record Paging(
    @QueryParam("limit")
        @DefaultValue("20")
        @Min(1)
        @Max(Page.MAX_LIMIT)
        @Parameter(description = "Page size, 1 to 100.", example = "20")
        int limit,
    @QueryParam("cursor")
        @Size(max = 1024)
        @Parameter(description = "Cursor from the previous page's `nextCursor`.")
        String cursor) {

  /**
   * Where the page starts: the decoded cursor with the number of keys the list's order has, or the
   * first page without one.
   */
  public Cursor position(int keys) {
    return Cursor.decode(cursor, keys);
  }

  /**
   * How many rows to fetch: {@code limit}, or for a {@code text/csv} answer that names no limit,
   * the caller's CSV ceiling ({@code registry.csv.*}).
   */
  public int size() {
    return CsvExport.rows(limit);
  }
}
