package org.eurasia.registry.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses control characters (NUL, CR, LF, ESC, C1, the Unicode line separators) in any query
 * parameter or path segment, with a 400 naming the parameter: none of them belongs in a search
 * word, code or id, and PostgreSQL cannot even store NUL (found by the OpenAPI fuzzer: {@code
 * /events?q=%00} was a 500). Request bodies get the same rule from {@link TextInput}, field by
 * field.
 */
@ApplicationScoped
public class ControlCharacters {

  @ServerRequestFilter(preMatching = true)
  public void refuse(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters(true).entrySet()) {
      if (refused(parameter.getKey())
          || parameter.getValue().stream().anyMatch(ControlCharacters::refused)) {
        throw ProblemException.invalidField(
            printable(parameter.getKey()), "must not contain control characters");
      }
    }
    if (refused(request.getUriInfo().getPath(true))) {
      throw ProblemException.invalidField("path", "must not contain control characters");
    }
  }

  private static boolean refused(String text) {
    return TextInput.firstRefused(text, false) >= 0;
  }

  private static String printable(String name) {
    StringBuilder clean = new StringBuilder();
    name.chars()
        .filter(c -> !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
        .forEach(c -> clean.append((char) c));
    return clean.isEmpty() ? "query" : clean.toString();
  }
}
