package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates event payloads against the JSON Schema (draft-07, the dialect AsyncAPI documents embed)
 * their producer owns. Producer tests validate what they emit, consumer tests validate the fixtures
 * they consume, against the same file (addressed by path from the repository root), so the two
 * sides cannot drift apart unnoticed.
 */
public final class EventSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private EventSchemas() {}

  /**
   * A schema file, e.g. {@code
   * agreements-service/contract/events/registry.organization.v1.schema.json}.
   */
  public static Path file(String fromRepositoryRoot) {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("platform").resolve("pom.xml"))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException("Not inside the registry repository");
    }
    return root.resolve(fromRepositoryRoot);
  }

  public static List<Error> errors(Path schemaFile, byte[] payload) {
    try {
      Schema schema = REGISTRY.getSchema(JSON.readTree(Files.readString(schemaFile)));
      JsonNode instance = JSON.readTree(payload);
      return schema.validate(instance);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read schema or payload", e);
    }
  }

  public static void assertValid(Path schemaFile, byte[] payload) {
    List<Error> errors = errors(schemaFile, payload);
    assertTrue(
        errors.isEmpty(),
        "Payload " + new String(payload) + " breaks " + schemaFile.getFileName() + ": " + errors);
  }
}
