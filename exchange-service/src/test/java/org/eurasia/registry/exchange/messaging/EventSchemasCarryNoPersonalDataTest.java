package org.eurasia.registry.exchange.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: published events carry ids and states, never people. Reads every committed event schema
 * of the three services ({@code <service>/contract/events/*.schema.json}) and fails on a property
 * whose name says it holds personal data or free text written about someone. Plain JUnit: it reads
 * files only, so it lives in one service and looks at its siblings.
 */
class EventSchemasCarryNoPersonalDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> SERVICES =
      List.of("agreements-service", "exchange-service", "events-service");

  /**
   * Names that hold a person's identity or contact (name, e-mail, phone, birth date, address,
   * passport, gender, nationality) or free text that tends to be written about a person (reason,
   * note, comment, remark, message, motivation).
   */
  static final Pattern PERSONAL =
      Pattern.compile(
          "name|mail|phone|mobile|birth|address|passport|gender|nationality|reason|note|comment|remark|message|motivation");

  /**
   * Properties whose name matches {@link #PERSONAL} but that hold nothing about a person, each with
   * why: {@code schema file#path}.
   */
  static final Map<String, String> NOT_PERSONAL =
      Map.of(
          "registry.organization.v1.schema.json#names",
          "an organization's names, per language",
          "registry.framework.v1.schema.json#names",
          "a cooperation framework's names, per language",
          "registry.venture.v1.schema.json#name",
          "a joint venture's name, per language",
          "registry.program.v1.schema.json#suspensionReason",
          "why a programme is suspended: about the programme, withheld under confidential agreements",
          "registry.event.v1.schema.json#cancellationReason",
          "why an event is cancelled: about the event",
          "registry.mobility.v1.schema.json#attention.reason",
          "an enum naming the agreement's state (AGREEMENT_SUSPENDED…), no free text");

  @Test
  void noPublishedEventSchemaHasAPersonalField() throws IOException {
    List<Path> schemas = schemas();
    assertTrue(schemas.size() >= 10, "expected the three services' event schemas, read " + schemas);
    List<String> found = new ArrayList<>();
    for (Path schema : schemas) {
      String file = schema.getFileName().toString();
      for (String property : properties(JSON.readTree(schema.toFile()), "")) {
        String leaf = property.substring(property.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (PERSONAL.matcher(leaf).find() && !NOT_PERSONAL.containsKey(file + "#" + property)) {
          found.add(file + "#" + property);
        }
      }
    }
    assertEquals(
        List.of(),
        found,
        "events carry ids and states, not people: remove these fields (a removal goes into"
            + " contract/baseline/accepted-changes.txt), or allow one in NOT_PERSONAL saying why");
  }

  @Test
  void theCheckRecognisesPersonalFields() {
    for (String personal :
        List.of("name", "givenName", "email", "phone", "birthDate", "reason", "note", "comment")) {
      assertTrue(PERSONAL.matcher(personal.toLowerCase(Locale.ROOT)).find(), personal);
    }
  }

  private static List<Path> schemas() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String service : SERVICES) {
      Path dir = Path.of("..", service, "contract", "events");
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.toString().endsWith(".schema.json")).sorted().forEach(all::add);
      }
    }
    return all;
  }

  /** Every property path of a schema, nested objects and array items included (dotted). */
  private static List<String> properties(JsonNode schema, String prefix) {
    List<String> paths = new ArrayList<>();
    if (schema == null || !schema.isObject()) {
      return paths;
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              paths.add(prefix + p.getKey());
              paths.addAll(properties(p.getValue(), prefix + p.getKey() + "."));
            });
    paths.addAll(properties(schema.get("items"), prefix));
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      schema.path(combinator).forEach(s -> paths.addAll(properties(s, prefix)));
    }
    for (String defs : List.of("$defs", "definitions")) {
      schema.path(defs).forEach(s -> paths.addAll(properties(s, prefix)));
    }
    return paths;
  }
}
