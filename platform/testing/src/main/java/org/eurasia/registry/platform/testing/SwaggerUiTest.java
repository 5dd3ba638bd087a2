package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What a developer exploring the API in Swagger UI gets: press Authorize with a token, "Try it out"
 * and Execute with what Swagger UI pre-fills. Every operation's request is built from the committed
 * contract the way Swagger UI builds it (the media type's example, else a sample derived from the
 * schema: property examples first, a map without one as {@code additionalProp1…3}, a UUID without
 * one as Swagger's fixed sample UUID; parameter examples; an optional header without an example
 * left out) and sent against the demo data as it ships; it must succeed, or be refused with the
 * status its example explains ({@link #explainedRefusals}). Each write is judged against the seed
 * as it ships: the service's schema is restored after every write. Then headless Chromium renders
 * the real Swagger UI and executes the pre-filled create and list operations (one browser launch,
 * {@code .ci/browser/swagger-ui.mjs}).
 */
public abstract class SwaggerUiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The UUID Swagger UI fills in for a {@code format: uuid} string without an example. */
  static final String SWAGGER_SAMPLE_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  private static final Path BROWSER_TOOLS = Path.of("..", ".ci", "browser");

  @Inject DataSource dataSource;

  private CommittedContract contract;

  /**
   * The token a developer would paste for this operation (the README's {@code token.sh} variants):
   * registrar by default, the operator for the operators' endpoints.
   */
  protected String tokenFor(String operationId, String path) {
    return path.startsWith("/api/v1/operations/") ? TestTokens.operator() : TestTokens.registrar();
  }

  /**
   * Operations whose pre-filled request is refused, by operationId, with the status: each one's
   * example or description says why (a code that must be unique, a record that must be created
   * first). The platform's operations on webhooks, parked events and dead letters name records no
   * demo data holds, and say so; a webhook's target must be the partner's own public HTTPS
   * endpoint, which the example only stands for ({@link #explainedRefusalFields}).
   */
  protected Map<String, Integer> explainedRefusals() {
    Map<String, Integer> refusals = new LinkedHashMap<>();
    refusals.put("createWebhook", 422);
    for (String op :
        List.of(
            "getWebhook",
            "updateWebhook",
            "deleteWebhook",
            "listWebhookDeliveries",
            "getWebhookDelivery",
            "redeliverWebhookDelivery",
            "pingWebhook",
            "resumeWebhook",
            "getDeadLetter",
            "replayDeadLetter",
            "releaseParkedEvent")) {
      refusals.put(op, 404);
    }
    return refusals;
  }

  /** The field an explained 422 must name, by operationId. */
  protected Map<String, String> explainedRefusalFields() {
    return Map.of("createWebhook", "url");
  }

  /**
   * The operations the browser executes as pre-filled: the service's create operations and the list
   * operations partners start from (every operation is sent as pre-filled by the check above).
   */
  protected abstract List<String> browserOperations();

  /** The token the browser authorizes with. */
  protected String browserToken() {
    return TestTokens.registrar();
  }

  @Test
  void everyOperationAnswersItsPrefilledRequestWithSuccessOrTheRefusalItsExampleExplains()
      throws IOException {
    contract = CommittedContract.read();
    List<String> faults = new ArrayList<>();
    int sent = 0;
    try (SeedSnapshot seed = new SeedSnapshot(dataSource)) {
      for (Prefilled request : prefilledRequests()) {
        if (request.missing() != null) {
          faults.add(
              request.operationId() + ": Swagger UI cannot execute it: " + request.missing());
          continue;
        }
        Response response = send(request);
        sent++;
        int status = response.statusCode();
        Integer explained = explainedRefusals().get(request.operationId());
        // Success is always right; an explained refusal is the one status its example names.
        boolean ok = status < 300 || (explained != null && status == explained);
        String field = explainedRefusalFields().get(request.operationId());
        if (ok && status >= 300 && field != null) {
          ok = field.equals(response.jsonPath().getString("errors[0].field"));
        }
        if (!ok) {
          faults.add(
              request.describe()
                  + " -> "
                  + status
                  + (explained == null ? "" : " (explained refusal: " + explained + ")")
                  + " "
                  + abbreviate(response.asString()));
        }
        if (!request.method().equals("get")) {
          seed.restore();
        }
      }
    }
    System.out.printf("Swagger UI pre-fill: %d operations sent, %d faults%n", sent, faults.size());
    assertTrue(faults.isEmpty(), "pre-filled requests that fail:\n" + String.join("\n", faults));
  }

  @Test
  void swaggerUiInHeadlessChromiumExecutesThePrefilledCreateAndListOperations()
      throws IOException, InterruptedException {
    contract = CommittedContract.read();
    Path script = BROWSER_TOOLS.resolve("swagger-ui.mjs");
    assertTrue(
        Files.isDirectory(BROWSER_TOOLS.resolve("node_modules").resolve("playwright-core")),
        "playwright-core is not installed: run `npm ci --prefix .ci/browser` (and `apt-get install"
            + " chromium`) first");
    List<String> operations = browserOperations();
    List<String> known = prefilledRequests().stream().map(Prefilled::operationId).toList();
    assertTrue(known.containsAll(operations), "not in the contract: " + operations);
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    Path out = Files.createTempFile("swagger-ui", ".json");
    // The script's own log (page rendered, each operation's time) goes to a file, printed after:
    // written straight to this JVM's stdout it would corrupt Surefire's channel.
    Path log = Files.createTempFile("swagger-ui", ".log");
    long started = System.nanoTime();
    Process node;
    try (SeedSnapshot seed = new SeedSnapshot(dataSource)) {
      node =
          new ProcessBuilder(
                  "node",
                  script.toString(),
                  "http://localhost:" + port,
                  String.join(",", operations),
                  out.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      node.getOutputStream().write(browserToken().getBytes(StandardCharsets.US_ASCII));
      node.getOutputStream().close();
      boolean done = node.waitFor(60, TimeUnit.SECONDS);
      if (!done) {
        node.destroyForcibly();
      }
      assertTrue(done, "the Swagger UI run did not finish within 60 s");
      seed.restore();
    }
    System.out.print(Files.readString(log));
    Files.deleteIfExists(log);
    assertTrue(node.exitValue() == 0, "swagger-ui.mjs failed (exit " + node.exitValue() + ")");
    JsonNode results = JSON.readTree(out.toFile());
    Files.deleteIfExists(out);
    List<String> faults = new ArrayList<>();
    for (String op : operations) {
      JsonNode status = results.path(op);
      Integer explained = explainedRefusals().get(op);
      boolean ok =
          status.isInt()
              && (explained == null ? status.asInt() < 300 : status.asInt() == explained);
      if (!ok) {
        faults.add(op + " -> " + status);
      }
    }
    System.out.printf(
        "Swagger UI in Chromium: %d operations executed in %d ms, %d faults%n",
        operations.size(), (System.nanoTime() - started) / 1_000_000, faults.size());
    assertTrue(
        faults.isEmpty(),
        "operations whose pre-filled Execute in Swagger UI failed:\n" + String.join("\n", faults));
  }

  /** One operation's request as Swagger UI pre-fills it. */
  record Prefilled(
      String operationId,
      String method,
      String path,
      String url,
      Map<String, String> headers,
      String body,
      String missing) {

    String describe() {
      return operationId
          + " "
          + method.toUpperCase()
          + " "
          + url
          + (headers.isEmpty() ? "" : " " + headers)
          + (body == null ? "" : " body=" + abbreviate(body));
    }
  }

  private Response send(Prefilled request) {
    RequestSpecification spec =
        given()
            .redirects()
            .follow(false)
            .urlEncodingEnabled(false)
            .header(
                "Authorization",
                TestTokens.bearer(tokenFor(request.operationId(), request.path())));
    request.headers().forEach(spec::header);
    if (request.body() != null) {
      spec.contentType("application/json").body(request.body());
    }
    return spec.request(request.method().toUpperCase(), request.url());
  }

  List<Prefilled> prefilledRequests() throws IOException {
    List<Prefilled> requests = new ArrayList<>();
    JsonNode paths = contract.root().path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
        Map.Entry<String, JsonNode> op = o.next();
        if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          continue;
        }
        requests.add(prefilled(path.getKey(), op.getKey(), op.getValue()));
      }
    }
    return requests;
  }

  private Prefilled prefilled(String path, String method, JsonNode operation) throws IOException {
    String url = path;
    StringBuilder query = new StringBuilder();
    Map<String, String> headers = new LinkedHashMap<>();
    String missing = null;
    for (JsonNode p : operation.path("parameters")) {
      JsonNode parameter = contract.resolve(p);
      String name = parameter.path("name").asText();
      String value = parameterExample(parameter);
      switch (parameter.path("in").asText()) {
        case "path" -> {
          if (value == null) {
            missing = "path parameter " + name + " has no example";
          } else {
            url = url.replace("{" + name + "}", encode(value));
          }
        }
        case "query" -> {
          if (value != null) {
            query
                .append(query.isEmpty() ? "?" : "&")
                .append(name)
                .append('=')
                .append(encode(value));
          } else if (parameter.path("required").asBoolean()) {
            missing = "required query parameter " + name + " has no example";
          }
        }
        case "header" -> {
          if (value != null) {
            headers.put(name, value);
          } else if (parameter.path("required").asBoolean()) {
            missing = "required header " + name + " has no example";
          }
        }
        default -> {}
      }
    }
    String body = null;
    JsonNode media = contract.resolve(operation.path("requestBody")).path("content");
    if (media.has("application/json")) {
      JsonNode json = media.get("application/json");
      if (json.has("example")) {
        body = JSON.writeValueAsString(json.get("example"));
      } else if (json.has("examples") && json.get("examples").size() > 0) {
        body =
            JSON.writeValueAsString(
                contract.resolve(json.get("examples").elements().next()).path("value"));
      } else {
        body = JSON.writeValueAsString(SwaggerSamples.of(contract, json.path("schema")));
      }
    }
    return new Prefilled(
        operation.path("operationId").asText(), method, path, url + query, headers, body, missing);
  }

  /** What Swagger UI puts in a parameter's field: its example, else the schema's, else nothing. */
  private String parameterExample(JsonNode parameter) {
    JsonNode value = null;
    if (parameter.has("example")) {
      value = parameter.get("example");
    } else if (parameter.has("examples") && parameter.get("examples").size() > 0) {
      value = contract.resolve(parameter.get("examples").elements().next()).path("value");
    } else {
      JsonNode schema = contract.resolve(parameter.path("schema"));
      if (schema.has("example")) {
        value = schema.get("example");
      } else if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
        value = schema.get("examples").get(0);
      } else if (schema.has("default")) {
        value = schema.get("default");
      }
    }
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.asText()));
      return String.join(",", parts);
    }
    return value.asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String abbreviate(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
