package org.eurasia.registry.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character (U+0000, sent as {@code %00}) in any query parameter or path segment: PostgreSQL cannot store
 * or compare text containing it and would fail the statement. The 400 names the parameter. (Found by the OpenAPI
 * fuzzer: {@code /events?q=%00} was a 500.) A NUL inside a JSON body is caught by the database-error mapping instead.
 */
@ApplicationScoped
public class NulCharacters {

  @ServerRequestFilter(preMatching = true)
  public void refuse(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
      if (parameter.getKey().indexOf('\u0000') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
        throw ProblemException.invalidField(parameter.getKey().replace("\u0000", ""), "must not contain the NUL character");
      }
    }
    if (request.getUriInfo().getPath(true).indexOf('\u0000') >= 0) {
      throw ProblemException.invalidField("path", "must not contain the NUL character");
    }
  }
}
