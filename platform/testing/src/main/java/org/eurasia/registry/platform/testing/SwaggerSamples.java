package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * The request body Swagger UI (5.x) pre-fills from a schema when the media type has no example:
 * every writable property, each from its own {@code example}/{@code examples} when it has one (a
 * {@code $ref}'s sibling keywords win over the target's), else {@code const}, {@code default}, the
 * first {@code enum} value, or a placeholder by type and format; a map gains {@code
 * additionalProp1…3}.
 */
final class SwaggerSamples {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SwaggerSamples() {}

  static JsonNode of(CommittedContract contract, JsonNode schema) {
    return sample(contract, schema, 0);
  }

  private static JsonNode sample(CommittedContract contract, JsonNode node, int depth) {
    JsonNode schema = merged(contract, node);
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
      return schema.get("examples").get(0);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.has("default")) {
      return schema.get("default");
    }
    if (schema.path("enum").isArray() && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0);
    }
    for (String choice : new String[] {"oneOf", "anyOf"}) {
      if (schema.path(choice).isArray() && schema.get(choice).size() > 0) {
        return sample(contract, schema.get(choice).get(0), depth + 1);
      }
    }
    String type = type(schema);
    if (depth > 8) {
      return NODES.nullNode();
    }
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields();
            p.hasNext(); ) {
          Map.Entry<String, JsonNode> property = p.next();
          if (merged(contract, property.getValue()).path("readOnly").asBoolean()) {
            continue;
          }
          object.set(property.getKey(), sample(contract, property.getValue(), depth + 1));
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() || additional.asBoolean(false)) {
          for (int i = 1; i <= 3; i++) {
            object.set(
                "additionalProp" + i,
                additional.isObject()
                    ? sample(contract, additional, depth + 1)
                    : NODES.objectNode());
          }
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(sample(contract, schema.path("items"), depth + 1));
        return array;
      }
      case "integer", "number" -> {
        return schema.has("minimum") ? schema.get("minimum") : NODES.numberNode(0);
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      default -> {
        return NODES.textNode(
            switch (schema.path("format").asText()) {
              case "uuid" -> SwaggerUiTest.SWAGGER_SAMPLE_UUID;
              case "date-time" ->
                  OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
              case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
              case "email" -> "user@example.com";
              case "uri", "url" -> "https://example.com/";
              default -> "string";
            });
      }
    }
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    if (type.isTextual()) {
      return type.asText();
    }
    if (schema.has("properties") || schema.has("additionalProperties")) {
      return "object";
    }
    return schema.has("items") ? "array" : "string";
  }

  /** A schema with its {@code $ref} followed and {@code allOf} folded in; siblings win. */
  private static JsonNode merged(CommittedContract contract, JsonNode node) {
    ObjectNode result = NODES.objectNode();
    if (node.has("$ref")) {
      JsonNode target =
          merged(contract, contract.resolve(NODES.objectNode().set("$ref", node.get("$ref"))));
      result.setAll((ObjectNode) target.deepCopy());
    }
    for (JsonNode part : node.path("allOf")) {
      JsonNode resolved = merged(contract, part);
      resolved
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("properties") && result.has("properties")) {
                  ((ObjectNode) result.get("properties")).setAll((ObjectNode) e.getValue());
                } else {
                  result.set(e.getKey(), e.getValue());
                }
              });
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("$ref") && !e.getKey().equals("allOf")) {
                result.set(e.getKey(), e.getValue());
              }
            });
    return result;
  }
}
