package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Confidential data never reaches anyone outside it, on any read surface: every GET operation of
 * the service's committed OpenAPI document (gets, lists, searches, statistics, calendar feeds,
 * their error answers and ETags) is called by outsiders three times —
 *
 * <ol>
 *   <li>A: before the confidential data exists (or changes), with neutral values in place of its
 *       ids and words;
 *   <li>B: after it exists, with the same neutral values: an outsider's answers must not have
 *       changed at all (no new list entry, no count one higher, no different ETag);
 *   <li>C: after it exists, addressing it by its real ids and words: with those replaced by the
 *       neutral ones, the answers must equal B's — a confidential record is indistinguishable from
 *       one that does not exist.
 * </ol>
 *
 * None of the secret's texts may appear in any outsider answer. The same calls made by an insider
 * must show a difference somewhere, which proves the sweep actually reaches the secret (a sweep
 * that reaches nothing cannot fail). Operations are taken from the document, so a new read endpoint
 * is swept without touching the test.
 */
public abstract class ConfidentialitySweepTest {

  /**
   * What identifies the confidential data: parameter values addressing it, and texts no outsider
   * may ever see.
   */
  public record Secret(Map<String, String> values, List<String> texts) {}

  /**
   * Values used in every pass (e.g. a public record linked to the secret, a page size); called
   * before pass A.
   */
  protected Map<String, String> prepare() {
    return Map.of();
  }

  /**
   * Names of the parameters whose values {@link #reveal} supplies; passes A and B use neutral
   * values for them.
   */
  protected abstract Set<String> secretParameters();

  /** Creates or changes the confidential data, between passes A and B. */
  protected abstract Secret reveal();

  /**
   * Tokens of callers who must not see the secret; {@code null} stands for a caller without a
   * token.
   */
  protected abstract List<String> outsiders();

  /** A caller who may see the secret. */
  protected abstract String insider();

  /**
   * The value of a parameter for one operation; by default the value of that name. Override when
   * one name means different records on different paths (an {@code id}).
   */
  protected String value(String template, String parameter, Map<String, String> values) {
    return values.get(parameter);
  }

  /** Removes what differs between two identical requests by nature (a feed's generation time). */
  protected String normalized(String body) {
    return body.replaceAll("(?m)^DTSTAMP:.*\\R", "");
  }

  private CommittedContract contract;
  private JsonNode document;

  @Test
  void outsidersSeeNoTraceOfConfidentialDataOnAnyReadOperation() throws IOException {
    contract = CommittedContract.read();
    document = contract.root();
    Map<String, String> fixed = new HashMap<>(prepare());
    Map<String, String> neutral = new HashMap<>(fixed);
    for (String name : secretParameters()) {
      neutral.put(name, neutralValue(name));
    }
    List<String> callers = new ArrayList<>(outsiders());
    callers.add(insider());

    List<String> labels = urls(neutral);
    List<Answer> before = pass(labels, callers);
    Secret secret = reveal();
    assertEquals(
        secretParameters(),
        secret.values().keySet(),
        "reveal() supplies exactly the secret parameters");
    Map<String, String> real = new HashMap<>(fixed);
    real.putAll(secret.values());
    List<Answer> after = pass(labels, callers);
    List<Answer> addressed = pass(urls(real), callers);

    List<String> leaks = new ArrayList<>();
    int insiderDifferences = 0;
    for (int i = 0; i < before.size(); i++) {
      String key = label(i % callers.size(), callers) + " GET " + labels.get(i / callers.size());
      Answer a = before.get(i);
      Answer b = after.get(i);
      Answer c = addressed.get(i).replaced(secret.values(), neutral);
      if (i % callers.size() == callers.size() - 1) {
        insiderDifferences += (a.equals(b) ? 0 : 1) + (b.equals(c) ? 0 : 1);
        continue;
      }
      if (!a.equals(b)) {
        leaks.add(
            "answer changed when the secret appeared: "
                + key
                + "\n  before "
                + a
                + "\n  after  "
                + b);
      }
      if (!b.equals(c)) {
        leaks.add(
            "addressing the secret differs from addressing nothing: "
                + key
                + "\n  unknown "
                + b
                + "\n  secret  "
                + c);
      }
      for (String text : secret.texts()) {
        if (c.body().contains(text) || b.body().contains(text)) {
          leaks.add("secret text '" + text + "' in " + key);
        }
      }
    }
    System.out.printf(
        "Confidentiality sweep: %d requests per pass, %d insider differences, %d leaks%n",
        before.size(), insiderDifferences, leaks.size());
    leaks.stream().limit(20).forEach(l -> System.out.println("LEAK " + l));
    assertEquals(List.of(), leaks.stream().limit(10).toList());
    assertTrue(
        insiderDifferences > 0,
        "the insider's answers must show the secret, or the sweep reaches nothing");
  }

  /** One answer as compared: status, content type, ETag and the normalized body. */
  private record Answer(int status, String type, String etag, String body) {
    Answer replaced(Map<String, String> values, Map<String, String> neutral) {
      String b = body;
      String e = etag;
      for (Map.Entry<String, String> v : values.entrySet()) {
        b = b.replace(v.getValue(), neutral.get(v.getKey()));
        e = e == null ? null : e.replace(v.getValue(), neutral.get(v.getKey()));
      }
      return new Answer(status, type, e, b);
    }

    @Override
    public String toString() {
      return status
          + " "
          + type
          + " etag="
          + etag
          + " "
          + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
  }

  /** Answers in the order of the URLs, each URL asked by every caller in turn. */
  private List<Answer> pass(List<String> urls, List<String> callers) {
    List<Answer> answers = new ArrayList<>();
    for (String url : urls) {
      for (String caller : callers) {
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (caller != null) {
          request.header("Authorization", TestTokens.bearer(caller));
        }
        Response r = request.get(url);
        answers.add(
            new Answer(
                r.statusCode(), r.contentType(), r.header("ETag"), normalized(r.asString())));
      }
    }
    return answers;
  }

  private static String label(int index, List<String> callers) {
    return index == callers.size() - 1
        ? "insider"
        : "outsider #" + (index + 1) + (callers.get(index) == null ? " (no token)" : "");
  }

  /**
   * The GET requests of the document for these values: each operation once with its path and
   * required parameters, once more per optional query parameter that has a value, and once per
   * value of each enumerated query parameter (a statistics dimension, a status filter).
   */
  private List<String> urls(Map<String, String> values) {
    List<String> urls = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      if (get.isMissingNode()) {
        continue;
      }
      String template = path.getKey();
      String url = template;
      Map<String, String> required = new LinkedHashMap<>();
      Map<String, String> optional = new LinkedHashMap<>();
      Map<String, List<String>> enumerated = new LinkedHashMap<>();
      for (JsonNode parameter : get.path("parameters")) {
        JsonNode p = resolve(parameter);
        String name = p.path("name").asText();
        JsonNode schema = resolve(p.path("schema"));
        String given = value(template, name, values);
        if ("path".equals(p.path("in").asText())) {
          url =
              url.replace(
                  "{" + name + "}", encode(given != null ? given : example(template, p, schema)));
        } else if ("query".equals(p.path("in").asText())) {
          if (given != null) {
            (p.path("required").asBoolean() ? required : optional).put(name, given);
          } else if (schema.has("enum")) {
            List<String> all = new ArrayList<>();
            schema.get("enum").forEach(v -> all.add(v.asText()));
            enumerated.put(name, all);
            if (p.path("required").asBoolean()) {
              required.put(name, all.get(0));
            }
          } else if (p.path("required").asBoolean()) {
            required.put(name, example(template, p, schema));
          }
        }
      }
      urls.add(url + query(required, Map.of()));
      for (Map.Entry<String, String> o : optional.entrySet()) {
        urls.add(url + query(required, Map.of(o.getKey(), o.getValue())));
      }
      for (Map.Entry<String, List<String>> e : enumerated.entrySet()) {
        for (String v : e.getValue()) {
          Map<String, String> with = new LinkedHashMap<>(required);
          with.put(e.getKey(), v);
          urls.add(url + query(with, Map.of()));
        }
      }
    }
    // Not de-duplicated: the passes line up by position.
    return urls;
  }

  private static String query(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new LinkedHashMap<>(a);
    all.putAll(b);
    StringBuilder q = new StringBuilder();
    all.forEach(
        (k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(encode(v)));
    return q.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The document's example, or a fixed value of the right shape: the same in every pass. */
  private static String example(String template, JsonNode parameter, JsonNode schema) {
    if (parameter.has("example")) {
      return parameter.get("example").asText();
    }
    if (schema.has("example")) {
      return schema.get("example").asText();
    }
    return "uuid".equals(schema.path("format").asText())
        ? UUID.nameUUIDFromBytes(
                (template + parameter.path("name").asText()).getBytes(StandardCharsets.UTF_8))
            .toString()
        : "1";
  }

  /**
   * A value of the parameter's shape that names nothing: a fresh UUID (for a parameter the document
   * declares as one, or a name ending in {@code Id} that only {@link #value} maps), or a word no
   * record contains.
   */
  private String neutralValue(String name) {
    if (name.endsWith("Id")) {
      return UUID.randomUUID().toString();
    }
    for (JsonNode path : document.path("paths")) {
      for (JsonNode operation : path) {
        for (JsonNode parameter : operation.path("parameters")) {
          JsonNode p = resolve(parameter);
          if (name.equals(p.path("name").asText())
              && "uuid".equals(resolve(p.path("schema")).path("format").asText())) {
            return UUID.randomUUID().toString();
          }
        }
      }
    }
    return "zqneutral" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode resolve(JsonNode node) {
    return contract.resolve(node);
  }
}
