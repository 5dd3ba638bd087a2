package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service's committed OpenAPI document ({@code contract/openapi.yaml}, relative to the module),
 * as the generated tests read it: the tree, and {@code $ref}s followed to what they name.
 */
public final class CommittedContract {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode document;

  private CommittedContract(JsonNode document) {
    this.document = document;
  }

  public static CommittedContract read() {
    try {
      return new CommittedContract(YAML.readTree(Path.of("contract", "openapi.yaml").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode root() {
    return document;
  }

  /**
   * The node itself, or what its {@code $ref} (and theirs, up to ten hops) names within the
   * document.
   */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      JsonNode target = document;
      for (String part : current.get("$ref").asText().substring(2).split("/")) {
        target = target.path(part);
      }
      current = target;
    }
    return current;
  }

  /**
   * The value Swagger UI pre-fills for a parameter: its example, else its schema's first example or
   * first enum value, else {@code 1}.
   */
  public String example(JsonNode parameter) {
    if (parameter.has("example")) {
      return parameter.get("example").asText();
    }
    JsonNode schema = resolve(parameter.path("schema"));
    if (schema.has("examples")) {
      return schema.get("examples").get(0).asText();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    return "1";
  }

  /**
   * The URL Swagger UI sends for an operation of this path: path parameters and required query
   * parameters filled with the values {@code given} by name, else with their examples.
   */
  public String exampleUrl(String path, JsonNode operation, Map<String, String> given) {
    String url = path;
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.path("parameters")) {
      JsonNode p = resolve(parameter);
      String name = p.path("name").asText();
      String value = given.getOrDefault(name, example(p));
      if ("path".equals(p.path("in").asText())) {
        url = url.replace("{" + name + "}", value);
      } else if (p.path("required").asBoolean() && "query".equals(p.path("in").asText())) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return url + query;
  }
}
