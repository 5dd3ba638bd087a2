package org.eurasia.registry.platform.csv;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eurasia.registry.platform.security.Caller;

/**
 * Whether this request asked for {@code text/csv}, and how many rows its answer may then hold. A
 * CSV answer is one page as large as the caller's ceiling ({@link CsvConfig}), or the request's own
 * {@code limit} when it names one (never above the ceiling); more rows follow through the {@code
 * Link: rel="next"} header.
 */
// Looked up by Paging (a record JAX-RS builds, which cannot be injected), hence unremovable.
@Unremovable
@RequestScoped
public class CsvExport {

  public static final String TEXT_CSV = "text/csv";

  @Inject CurrentVertxRequest current;

  @Inject Caller caller;

  @Inject CsvConfig config;

  /** The request's CSV state; outside a request (a unit test), a request that did not ask. */
  public static int rows(int limit) {
    var container = Arc.container();
    if (container == null || !container.requestContext().isActive()) {
      return limit;
    }
    return container.instance(CsvExport.class).get().pageSize(limit);
  }

  int pageSize(int limit) {
    HttpServerRequest request = request();
    if (request == null || !requested(request.getHeader("Accept"))) {
      return limit;
    }
    return request.getParam("limit") != null ? Math.min(limit, ceiling()) : ceiling();
  }

  /** The most rows one CSV answer to this caller holds. */
  public int ceiling() {
    return caller.isAnonymous() ? config.anonymousMaxRows() : config.authenticatedMaxRows();
  }

  private HttpServerRequest request() {
    return current.getCurrent() == null ? null : current.getCurrent().request();
  }

  /**
   * True when the most preferred media range is {@code text/csv}, as content negotiation between
   * JSON and CSV decides: the highest quality wins, and among equals the first named.
   */
  static boolean requested(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> ranges =
        Stream.of(accept.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(CsvExport::parse)
            .filter(m -> m != null)
            .sorted(Comparator.comparingDouble(CsvExport::quality).reversed())
            .toList();
    if (ranges.isEmpty()) {
      return false;
    }
    MediaType first = ranges.get(0);
    return "text".equalsIgnoreCase(first.getType()) && "csv".equalsIgnoreCase(first.getSubtype());
  }

  private static MediaType parse(String range) {
    try {
      return MediaType.valueOf(range);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static double quality(MediaType type) {
    try {
      return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
