package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed contract's response shapes hold for real answers: every property a schema marks
 * {@code required} is present. Reads every list the contract offers (as a registrar, so private
 * records count too), then what each list's first item leads to (its {@code /{id}}, its sub-lists
 * and their first items; a required {@code xId} query parameter is filled from {@code /api/v1/xs};
 * a required enumeration is read with each value, as statistics by each {@code groupBy}; other
 * required query parameters leave the operation out), a 404 problem, and the service's {@link
 * #extraReads} (a diff between seeded versions, calendar feeds — whose media type is checked). A
 * service runs it by extending it with {@code @QuarkusTest}.
 */
public abstract class ResponseShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommittedContract contract = CommittedContract.read();

  @Test
  void everyPropertyTheContractMarksRequiredIsPresent() throws IOException {
    Faults faults = sweep();
    assertTrue(faults.absent.isEmpty(), faults.summary(faults.absent));
  }

  @Test
  void aPropertyNotDeclaredNullableIsNeverNull() throws IOException {
    Faults faults = sweep();
    assertTrue(faults.nulls.isEmpty(), faults.summary(faults.nulls.values()));
  }

  /**
   * What the answers showed: missing required members, and nulls where the contract does not allow
   * them (by schema.property, with one example each).
   */
  private static final class Faults {
    final List<String> absent = new ArrayList<>();
    final Map<String, String> nulls = new TreeMap<>();
    int checked;

    String summary(java.util.Collection<String> faults) {
      return checked + " responses checked:\n" + String.join("\n", faults);
    }
  }

  private Faults sweep() throws IOException {
    Faults faults = new Faults();
    List<String> paths = new ArrayList<>();
    contract.root().path("paths").fieldNames().forEachRemaining(paths::add);
    // Lists before what they lead to: a path's templates are filled from the answers read before.
    paths.sort(Comparator.comparingLong(path -> path.chars().filter(c -> c == '{').count()));
    Map<String, JsonNode> answers = new HashMap<>();
    for (String path : paths) {
      JsonNode get = contract.root().path("paths").path(path).path("get");
      if (get.isMissingNode()) {
        continue;
      }
      String url = fill(path, answers);
      List<String> queries = queries(get, answers);
      if (url == null || queries.isEmpty()) {
        continue;
      }
      for (String query : queries) {
        JsonNode body = check(url + query, get, faults);
        if (body != null) {
          answers.putIfAbsent(url, body);
        }
      }
      if (path.endsWith("/{id}")
          && path.indexOf('{') == path.length() - 4
          && !get.path("responses").path("404").isMissingNode()) {
        check(path.replace("{id}", new UUID(0, 0).toString()), get, faults);
      }
    }
    for (String url : extraReads()) {
      check(url, operationOf(url), faults);
    }
    assertTrue(faults.checked > 0, "no response checked");
    return faults;
  }

  /**
   * Reads the sweep cannot derive (an operation whose required parameters name versions, a feed
   * whose path ends in {@code .ics}), as concrete URLs into the seed; each is checked against the
   * operation whose path template it matches.
   */
  protected List<String> extraReads() {
    return List.of();
  }

  private JsonNode operationOf(String url) {
    String path = url.split("\\?")[0];
    Iterator<String> templates = contract.root().path("paths").fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      String pattern = template.replaceAll("\\{[^}/]+\\}", "[^/]+").replace(".", "\\.");
      if (path.matches(pattern)) {
        return contract.root().path("paths").path(template).path("get");
      }
    }
    throw new AssertionError(url + " matches no GET operation of the contract");
  }

  /**
   * The path with each template (a whole segment) replaced by the first item of the list read at
   * the path before it: its member of the template's name, else its {@code id}; null if none.
   */
  private static String fill(String path, Map<String, JsonNode> answers) {
    StringBuilder url = new StringBuilder();
    for (String segment : path.substring(1).split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        JsonNode list = answers.get(url.toString());
        JsonNode first = list == null ? null : (list.isArray() ? list : list.path("items")).path(0);
        String name = segment.substring(1, segment.length() - 1);
        JsonNode value = first == null ? null : first.has(name) ? first.get(name) : first.get("id");
        if (value == null || !value.isValueNode()) {
          return null;
        }
        segment = value.asText();
      } else if (segment.contains("{")) {
        return null;
      }
      url.append('/').append(segment);
    }
    return url.toString();
  }

  /**
   * The query strings for the operation's required query parameters: an {@code xId} is the first
   * {@code x} the list {@code /api/v1/xs} showed, and a parameter with an enumeration takes each of
   * its values in turn (statistics by each {@code groupBy}); one "" if none are required, none if
   * one cannot be filled.
   */
  private List<String> queries(JsonNode operation, Map<String, JsonNode> answers) {
    List<String> queries = new ArrayList<>(List.of(""));
    for (JsonNode parameter : operation.path("parameters")) {
      if (!parameter.path("required").asBoolean(false)
          || parameter.path("in").asText().equals("path")) {
        continue;
      }
      String name = parameter.path("name").asText();
      List<String> values = new ArrayList<>();
      JsonNode enumeration = contract.resolve(parameter.path("schema")).path("enum");
      enumeration.forEach(v -> values.add(v.asText()));
      JsonNode list =
          name.endsWith("Id")
              ? answers.get("/api/v1/" + name.substring(0, name.length() - 2) + "s")
              : null;
      JsonNode id = list == null ? null : list.path("items").path(0).get("id");
      if (id != null) {
        values.add(id.asText());
      }
      if (values.isEmpty()) {
        return List.of();
      }
      List<String> longer = new ArrayList<>();
      for (String query : queries) {
        for (String value : values) {
          longer.add(query + (query.isEmpty() ? '?' : '&') + name + '=' + value);
        }
      }
      queries = longer;
    }
    return queries;
  }

  /** Reads one URL and checks its JSON body against the documented response; returns the body. */
  private JsonNode check(String url, JsonNode operation, Faults faults) throws IOException {
    Response response =
        given()
            .header("Authorization", "Bearer " + TestTokens.registrar())
            .accept(accepted(operation) + ", application/problem+json")
            .get(url);
    String status = String.valueOf(response.statusCode());
    String type = response.contentType() == null ? "" : response.contentType().split(";")[0];
    if (!type.endsWith("json")) {
      // Not JSON (a calendar feed): the media type at least must be the one documented.
      faults.checked++;
      boolean documented = false;
      Iterator<String> types =
          operation.path("responses").path(status).path("content").fieldNames();
      while (types.hasNext()) {
        documented |= types.next().split(";")[0].trim().equalsIgnoreCase(type);
      }
      if (!documented) {
        faults.absent.add("GET " + url + ": " + status + " " + type + " is not documented");
      }
      return null;
    }
    JsonNode documented =
        operation.path("responses").path(status).path("content").path(type).path("schema");
    faults.checked++;
    if (documented.isMissingNode()) {
      faults.absent.add("GET " + url + ": " + status + " " + type + " is not documented");
      return null;
    }
    JsonNode body = JSON.readTree(response.asString());
    conforms("GET " + url + " " + status + " ", "", "", body, documented, faults);
    return body;
  }

  /** The operation's answer type: JSON, unless it documents only another one (a calendar). */
  private static String accepted(JsonNode operation) {
    Iterator<String> types = operation.path("responses").path("200").path("content").fieldNames();
    String first = types.hasNext() ? types.next() : "application/json";
    return first.endsWith("json") || first.startsWith("text/csv") ? "application/json" : first;
  }

  private void conforms(
      String where, String at, String owner, JsonNode value, JsonNode declared, Faults faults) {
    if (value.isNull()) {
      if (!allowsNull(declared) && !allowsNull(contract.resolve(declared))) {
        faults.nulls.putIfAbsent(owner, owner + ": null, e.g. " + where + at);
      }
      return;
    }
    declared = nonNull(declared);
    JsonNode schema = contract.resolve(declared);
    if (value.isObject()) {
      String name = declared.path("$ref").asText("");
      String self = name.substring(name.lastIndexOf('/') + 1);
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          faults.absent.add(where + at + "." + required.asText() + ": required, but absent");
        }
      }
      Iterator<Map.Entry<String, JsonNode>> members = value.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        JsonNode property = schema.path("properties").path(member.getKey());
        if (!property.isMissingNode()) {
          conforms(
              where,
              at + "." + member.getKey(),
              self + "." + member.getKey(),
              member.getValue(),
              property,
              faults);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        conforms(where, at + "[" + i + "]", owner, value.get(i), schema.get("items"), faults);
      }
    }
  }

  /**
   * For a nullable reference ({@code anyOf}/{@code oneOf} of it and {@code type: "null"}): the
   * reference; otherwise the schema itself.
   */
  private static JsonNode nonNull(JsonNode schema) {
    for (String composition : List.of("anyOf", "oneOf")) {
      JsonNode alternatives = schema.path(composition);
      if (alternatives.size() == 2) {
        for (int i = 0; i < 2; i++) {
          if (alternatives.get(i).path("type").asText().equals("null")) {
            return alternatives.get(1 - i);
          }
        }
      }
    }
    return schema;
  }

  /**
   * A schema without a type (any value), whose type lists {@code null}, or that is one of a
   * nullable reference's alternatives.
   */
  private static boolean allowsNull(JsonNode schema) {
    if (nonNull(schema) != schema) {
      return true;
    }
    JsonNode type = schema.path("type");
    if (type.isMissingNode()
        && Stream.of("$ref", "properties", "anyOf", "oneOf", "allOf").noneMatch(schema::has)) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    return type.asText().equals("null");
  }
}
