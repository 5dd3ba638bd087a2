package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input, driven by the service's committed OpenAPI document: for every operation,
 * requests whose path and query parameters, headers and JSON bodies are built from the document's
 * schemas and then broken — a required field dropped, an unknown field added, a wrong type, a wrong
 * format (dates, zones, country and currency codes, UUIDs), boundary numbers, injection-shaped,
 * oversized and multi-script strings, nesting. Strings come from jqwik's generators. Every answer
 * must be below 500, and every 4xx an {@code application/problem+json} whose validation problems
 * name their field. No request may change data it should not: a refused request and any read leave
 * every table of the service's schema exactly as it was (outbox inserts included, see {@link
 * DataWitness}), and no row that existed before the run is changed or removed by it (path
 * parameters never name an existing record). The seed is fixed per run ({@code -Dfuzz.seed=…}
 * replays one).
 */
public abstract class OpenApiFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> HOSTILE =
      List.of(
          "' OR '1'='1",
          "\"; DROP TABLE organization; --",
          "../../../../etc/passwd",
          "..%2F..%2Fetc%2Fpasswd",
          "%00",
          "\u0000",
          "{\"$gt\": \"\"}",
          "<script>alert(1)</script>",
          "${jndi:ldap://x/a}",
          "#{7*7}",
          "\\\\",
          "null",
          "true",
          "-1",
          "0",
          "9223372036854775808",
          "1e309",
          "NaN",
          "2026-02-30",
          "2026-13-01T25:61:00Z",
          "Asia/Atlantis",
          "+05:00",
          "ZZ",
          "XXX",
          "not-a-uuid",
          "00000000-0000-0000-0000-000000000000",
          "Ω≈ç√∫ 中文 اردو беларуская Қазақ",
          "𝕳𝖊𝖑𝖑𝖔 👩🏽‍🎓",
          "\u202Eevil",
          " ",
          "",
          "a".repeat(5_000));

  /**
   * Requests per operation (`-Dfuzz.requests` to change): with 50–60 operations per service, about
   * 2,000–2,400 per service. Each costs about 30 ms here (building it, the service's answer and a
   * look at the data), so this is one of the suite's largest single costs; the seed changes every
   * run, so runs add up to more, and a seed that found a fault replays with `-Dfuzz.seed`.
   */
  protected int requestsPerOperation() {
    return Integer.getInteger("fuzz.requests", 40);
  }

  /**
   * A token with the widest rights, so requests reach validation rather than stopping at
   * authorization.
   */
  protected abstract String token();

  @Inject DataSource dataSource;

  private Random random;
  private Arbitrary<String> anyString;
  private CommittedContract contract;
  private JsonNode document;

  @Test
  void generatedBadInputNeverCausesA5xxAndEveryRefusalIsAProblemNamingTheField()
      throws IOException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    random = new Random(seed);
    anyString = Arbitraries.strings().all().ofMaxLength(300);
    contract = CommittedContract.read();
    document = contract.root();
    List<String> faults = new ArrayList<>();
    int sent = 0;
    int accepted = 0;
    long started = System.nanoTime();
    long witnessing = 0;
    try (DataWitness witness = new DataWitness(dataSource)) {
      Map<String, List<String>> initialRows = witness.rows();
      Map<String, String> baseline = witness.settled();
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          for (int i = 0; i < requestsPerOperation(); i++) {
            Response response;
            String described;
            try {
              RequestSpecification request =
                  given().redirects().follow(false).urlEncodingEnabled(false);
              if (random.nextInt(10) > 0) {
                request.header("Authorization", TestTokens.bearer(token()));
              }
              StringBuilder what = new StringBuilder(op.getKey().toUpperCase() + " ");
              String url = url(path.getKey(), op.getValue(), request, what);
              if (op.getValue().has("requestBody")) {
                String body = body(op.getValue().path("requestBody"));
                request
                    .contentType(random.nextInt(20) == 0 ? "text/plain" : "application/json")
                    .body(body);
                what.append(" body=")
                    .append(body.length() > 300 ? body.substring(0, 300) + "…" : body);
              }
              if (random.nextInt(4) == 0) {
                request.header(
                    "If-Match", random.nextBoolean() ? "\"" + random.nextInt(5) + "\"" : hostile());
              }
              if (random.nextInt(4) == 0) {
                request.header("Idempotency-Key", hostile());
              }
              described = what.length() > 240 ? what.substring(0, 240) + "…" : what.toString();
              response = request.request(op.getKey().toUpperCase(), url);
            } catch (IllegalArgumentException | IllegalStateException notSendable) {
              // The HTTP client itself refuses some values (control characters in a header);
              // nothing reached the service.
              continue;
            }
            sent++;
            check(response, described, faults);
            boolean write = !"get".equals(op.getKey());
            long looked = System.nanoTime();
            if (write && response.statusCode() < 400) {
              // An accepted write changes data (that is its job) and may start asynchronous work:
              // wait until it is done.
              accepted++;
              baseline = witness.settled();
            } else {
              Map<String, String> now = witness.digest();
              List<String> changed = DataWitness.changed(baseline, now);
              if (!changed.isEmpty()) {
                faults.add(
                    (write ? "refused (" + response.statusCode() + ")" : "read")
                        + " request changed "
                        + changed
                        + ": "
                        + described);
                baseline = witness.settled();
              }
            }
            witnessing += System.nanoTime() - looked;
          }
        }
      }
      Map<String, List<String>> finalRows = witness.rows();
      initialRows.forEach(
          (table, rows) -> {
            List<String> gone = new ArrayList<>(rows);
            gone.removeAll(finalRows.get(table));
            gone.stream()
                .limit(3)
                .forEach(
                    row ->
                        faults.add(
                            "a row that existed before the run was changed or removed in "
                                + table
                                + ": "
                                + row));
          });
    }
    assertTrue(sent > 0, "requests sent");
    System.out.printf(
        "OpenAPI fuzz: %d requests (%d accepted writes), seed %d, %d faults, %d s (%d s watching"
            + " data)%n",
        sent,
        accepted,
        seed,
        faults.size(),
        (System.nanoTime() - started) / 1_000_000_000,
        witnessing / 1_000_000_000);
    faults.stream().limit(40).forEach(f -> System.out.println("FUZZ FAULT " + f));
    assertEquals(
        List.of(), faults.stream().limit(20).toList(), "seed " + seed + ", " + sent + " requests");
  }

  private static void check(Response response, String request, List<String> faults) {
    int status = response.statusCode();
    if (status >= 500) {
      String body = response.asString();
      faults.add(
          status
              + " for "
              + request
              + " → "
              + (body.length() > 300 ? body.substring(0, 300) : body));
      return;
    }
    if (status >= 400) {
      String type = response.contentType() == null ? "" : response.contentType();
      if (!type.startsWith("application/problem+json")) {
        faults.add(status + " without problem+json (" + type + ") for " + request);
        return;
      }
      JsonNode problem;
      try {
        problem = JSON.readTree(response.asString());
      } catch (IOException e) {
        faults.add(status + " with an unreadable problem for " + request);
        return;
      }
      if (problem.path("type").asText().endsWith(":validation-failed")) {
        JsonNode errors = problem.path("errors");
        if (!errors.isArray()
            || errors.isEmpty()
            || errors.get(0).path("field").asText().isBlank()) {
          faults.add("validation problem naming no field for " + request + " → " + problem);
        }
      }
    }
  }

  private String url(
      String template, JsonNode operation, RequestSpecification request, StringBuilder what) {
    String url = template;
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.path("parameters")) {
      JsonNode p = resolve(parameter);
      String in = p.path("in").asText();
      String name = p.path("name").asText();
      // Path parameters never name an existing record (never the document's example ids): the
      // fuzzer must not change
      // or delete data other tests rely on. Queries use examples, since reading changes nothing.
      String value =
          random.nextInt(3) == 0
              ? mutatedScalar(p.path("schema"))
              : "path".equals(in) ? UUID.randomUUID().toString() : exampleOrValid(p);
      if ("path".equals(in)) {
        url =
            url.replace(
                "{" + name + "}",
                URLEncoder.encode(value.isEmpty() ? "x" : value, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
      } else if ("query".equals(in) && random.nextBoolean()) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    url = url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) + query;
    what.append(url);
    return url;
  }

  private String exampleOrValid(JsonNode parameter) {
    if (parameter.has("example")) {
      return parameter.path("example").asText();
    }
    return valid(parameter.path("schema"), 0).asText();
  }

  private String body(JsonNode requestBody) {
    JsonNode schema = requestBody.path("content").path("application/json").path("schema");
    JsonNode value = valid(schema, 0);
    int mutation = random.nextInt(8);
    if (mutation == 0) {
      return anyString.sample();
    }
    if (mutation == 1) {
      return "[".repeat(40) + "]".repeat(40);
    }
    if (value instanceof ObjectNode object && !object.isEmpty()) {
      mutate(object, schema, 0);
    } else {
      value = NODES.textNode(hostile());
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Breaks one field of the object (or, one time in three, of a nested object). */
  private void mutate(ObjectNode object, JsonNode schema, int depth) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      object.put("unexpected", hostile());
      return;
    }
    String field = names.get(random.nextInt(names.size()));
    JsonNode child = object.get(field);
    if (child instanceof ObjectNode nested && depth < 3 && random.nextInt(3) == 0) {
      mutate(nested, property(schema, field), depth + 1);
      return;
    }
    switch (random.nextInt(7)) {
      case 0 -> object.remove(field);
      case 1 -> object.put("unknownField" + random.nextInt(100), hostile());
      case 2 -> object.put(field, hostile());
      case 3 -> object.put(field, random.nextBoolean() ? random.nextLong() : Double.MAX_VALUE);
      case 4 -> object.set(field, NODES.arrayNode().add(hostile()));
      case 5 -> object.putNull(field);
      default -> object.put(field, anyString.sample());
    }
  }

  private String mutatedScalar(JsonNode schema) {
    return random.nextBoolean() ? hostile() : anyString.sample();
  }

  private String hostile() {
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  /**
   * A value that satisfies the schema as far as the document tells (examples first, then types and
   * formats).
   */
  private JsonNode valid(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
    }
    if (schema.has("allOf")) {
      return valid(schema.get("allOf").get(0), depth);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    String format = schema.path("format").asText("");
    return switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        if (depth < 4) {
          for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields();
              p.hasNext(); ) {
            Map.Entry<String, JsonNode> property = p.next();
            object.set(property.getKey(), valid(property.getValue(), depth + 1));
          }
        }
        yield object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        if (depth < 4) {
          array.add(valid(schema.path("items"), depth + 1));
        }
        yield array;
      }
      case "integer", "number" ->
          NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      default ->
          NODES.textNode(
              switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2027-03-01";
                case "date-time" -> "2027-03-01T10:00:00Z";
                default -> "value";
              });
    };
  }

  private JsonNode property(JsonNode schema, String name) {
    return resolve(schema).path("properties").path(name);
  }

  private JsonNode resolve(JsonNode node) {
    return contract.resolve(node);
  }
}
