package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eurasia.registry.platform.testing.SchemaCompatibility.Direction;

/**
 * The breaking changes between a released contract and the current one, each as one line a reviewer
 * can read (and, when it is deliberate, accept by name). A change is breaking when a partner built
 * against the release could fail against the current service:
 *
 * <ul>
 *   <li>OpenAPI: a path or operation removed; a parameter removed, made required or added as
 *       required; a request body made required or a request media type dropped; a request schema
 *       narrowed (type, format, enum value, bounds, pattern, a property removed or newly required);
 *       a response status, media type or header removed; a response property removed, no longer
 *       required, or its type widened or format changed. A response enum gaining a value and a
 *       response property gaining {@code required} are not breaking.
 *   <li>Event JSON Schema: every event the released schema admitted must still be admitted (no
 *       property removed or newly required, no type, enum or bound narrowed) — events already in
 *       the log and the change feed are read with the current schema.
 * </ul>
 */
public final class ContractCompatibility {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private ContractCompatibility() {}

  /** Breaking changes from a released OpenAPI document to the current one. */
  public static List<String> openApi(JsonNode baseline, JsonNode current) {
    List<String> findings = new ArrayList<>();
    SchemaCompatibility schemas =
        new SchemaCompatibility(resolver(baseline), resolver(current), findings);
    UnaryOperator<JsonNode> was = resolver(baseline);
    UnaryOperator<JsonNode> is = resolver(current);
    for (Map.Entry<String, JsonNode> path : baseline.path("paths").properties()) {
      JsonNode currentPath = current.path("paths").path(path.getKey());
      for (String method : METHODS) {
        JsonNode before = path.getValue().get(method);
        if (before == null) {
          continue;
        }
        String operation = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
        JsonNode after = currentPath.get(method);
        if (after == null) {
          findings.add(operation + ": operation removed");
          continue;
        }
        parameters(
            operation,
            parameters(was, path.getValue(), before),
            parameters(is, currentPath, after),
            schemas,
            findings);
        requestBody(
            operation,
            was.apply(before.path("requestBody")),
            is.apply(after.path("requestBody")),
            schemas,
            findings);
        responses(
            operation,
            before.path("responses"),
            after.path("responses"),
            was,
            is,
            schemas,
            findings);
      }
    }
    return SchemaCompatibility.distinct(findings);
  }

  /** Breaking changes from a released event JSON Schema to the current one. */
  public static List<String> eventSchema(JsonNode baseline, JsonNode current) {
    List<String> findings = new ArrayList<>();
    new SchemaCompatibility(resolver(baseline), resolver(current), findings)
        .compare("", baseline, current, Direction.SENT);
    return SchemaCompatibility.distinct(findings).stream()
        .map(finding -> finding.startsWith(":") ? "(root)" + finding : finding)
        .toList();
  }

  private static void parameters(
      String operation,
      Map<String, JsonNode> before,
      Map<String, JsonNode> after,
      SchemaCompatibility schemas,
      List<String> findings) {
    for (Map.Entry<String, JsonNode> parameter : before.entrySet()) {
      String name = operation + " parameter " + parameter.getKey();
      JsonNode now = after.get(parameter.getKey());
      if (now == null) {
        findings.add(name + ": removed");
      } else {
        if (now.path("required").asBoolean()
            && !parameter.getValue().path("required").asBoolean()) {
          findings.add(name + ": now required");
        }
        schemas.compare(
            name, parameter.getValue().path("schema"), now.path("schema"), Direction.SENT);
      }
    }
    for (Map.Entry<String, JsonNode> parameter : after.entrySet()) {
      if (!before.containsKey(parameter.getKey())
          && parameter.getValue().path("required").asBoolean()) {
        findings.add(operation + " parameter " + parameter.getKey() + ": new and required");
      }
    }
  }

  /** An operation's parameters and its path's, keyed {@code in:name} (headers case-insensitive). */
  private static Map<String, JsonNode> parameters(
      UnaryOperator<JsonNode> refs, JsonNode pathItem, JsonNode operation) {
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
      for (JsonNode reference : declared) {
        JsonNode parameter = refs.apply(reference);
        String in = parameter.path("in").asText();
        String name = parameter.path("name").asText();
        parameters.put(
            in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name), parameter);
      }
    }
    return parameters;
  }

  private static void requestBody(
      String operation,
      JsonNode before,
      JsonNode after,
      SchemaCompatibility schemas,
      List<String> findings) {
    if (after.path("required").asBoolean() && !before.path("required").asBoolean()) {
      findings.add(operation + " request body: now required");
    }
    for (Map.Entry<String, JsonNode> media : before.path("content").properties()) {
      String where = operation + " request " + media.getKey();
      JsonNode now = after.path("content").get(media.getKey());
      if (now == null) {
        findings.add(where + ": media type no longer accepted");
      } else {
        schemas.compare(where, media.getValue().path("schema"), now.path("schema"), Direction.SENT);
      }
    }
  }

  private static void responses(
      String operation,
      JsonNode before,
      JsonNode after,
      UnaryOperator<JsonNode> was,
      UnaryOperator<JsonNode> is,
      SchemaCompatibility schemas,
      List<String> findings) {
    for (Map.Entry<String, JsonNode> status : before.properties()) {
      String where = operation + " " + status.getKey();
      if (!after.has(status.getKey())) {
        findings.add(where + ": response status removed");
        continue;
      }
      JsonNode then = was.apply(status.getValue());
      JsonNode now = is.apply(after.get(status.getKey()));
      for (Map.Entry<String, JsonNode> header : then.path("headers").properties()) {
        boolean kept =
            now.path("headers").properties().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase(header.getKey()));
        if (!kept) {
          findings.add(where + " header " + header.getKey() + ": removed");
        }
      }
      for (Map.Entry<String, JsonNode> media : then.path("content").properties()) {
        JsonNode current = now.path("content").get(media.getKey());
        if (current == null) {
          findings.add(where + " " + media.getKey() + ": media type removed");
        } else {
          schemas.compare(
              where + " " + media.getKey(),
              media.getValue().path("schema"),
              current.path("schema"),
              Direction.RECEIVED);
        }
      }
    }
  }

  /** Follows local {@code $ref}s ({@code #/components/...}) within one document, up to ten hops. */
  static UnaryOperator<JsonNode> resolver(JsonNode document) {
    return node -> {
      JsonNode current = node;
      for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
        String reference = current.get("$ref").asText();
        if (!reference.startsWith("#/")) {
          return MissingNode.getInstance();
        }
        JsonNode target = document;
        for (String part : reference.substring(2).split("/")) {
          target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        current = target;
      }
      return current;
    };
  }
}
