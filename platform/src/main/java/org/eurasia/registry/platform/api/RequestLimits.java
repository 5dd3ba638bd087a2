package org.eurasia.registry.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemMappers;
import org.eurasia.registry.platform.problem.ProblemType;

/**
 * Cheap refusal of oversized input, before any work is done: a body declared larger than {@code
 * quarkus.http.limits.max-body-size} gets a 413 problem at once (the HTTP layer alone would answer
 * with an empty body). Deeply nested JSON is refused by the parser ({@link JsonLimits}).
 */
@Singleton
public class RequestLimits {

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
  MemorySize maxBodySize;

  @Inject ObjectMapper json;

  void refuseOversizedBodies(@Observes Router router) {
    long limit = maxBodySize.asLongValue();
    // Runs before the body is read: the declared length is enough to refuse.
    router
        .route()
        .order(Integer.MIN_VALUE + 10)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && isLarger(length, limit)) {
                String body =
                    ProblemMappers.render(
                        json,
                        Problem.of(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + limit + " bytes"),
                        ctx.request().path());
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body);
                return;
              }
              ctx.next();
            });
  }

  private static boolean isLarger(String length, long limit) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
