package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The committed contract's response shapes hold for real answers: every property a schema marks
 * {@code required} is present. Reads every list the contract offers (as a registrar, so private
 * records count too; operations with required parameters are left out), then each list's first item
 * through its {@code /{id}} operation, and a 404 problem. A service runs it by extending it with
 * {@code @QuarkusTest}.
 */
public abstract class ResponseShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommittedContract contract = CommittedContract.read();

  @Test
  void everyPropertyTheContractMarksRequiredIsPresent() throws IOException {
    Faults faults = sweep();
    assertTrue(faults.absent.isEmpty(), faults.summary(faults.absent));
  }

  /**
   * What the answers showed: missing required members, and nulls where the contract does not allow
   * them (by schema.property; not yet asserted: the views must first say which may be null).
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
    Iterator<Map.Entry<String, JsonNode>> paths = contract.root().path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      if (get.isMissingNode() || path.getKey().contains("{") || hasRequiredParameter(get)) {
        continue;
      }
      JsonNode body = check(path.getKey(), get, faults);
      JsonNode first = body == null ? null : body.path("items").path(0);
      JsonNode one = contract.root().path("paths").path(path.getKey() + "/{id}").path("get");
      if (first != null && first.hasNonNull("id") && !one.isMissingNode()) {
        check(path.getKey() + "/" + first.get("id").asText(), one, faults);
      }
      if (!one.isMissingNode() && !one.path("responses").path("404").isMissingNode()) {
        check(path.getKey() + "/" + new UUID(0, 0), one, faults);
      }
    }
    assertTrue(faults.checked > 0, "no response checked");
    return faults;
  }

  private static boolean hasRequiredParameter(JsonNode operation) {
    for (JsonNode parameter : operation.path("parameters")) {
      if (parameter.path("required").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** Reads one URL and checks its JSON body against the documented response; returns the body. */
  private JsonNode check(String url, JsonNode operation, Faults faults) throws IOException {
    Response response =
        given()
            .header("Authorization", "Bearer " + TestTokens.registrar())
            .accept("application/json, application/problem+json")
            .get(url);
    String status = String.valueOf(response.statusCode());
    String type = response.contentType() == null ? "" : response.contentType().split(";")[0];
    if (!type.endsWith("json")) {
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

  private void conforms(
      String where, String at, String owner, JsonNode value, JsonNode declared, Faults faults) {
    JsonNode schema = contract.resolve(declared);
    if (value.isNull()) {
      if (!allowsNull(declared) && !allowsNull(schema)) {
        faults.nulls.putIfAbsent(owner, owner + ": null, e.g. " + where + at);
      }
      return;
    }
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
      for (int i = 0; i < value.size() && i < 3; i++) {
        conforms(where, at + "[" + i + "]", owner, value.get(i), schema.get("items"), faults);
      }
    }
  }

  /** A schema without a type (any value) or whose type lists {@code null}. */
  private static boolean allowsNull(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isMissingNode() && !schema.has("$ref") && !schema.has("properties")) {
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
