package org.eurasia.registry.platform.pagination;

import java.util.List;
import java.util.function.Function;

/**
 * One page of rows as the application layer sees it: the items and, when more follow, the cursor
 * after the last one. Queries fetch {@code limit + 1} rows; the extra row only tells that another
 * page exists.
 */
public record Slice<T>(List<T> items, Cursor next) {

  public static <T> Slice<T> fromOverfetch(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
    if (rows.size() <= limit) {
      return new Slice<>(List.copyOf(rows), null);
    }
    List<T> page = List.copyOf(rows.subList(0, limit));
    return new Slice<>(page, cursorOf.apply(page.get(limit - 1)));
  }

  public <R> Slice<R> map(Function<T, R> mapper) {
    return new Slice<>(items.stream().map(mapper).toList(), next);
  }
}
