package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cursors are the caller's input: every list of the service's committed OpenAPI document (each GET
 * with a {@code cursor} parameter) is asked for a page with real cursors taken apart and forged —
 * each value replaced by text of every other shape (timestamps out of range, non-canonical UUIDs,
 * huge and negative numbers, SQL, path traversal, wide and bidirectional characters, 300
 * characters), values added and removed, bytes that are not base64 or not UTF-8, and the cursors of
 * the other lists. Every answer must be a 200 (a forged value that happens to be a valid position
 * is just a position) or a 400 problem naming {@code cursor}; never a 5xx or any other error. At
 * least one forgery per list must reach the 400, which proves the sweep reaches the check.
 */
public abstract class ForgedCursorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEPARATOR = "\u001f";
  private static final List<String> FORGED_VALUES =
      List.of(
          "",
          " ",
          "2026-13-45T99:99:99Z",
          "+999999999-12-31T23:59:59Z",
          "00000000-0000-0000-0000-00000000000G",
          "0-0-0-0-0",
          "-1",
          "9223372036854775808",
          "1e400",
          "NaN",
          "-Infinity",
          "' OR '1'='1",
          "\"; DROP TABLE outbox_event; --",
          "../../etc/passwd",
          "ＰＫ-ＢＹ",
          "\u202Eevil",
          "%00",
          "x".repeat(300),
          "CODE",
          "RELEVANCE",
          "UPDATED");

  /** A token that may read every list (a registrar's). */
  protected String reader() {
    return TestTokens.registrar();
  }

  /**
   * Values for a list's required parameters, by name (path ids of seeded records, say); examples
   * otherwise.
   */
  protected Map<String, String> parameters() {
    return Map.of();
  }

  @Test
  void forgedAndHandMadeCursorsAreA400ProblemNeverAFailure() throws IOException {
    Map<String, String> lists = lists(CommittedContract.read());
    assertTrue(!lists.isEmpty(), "the document has lists with cursors");
    Map<String, List<String>> realValues = new LinkedHashMap<>();
    for (Map.Entry<String, String> list : lists.entrySet()) {
      realValues.put(list.getKey(), cursorValues(list.getValue()));
    }
    List<String> faults = new ArrayList<>();
    int sent = 0;
    for (Map.Entry<String, String> list : lists.entrySet()) {
      List<String> tokens = new ArrayList<>();
      List<String> values = realValues.get(list.getKey());
      if (values == null) {
        // No page with a next cursor here: hand-made cursors of one to four values instead.
        values =
            List.of(
                "PK-BY/MOU/2021/ST-014", UUID.randomUUID().toString(), "2026-11-30T00:00:00Z", "1");
        for (int arity = 1; arity <= values.size(); arity++) {
          tokens.add(encode(values.subList(0, arity)));
        }
      }
      for (int i = 0; i < values.size(); i++) {
        for (String forged : FORGED_VALUES) {
          List<String> changed = new ArrayList<>(values);
          changed.set(i, forged);
          tokens.add(encode(changed));
        }
      }
      List<String> longer = new ArrayList<>(values);
      longer.add("extra");
      tokens.add(encode(longer));
      if (values.size() > 1) {
        tokens.add(encode(values.subList(0, values.size() - 1)));
      }
      tokens.add("not*base64");
      tokens.add(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(new byte[] {(byte) 0xC3, 0x28, 0x1f, 0x41}));
      tokens.add("A".repeat(2000));
      realValues.forEach(
          (other, v) -> {
            if (!other.equals(list.getKey()) && v != null) {
              tokens.add(encode(v));
            }
          });
      // A list under a record the reader cannot have here (a webhook's deliveries: webhooks are
      // made at run time) answers 404 without a cursor; a well-formed cursor may get the same
      // answer, a forged one must still be refused first.
      int baseline =
          given()
              .header("Authorization", TestTokens.bearer(reader()))
              .urlEncodingEnabled(false)
              .get(list.getValue())
              .statusCode();
      int refused = 0;
      for (String token : tokens) {
        Response r =
            given()
                .header("Authorization", TestTokens.bearer(reader()))
                .urlEncodingEnabled(false)
                .get(
                    list.getValue()
                        + separator(list.getValue())
                        + "cursor="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        sent++;
        if (r.statusCode() == 400) {
          JsonNode problem = JSON.readTree(r.asString());
          if (!r.contentType().startsWith("application/problem+json")
              || !"cursor".equals(problem.path("errors").path(0).path("field").asText())) {
            faults.add(
                list.getKey() + " cursor " + token + ": 400 not naming cursor: " + r.asString());
          }
          refused++;
        } else if (r.statusCode() != 200 && !(baseline == 404 && r.statusCode() == 404)) {
          faults.add(
              list.getKey() + " cursor " + token + ": " + r.statusCode() + " " + r.asString());
        }
      }
      if (refused == 0) {
        faults.add(
            list.getKey()
                + ": no forged cursor was refused, so the sweep does not reach its check");
      }
    }
    System.out.printf(
        "Forged cursors: %d lists, %d requests, %d faults%n", lists.size(), sent, faults.size());
    faults.stream().limit(30).forEach(f -> System.out.println("CURSOR " + f));
    assertEquals(List.of(), faults.stream().limit(15).toList());
  }

  /**
   * The values of a real next cursor of this list (a page of one), or null when the list has no
   * second page.
   */
  private List<String> cursorValues(String url) throws IOException {
    Response r =
        given()
            .header("Authorization", TestTokens.bearer(reader()))
            .urlEncodingEnabled(false)
            .get(url + separator(url) + "limit=1");
    if (r.statusCode() != 200) {
      return null;
    }
    String next = JSON.readTree(r.asString()).path("nextCursor").asText(null);
    if (next == null) {
      return null;
    }
    String raw = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
    return List.of(raw.split(SEPARATOR, -1));
  }

  private static String separator(String url) {
    return url.contains("?") ? "&" : "?";
  }

  private static String encode(List<String> values) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * operationId → URL (path ids and required query parameters filled) of every GET that takes a
   * cursor.
   */
  private Map<String, String> lists(CommittedContract contract) {
    JsonNode document = contract.root();
    Map<String, String> lists = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      boolean paged = false;
      for (JsonNode parameter : get.path("parameters")) {
        paged |= "cursor".equals(contract.resolve(parameter).path("name").asText());
      }
      if (paged) {
        lists.put(
            get.path("operationId").asText(),
            contract.exampleUrl(path.getKey(), get, parameters()));
      }
    }
    return lists;
  }
}
