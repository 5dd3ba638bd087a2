package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API contract as a reviewed artefact. Each service keeps its OpenAPI document in {@code
 * contract/openapi.yaml}; this suite fails when the running service's document differs, so every
 * API change shows up in review. To accept a change: run the tests with {@code
 * -Dcontract.update=true}, read the diff, commit it.
 *
 * <p>It also checks the conventions every operation must follow (operationId, summary, problem+json
 * errors, paging). A service runs it by extending it with {@code @QuarkusTest}.
 */
public abstract class OpenApiContractTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  protected JsonNode generated() throws IOException {
    String body =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return YAML.readTree(body);
  }

  @Test
  void generatedContractEqualsTheCommittedOne() throws IOException {
    Path committed = Path.of("contract", "openapi.yaml");
    String body =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("contract.update")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, body);
    }
    assertTrue(
        Files.exists(committed),
        "No committed contract at "
            + committed.toAbsolutePath()
            + "; run the tests once with -Dcontract.update=true and review it");
    JsonNode expected = YAML.readTree(committed.toFile());
    JsonNode actual = YAML.readTree(body);
    if (!expected.equals(actual)) {
      Path fresh = Path.of("target", "openapi-generated.yaml");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, body);
      assertEquals(
          Files.readString(committed),
          body,
          "The API changed: compare "
              + committed
              + " with "
              + fresh
              + "; if intended, rerun with -Dcontract.update=true and commit the contract");
    }
  }

  @Test
  void everyOperationHasAnIdASummaryAndProblemJsonErrors() throws IOException {
    List<String> faults = new ArrayList<>();
    forEachOperation(
        generated(),
        (name, operation) -> {
          if (!operation.hasNonNull("operationId")) {
            faults.add(name + ": no operationId");
          }
          if (!operation.hasNonNull("summary")) {
            faults.add(name + ": no summary");
          }
          Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
          boolean anyError = false;
          while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
              anyError = true;
              if (!response.getValue().path("content").has("application/problem+json")) {
                faults.add(
                    name
                        + " "
                        + response.getKey()
                        + ": not documented as application/problem+json");
              }
            }
          }
          if (!anyError && !name.startsWith("GET")) {
            faults.add(name + ": documents no error response");
          }
        });
    assertTrue(faults.isEmpty(), String.join("\n", faults));
  }

  @Test
  void everyListOperationDocumentsLimitAndCursor() throws IOException {
    List<String> faults = new ArrayList<>();
    forEachOperation(
        generated(),
        (name, operation) -> {
          JsonNode ok =
              operation
                  .path("responses")
                  .path("200")
                  .path("content")
                  .path("application/json")
                  .path("schema");
          String ref = ok.path("$ref").asText("");
          if (!ref.contains("Page")) {
            return;
          }
          List<String> params = new ArrayList<>();
          operation.path("parameters").forEach(p -> params.add(p.path("name").asText()));
          if (!params.contains("limit") || !params.contains("cursor")) {
            faults.add(name + ": a list without limit and cursor parameters");
          }
        });
    assertTrue(faults.isEmpty(), String.join("\n", faults));
  }

  @Test
  void aBearerSecuritySchemeIsDeclaredSoSwaggerUiCanAuthorize() throws IOException {
    JsonNode scheme = generated().path("components").path("securitySchemes").path("bearer");
    assertEquals("http", scheme.path("type").asText());
    assertEquals("bearer", scheme.path("scheme").asText());
  }

  @Test
  void schemaNamesAreUniqueAndNoneDescribesAJacksonTree() throws IOException {
    // A name ending in a digit is how the scanner resolves two Java types with one schema name
    // (CountryPair1); a schema with Jackson's node getters is a JsonNode scanned as a bean. Both
    // break or confuse generated clients.
    List<String> faults = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> schemas =
        generated().path("components").path("schemas").fields();
    while (schemas.hasNext()) {
      Map.Entry<String, JsonNode> schema = schemas.next();
      String name = schema.getKey();
      if (Character.isDigit(name.charAt(name.length() - 1))) {
        faults.add(name + ": two Java types share this schema name; give them distinct names");
      }
      if (name.endsWith("Node")
          || name.startsWith("JsonNode")
          || schema.getValue().path("properties").has("nodeType")) {
        faults.add(name + ": a Jackson tree documented as a bean; it holds any JSON value");
      }
    }
    assertTrue(faults.isEmpty(), String.join("\n", faults));
  }

  private static void forEachOperation(
      JsonNode document, java.util.function.BiConsumer<String, JsonNode> action) {
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
      while (operations.hasNext()) {
        Map.Entry<String, JsonNode> operation = operations.next();
        if (METHODS.contains(operation.getKey())) {
          action.accept(
              operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
        }
      }
    }
  }
}
