package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each breaking-change rule seen failing on a mutated copy of a small contract, and the additions
 * this round makes (deprecated aliases, {@code required} on responses, {@code text/csv}) seen
 * passing. A schema several places share is reported once, at the first place that reaches it.
 */
class ContractCompatibilityRulesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String RELEASED =
      """
      openapi: 3.1.0
      info: {title: t, version: 1.0.0}
      paths:
        /things:
          get:
            parameters:
            - {name: country, in: query, schema: {type: string, pattern: "^[A-Z]{2}$"}}
            - {name: status, in: query, schema: {$ref: "#/components/schemas/Status"}}
            - {name: limit, in: query, schema: {type: integer, maximum: 100}}
            responses:
              "200":
                description: ok
                headers: {ETag: {schema: {type: string}}}
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
              "404": {description: missing}
          post:
            parameters:
            - {name: Idempotency-Key, in: header, schema: {type: string}}
            requestBody:
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/NewThing"}
            responses:
              "201": {description: created}
        /things/{id}:
          delete:
            parameters:
            - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
            responses:
              "204": {description: gone}
      components:
        schemas:
          Status: {type: string, enum: [OPEN, CLOSED]}
          Thing:
            type: object
            required: [id]
            properties:
              id: {type: string, format: uuid}
              name: {type: string}
              status: {$ref: "#/components/schemas/Status"}
              parts: {type: array, items: {$ref: "#/components/schemas/Thing"}}
          NewThing:
            type: object
            additionalProperties: false
            required: [name]
            properties:
              name: {type: string, maxLength: 200}
              note: {type: string}
              size: {type: number}
              status: {$ref: "#/components/schemas/Status"}
      """;

  static Stream<Arguments> breakingChanges() {
    return Stream.of(
        breaks(
            "a path removed",
            d -> paths(d).remove("/things/{id}"),
            "DELETE /things/{id}: operation removed"),
        breaks(
            "an operation removed",
            d -> ((ObjectNode) d.at("/paths/~1things")).remove("post"),
            "POST /things: operation removed"),
        breaks(
            "a parameter removed",
            d -> ((ArrayNode) op(d, "get").get("parameters")).remove(0),
            "GET /things parameter query:country: removed"),
        breaks(
            "a parameter made required",
            d -> param(d, 0).put("required", true),
            "GET /things parameter query:country: now required"),
        breaks(
            "a new required parameter",
            d ->
                ((ArrayNode) op(d, "post").get("parameters"))
                    .addObject()
                    .put("name", "If-Match")
                    .put("in", "header")
                    .put("required", true),
            "POST /things parameter header:if-match: new and required"),
        breaks(
            "a parameter's bound narrowed",
            d -> ((ObjectNode) param(d, 2).get("schema")).put("maximum", 50),
            "GET /things parameter query:limit: maximum lowered to 50"),
        breaks(
            "a request enum value removed",
            d -> status(d).remove(1),
            "GET /things parameter query:status: no longer accepts [CLOSED]"),
        breaks(
            "a request property newly required",
            d -> ((ArrayNode) schema(d, "NewThing").get("required")).add("note"),
            "POST /things request application/json.note: newly required"),
        breaks(
            "a request property removed",
            d -> ((ObjectNode) schema(d, "NewThing").get("properties")).remove("note"),
            "POST /things request application/json.note: property removed"),
        breaks(
            "a request type narrowed",
            d -> prop(d, "NewThing", "size").put("type", "integer"),
            "POST /things request application/json.size: type narrowed from number to integer"),
        breaks(
            "a request body made required",
            d -> ((ObjectNode) op(d, "post").get("requestBody")).put("required", true),
            "POST /things request body: now required"),
        breaks(
            "a response status removed",
            d -> ((ObjectNode) op(d, "get").get("responses")).remove("404"),
            "GET /things 404: response status removed"),
        breaks(
            "a response header removed",
            d -> ((ObjectNode) op(d, "get").at("/responses/200")).remove("headers"),
            "GET /things 200 header ETag: removed"),
        breaks(
            "a response property removed (or renamed)",
            d ->
                ((ObjectNode) schema(d, "Thing").get("properties"))
                    .set(
                        "title",
                        ((ObjectNode) schema(d, "Thing").get("properties")).remove("name")),
            "GET /things 200 application/json.name: property removed"),
        breaks(
            "a property of a recursive schema removed (named once, where first reached)",
            d -> ((ObjectNode) schema(d, "Thing").get("properties")).remove("status"),
            "GET /things 200 application/json.status: property removed"),
        breaks(
            "a response property no longer required",
            d -> ((ArrayNode) schema(d, "Thing").get("required")).removeAll(),
            "GET /things 200 application/json.id: no longer required (may be absent)"),
        breaks(
            "a response type widened",
            d -> prop(d, "Thing", "name").putArray("type").add("string").add("null"),
            "GET /things 200 application/json.name: type widened from string to string|null"),
        breaks(
            "a response format changed",
            d -> prop(d, "Thing", "id").remove("format"),
            "GET /things 200 application/json.id: format changed from uuid to null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  void aBreakingChangeIsFound(String change, Consumer<ObjectNode> mutation, String finding) {
    ObjectNode current = released();
    mutation.accept(current);
    List<String> findings = ContractCompatibility.openApi(released(), current);
    assertTrue(findings.contains(finding), change + ": expected " + finding + " in " + findings);
  }

  @Test
  void additionsBreakNothing() {
    ObjectNode current = released();
    paths(current).putObject("/statistics").putObject("get").putObject("responses");
    ArrayNode parameters = (ArrayNode) op(current, "get").get("parameters");
    parameters.addObject().put("name", "organizer").put("in", "query").put("deprecated", true);
    parameters
        .addObject()
        .put("name", "from")
        .put("in", "query")
        .putObject("schema")
        .put("type", "string");
    ((ObjectNode) op(current, "get").get("responses"))
        .putObject("429")
        .put("description", "slow down");
    ((ObjectNode) op(current, "get").at("/responses/200/content"))
        .putObject("text/csv")
        .putObject("schema")
        .put("type", "string");
    ((ArrayNode) schema(current, "Thing").get("required")).add("name").add("status");
    ((ObjectNode) schema(current, "Thing").get("properties"))
        .putObject("country")
        .put("type", "string");
    status(current).add("ARCHIVED");
    prop(current, "NewThing", "name").put("maxLength", 500);
    ((ObjectNode) schema(current, "NewThing").get("properties"))
        .putObject("tags")
        .put("type", "array");

    assertEquals(List.of(), ContractCompatibility.openApi(released(), current));
  }

  @Test
  void aReferenceMadeNullableIsOnlyWidenedToNullItsPropertiesStayCompared() {
    ObjectNode current = released();
    ObjectNode nullableParts =
        ((ObjectNode) schema(current, "Thing").get("properties")).putObject("parts");
    nullableParts.put("type", "array");
    ArrayNode anyOf = nullableParts.putObject("items").putArray("anyOf");
    anyOf.addObject().put("$ref", "#/components/schemas/Thing");
    anyOf.addObject().put("type", "null");

    assertEquals(
        List.of(
            "GET /things 200 application/json.parts[]: type widened from object to object|null"),
        ContractCompatibility.openApi(released(), current));

    // A property of the referenced schema removed is still found behind the anyOf.
    ((ObjectNode) schema(current, "Thing").get("properties")).remove("name");
    assertTrue(
        ContractCompatibility.openApi(released(), current)
            .contains("GET /things 200 application/json.name: property removed"));
  }

  @Test
  void anEventSchemaMayGainOptionalPropertiesAndValues() {
    ObjectNode released = event();
    ObjectNode current = event();
    ((ObjectNode) current.get("properties")).putObject("room").put("type", "string");
    ((ArrayNode) current.at("/properties/status/enum")).add("ARCHIVED");

    assertEquals(List.of(), ContractCompatibility.eventSchema(released, current));
  }

  @Test
  void anEventSchemaMayNotLoseAPropertyRequireANewOneOrNarrow() {
    ObjectNode current = event();
    ((ObjectNode) current.get("properties")).remove("title");
    ((ArrayNode) current.get("required")).add("capacity");
    ((ArrayNode) current.at("/properties/status/enum")).remove(1);
    ((ObjectNode) current.at("/properties/capacity")).put("type", "string");

    assertEquals(
        List.of(
            "title: property removed",
            "capacity: type narrowed from integer to string",
            "status: no longer accepts [CANCELLED]",
            "capacity: newly required"),
        ContractCompatibility.eventSchema(event(), current));
  }

  private static Arguments breaks(String change, Consumer<ObjectNode> mutation, String finding) {
    return Arguments.of(change, mutation, finding);
  }

  private static ObjectNode released() {
    try {
      return (ObjectNode) YAML.readTree(RELEASED);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode event() {
    try {
      return (ObjectNode)
          new ObjectMapper()
              .readTree(
                  """
                  {"type": "object", "additionalProperties": false, "required": ["eventId"],
                   "properties": {"eventId": {"type": "string", "format": "uuid"},
                     "title": {"type": "string"}, "capacity": {"type": "integer", "minimum": 1},
                     "status": {"enum": ["PUBLISHED", "CANCELLED"]}}}
                  """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode paths(JsonNode document) {
    return (ObjectNode) document.get("paths");
  }

  private static ObjectNode op(JsonNode document, String method) {
    return (ObjectNode) document.at("/paths/~1things/" + method);
  }

  private static ObjectNode param(JsonNode document, int index) {
    return (ObjectNode) op(document, "get").get("parameters").get(index);
  }

  private static ObjectNode schema(JsonNode document, String name) {
    return (ObjectNode) document.at("/components/schemas/" + name);
  }

  private static ObjectNode prop(JsonNode document, String schema, String property) {
    return (ObjectNode) schema(document, schema).get("properties").get(property);
  }

  private static ArrayNode status(JsonNode document) {
    return (ArrayNode) schema(document, "Status").get("enum");
  }
}
