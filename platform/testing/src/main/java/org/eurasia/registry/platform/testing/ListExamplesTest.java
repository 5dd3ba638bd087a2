package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI pre-fills every query parameter's example, so a list operation sent as pre-filled
 * sends all of them at once: generated from the served OpenAPI document, each list operation (a GET
 * without path parameters answering a page of {@code items}) is sent with all its parameters'
 * examples (else their defaults) and must find at least one seeded record. Anonymous, unless the
 * service names the token its examples imply ({@link #token}). The platform's operator queues and
 * webhook subscriptions hold nothing seeded and are left out.
 */
public abstract class ListExamplesTest {

  /** The platform's own lists of things no seed holds: operators' queues, one's subscriptions. */
  private static final List<String> UNSEEDED = List.of("/api/v1/operations/", "/api/v1/webhooks");

  /**
   * The token an operation's examples are meant for (a partner of the example organization), or
   * null.
   */
  protected String token(String operationId) {
    return null;
  }

  /**
   * Lists that are rightly empty on the seed as it ships (a waiting list while seats are free);
   * they must still answer 200 with their examples.
   */
  protected java.util.Set<String> emptyOnTheSeed() {
    return java.util.Set.of();
  }

  @Test
  void everyListFindsSeededRecordsWithItsPrefilledFilters() throws IOException {
    JsonNode document =
        new ObjectMapper()
            .readTree(
                given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    List<String> checked = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      if (path.getKey().contains("{")
          || get.isMissingNode()
          || !answersAPage(document, get)
          || UNSEEDED.stream().anyMatch(path.getKey()::startsWith)) {
        continue;
      }
      String operationId = get.path("operationId").asText();
      Map<String, String> query = new LinkedHashMap<>();
      for (JsonNode parameter : get.path("parameters")) {
        JsonNode resolved = resolve(document, parameter);
        if (!"query".equals(resolved.path("in").asText())) {
          continue;
        }
        JsonNode value = prefilled(resolved);
        if (value != null) {
          query.put(resolved.path("name").asText(), value.asText());
        }
      }
      RequestSpecification request = given().accept("application/json").queryParams(query);
      String token = token(operationId);
      if (token != null) {
        request.header("Authorization", TestTokens.bearer(token));
      }
      Response answer = request.get(path.getKey());
      assertEquals(200, answer.statusCode(), operationId + " " + query + ": " + answer.asString());
      checked.add(operationId);
      if (answer.jsonPath().getList("items").isEmpty() && !emptyOnTheSeed().contains(operationId)) {
        empty.add(operationId + " " + query);
      }
    }
    assertTrue(!checked.isEmpty(), "no list operation found");
    assertTrue(empty.isEmpty(), "pre-filled filters that find nothing: " + empty);
  }

  private static JsonNode prefilled(JsonNode parameter) {
    if (parameter.has("example")) {
      return parameter.get("example");
    }
    JsonNode schema = parameter.path("schema");
    if (schema.has("example")) {
      return schema.get("example");
    }
    return schema.has("default") ? schema.get("default") : null;
  }

  private static boolean answersAPage(JsonNode document, JsonNode operation) {
    JsonNode schema =
        resolve(
            document,
            operation
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema"));
    return schema.path("properties").has("items") && schema.path("properties").has("nextCursor");
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
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
