package org.eurasia.registry.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Compares one JSON Schema with the one a partner built against, in the direction the data flows.
 * What a partner sends (a request, and an event payload the registry must still accept from its own
 * log) must not be narrowed: every value the old schema admitted still passes. What a partner
 * receives (a response) must keep every property, every property it was promised, and no type it
 * did not expect. Both schemas are read with their {@code $ref}s followed by the given resolvers.
 */
final class SchemaCompatibility {

  /** Which way the data flows, seen from the partner. */
  enum Direction {
    /** The partner sends it: narrowing breaks senders. */
    SENT,
    /** The partner receives it: removing or widening breaks readers. */
    RECEIVED
  }

  private static final Set<String> ANY = Set.of();

  private final UnaryOperator<JsonNode> baselineRefs;
  private final UnaryOperator<JsonNode> currentRefs;
  private final List<String> findings;
  // A recursive schema (a tree of nodes) would otherwise be walked forever.
  private final Map<JsonNode, Set<JsonNode>> compared = new IdentityHashMap<>();
  private final Map<JsonNode, JsonNode> readings = new IdentityHashMap<>();

  SchemaCompatibility(
      UnaryOperator<JsonNode> baselineRefs,
      UnaryOperator<JsonNode> currentRefs,
      List<String> findings) {
    this.baselineRefs = baselineRefs;
    this.currentRefs = currentRefs;
    this.findings = findings;
  }

  void compare(String where, JsonNode baselineSchema, JsonNode currentSchema, Direction direction) {
    JsonNode before = nullable(baselineRefs.apply(baselineSchema), baselineRefs);
    JsonNode after = nullable(currentRefs.apply(currentSchema), currentRefs);
    if (before == null || after == null || before.isMissingNode() || after.isMissingNode()) {
      return;
    }
    Set<JsonNode> seen =
        compared.computeIfAbsent(
            before, b -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    if (!seen.add(after)) {
      return;
    }
    types(where, before, after, direction);
    enums(where, before, after, direction);
    format(where, before, after, direction);
    if (direction == Direction.SENT) {
      bounds(where, before, after);
    }
    properties(where, before, after, direction);
    if (before.has("items") && after.has("items")) {
      compare(where + "[]", before.get("items"), after.get("items"), direction);
    }
  }

  /**
   * A nullable reference as SmallRye writes it ({@code anyOf: [{$ref}, {type: null}]}, sometimes
   * beside a {@code type}) read as the referenced schema that also admits null, so its properties
   * are compared rather than lost behind the {@code anyOf}. The same node always yields the same
   * reading, which keeps the recursion guard working.
   */
  private JsonNode nullable(JsonNode schema, UnaryOperator<JsonNode> refs) {
    if (schema == null || !(schema.has("anyOf") || schema.has("oneOf"))) {
      return schema;
    }
    return readings.computeIfAbsent(
        schema,
        s -> {
          JsonNode branches = s.has("anyOf") ? s.get("anyOf") : s.get("oneOf");
          List<JsonNode> values = new ArrayList<>();
          boolean nullBranch = false;
          for (JsonNode branch : branches) {
            if ("null".equals(branch.path("type").asText(null)) && branch.size() == 1) {
              nullBranch = true;
            } else {
              values.add(branch);
            }
          }
          if (!nullBranch || values.size() != 1) {
            return s;
          }
          JsonNode value = refs.apply(values.get(0));
          if (value == null || !value.isObject()) {
            return s;
          }
          // A shallow copy: a recursive schema's resolved tree may reach itself.
          ObjectNode reading = JsonNodeFactory.instance.objectNode();
          reading.setAll((ObjectNode) value);
          Set<String> types = typesOf(value);
          if (types != ANY) {
            ArrayNode type = reading.putArray("type");
            types.forEach(type::add);
            if (!types.contains("null")) {
              type.add("null");
            }
          }
          return reading;
        });
  }

  private void types(String where, JsonNode before, JsonNode after, Direction direction) {
    Set<String> was = typesOf(before);
    Set<String> is = typesOf(after);
    if (direction == Direction.SENT) {
      if (is != ANY && (was == ANY || !accepts(is, was))) {
        findings.add(where + ": type narrowed from " + show(was) + " to " + show(is));
      }
    } else if (was != ANY && (is == ANY || !accepts(was, is))) {
      findings.add(where + ": type widened from " + show(was) + " to " + show(is));
    }
  }

  private void enums(String where, JsonNode before, JsonNode after, Direction direction) {
    if (direction != Direction.SENT || !after.has("enum")) {
      // A response enum may gain values (README, "Compatibility"): readers tolerate unknown ones.
      return;
    }
    if (!before.has("enum")) {
      findings.add(where + ": now limited to " + values(after.get("enum")));
      return;
    }
    Set<String> dropped = values(before.get("enum"));
    dropped.removeAll(values(after.get("enum")));
    if (!dropped.isEmpty()) {
      findings.add(where + ": no longer accepts " + dropped);
    }
  }

  private void format(String where, JsonNode before, JsonNode after, Direction direction) {
    String was = before.path("format").asText(null);
    String is = after.path("format").asText(null);
    boolean changed =
        direction == Direction.SENT
            ? is != null && !is.equals(was)
            : was != null && !was.equals(is);
    if (changed) {
      findings.add(where + ": format changed from " + was + " to " + is);
    }
  }

  private void bounds(String where, JsonNode before, JsonNode after) {
    for (String upper :
        List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")) {
      if (after.has(upper)
          && (!before.has(upper) || after.get(upper).asDouble() < before.get(upper).asDouble())) {
        findings.add(where + ": " + upper + " lowered to " + after.get(upper).asText());
      }
    }
    for (String lower :
        List.of("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")) {
      if (after.has(lower)
          && (!before.has(lower) || after.get(lower).asDouble() > before.get(lower).asDouble())) {
        findings.add(where + ": " + lower + " raised to " + after.get(lower).asText());
      }
    }
    String pattern = after.path("pattern").asText(null);
    if (pattern != null && !pattern.equals(before.path("pattern").asText(null))) {
      findings.add(where + ": pattern changed to " + pattern);
    }
  }

  private void properties(String where, JsonNode before, JsonNode after, Direction direction) {
    JsonNode wasProperties = before.path("properties");
    JsonNode isProperties = after.path("properties");
    String prefix = where.isEmpty() ? "" : where + ".";
    for (Map.Entry<String, JsonNode> property : wasProperties.properties()) {
      String name = property.getKey();
      if (!isProperties.has(name)) {
        findings.add(prefix + name + ": property removed");
      } else {
        compare(prefix + name, property.getValue(), isProperties.get(name), direction);
      }
    }
    Set<String> wasRequired = values(before.path("required"));
    Set<String> isRequired = values(after.path("required"));
    if (direction == Direction.SENT) {
      Set<String> newly = new TreeSet<>(isRequired);
      newly.removeAll(wasRequired);
      newly.forEach(name -> findings.add(prefix + name + ": newly required"));
      if (after.path("additionalProperties").isBoolean()
          && !after.get("additionalProperties").asBoolean()
          && !(before.path("additionalProperties").isBoolean()
              && !before.get("additionalProperties").asBoolean())) {
        findings.add(where + ": no longer admits additional properties");
      }
    } else {
      Set<String> optional = new TreeSet<>(wasRequired);
      optional.removeAll(isRequired);
      optional.stream()
          .filter(isProperties::has)
          .forEach(name -> findings.add(prefix + name + ": no longer required (may be absent)"));
    }
    if (before.path("additionalProperties").isObject()
        && after.path("additionalProperties").isObject()) {
      compare(
          where + "{*}",
          before.get("additionalProperties"),
          after.get("additionalProperties"),
          direction);
    }
  }

  /** The JSON types a schema admits; {@link #ANY} when it says nothing of them. */
  private static Set<String> typesOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    Set<String> types = new LinkedHashSet<>();
    if (type == null) {
      if (schema.has("properties")) {
        types.add("object");
      } else if (schema.has("items")) {
        types.add("array");
      } else if (schema.has("enum")) {
        schema.get("enum").forEach(value -> types.add(jsonType(value)));
      } else {
        return ANY;
      }
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }

  private static String jsonType(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    } else if (value.isIntegralNumber()) {
      return "integer";
    } else if (value.isNumber()) {
      return "number";
    } else if (value.isBoolean()) {
      return "boolean";
    } else if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "array" : "object";
  }

  /**
   * Whether a value of every type in {@code narrower} is one of {@code wider} (integers are
   * numbers).
   */
  private static boolean accepts(Set<String> wider, Set<String> narrower) {
    for (String type : narrower) {
      if (!wider.contains(type) && !(type.equals("integer") && wider.contains("number"))) {
        return false;
      }
    }
    return true;
  }

  private static String show(Set<String> types) {
    return types == ANY ? "any" : String.join("|", types);
  }

  private static Set<String> values(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  static List<String> distinct(List<String> findings) {
    return new ArrayList<>(new LinkedHashSet<>(findings));
  }
}
