package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
}
