package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Who may call every write operation, generated from the service's committed OpenAPI document: each
 * POST, PUT, PATCH and DELETE is called with no token, an expired token, a token signed by an
 * unknown key, a wrong issuer, a wrong audience, an unsigned token ({@code alg: none}), an HS256
 * token whose secret is the RSA public key, a token without expiry (all 401), valid tokens naming
 * the right organization without the partner or registrar role (403), a partner of an unrelated
 * organization, a partner of the right organization and a registrar. A service declares one {@link
 * Rule} per operation; an operation without a rule fails the test, so a new endpoint cannot ship
 * without deciding who may call it.
 *
 * <p>"Allowed" means the answer is neither 401 nor 403 (the call may still be refused for its
 * content or state: 4xx other than those, or a 2xx); "refused" means 403, or 404 when the resource
 * is invisible to that caller, or the unknown-reference problem when a record the body names is
 * invisible to that caller. The bodies are valid, so the organization checks that run after
 * validation are reached.
 */
public abstract class AuthorizationMatrixTest {

  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

  /** How one write operation is called and who may call it. */
  public record Rule(
      String path,
      Supplier<Object> body,
      String rightOrganization,
      String unrelatedOrganization,
      boolean ifMatch) {

    /** Registrar only: every partner is refused. */
    public static Rule registrarOnly(String path, Supplier<Object> body) {
      return new Rule(path, body, null, "pu.edu.pk", false);
    }

    /**
     * A partner of {@code organization} (and a registrar) may; a partner of {@code unrelated} may
     * not.
     */
    public static Rule partnerOf(
        String organization, String unrelated, String path, Supplier<Object> body) {
      return new Rule(path, body, organization, unrelated, false);
    }

    /**
     * Anyone with a valid token may (e.g. registering oneself for an event): there is no unrelated
     * caller.
     */
    public static Rule anyCaller(String path, Supplier<Object> body) {
      return new Rule(path, body, "pu.edu.pk", null, false);
    }

    /**
     * The same, for an operation that requires If-Match (sent as {@code "0"}: a stale or right
     * version, either way authorized).
     */
    public Rule withIfMatch() {
      return new Rule(path, body, rightOrganization, unrelatedOrganization, true);
    }
  }

  /** One rule per write operation of the service, by operationId. */
  protected abstract Map<String, Rule> rules();

  /**
   * The service's rules and those of the operations every service has from the platform (the
   * operators' endpoints: registrars and operators only).
   */
  protected final Map<String, Rule> allRules() {
    Map<String, Rule> all = new java.util.HashMap<>(rules());
    all.put(
        "releaseParkedEvent",
        Rule.registrarOnly(
            "/api/v1/operations/outbox/parked/" + java.util.UUID.randomUUID() + "/release",
            () -> null));
    all.put(
        "replayDeadLetter",
        Rule.registrarOnly("/api/v1/operations/dead-letters/0-999999999/replay", () -> null));
    // Webhooks (every service): any partner or registrar may subscribe; another organisation's
    // webhook is a 404 (WebhookSubscriptionTest proves the owner's own answers). The URL is always
    // refused (422), so the matrix creates nothing a dispatcher would then call.
    String webhook = "/api/v1/webhooks/" + java.util.UUID.randomUUID();
    Supplier<Object> hook =
        () -> Map.of("url", "https://10.0.0.1/hooks", "eventTypes", List.of("*"));
    all.put("createWebhook", Rule.anyCaller("/api/v1/webhooks", hook));
    all.put(
        "updateWebhook", Rule.partnerOf("pu.edu.pk", "cuc.edu.cn", webhook, hook).withIfMatch());
    all.put(
        "deleteWebhook",
        Rule.partnerOf("pu.edu.pk", "cuc.edu.cn", webhook, () -> null).withIfMatch());
    all.put(
        "resumeWebhook",
        Rule.partnerOf("pu.edu.pk", "cuc.edu.cn", webhook + "/resumption", () -> null));
    all.put(
        "pingWebhook", Rule.partnerOf("pu.edu.pk", "cuc.edu.cn", webhook + "/ping", () -> null));
    all.put(
        "redeliverWebhookDelivery",
        Rule.partnerOf(
            "pu.edu.pk",
            "cuc.edu.cn",
            webhook + "/deliveries/" + java.util.UUID.randomUUID() + "/redelivery",
            () -> null));
    return all;
  }

  @Test
  void everyWriteOperationHasARule() throws IOException {
    Set<String> missing = new TreeSet<>(writeOperations().keySet());
    missing.removeAll(allRules().keySet());
    assertTrue(missing.isEmpty(), "write operations without an authorization rule: " + missing);
    Set<String> stale = new TreeSet<>(allRules().keySet());
    stale.removeAll(writeOperations().keySet());
    assertTrue(stale.isEmpty(), "rules for operations that no longer exist: " + stale);
  }

  @Test
  void everyWriteOperationAnswersEachKindOfCallerAsItsRuleSays() throws IOException {
    List<String> faults = new ArrayList<>();
    int calls = 0;
    for (Map.Entry<String, String> op : writeOperations().entrySet()) {
      Rule rule = allRules().get(op.getKey());
      if (rule == null) {
        continue;
      }
      String method = op.getValue();
      Map<String, String> badTokens = new LinkedHashMap<>();
      badTokens.put("no token", null);
      badTokens.put("expired token", TestTokens.expired("qau.edu.pk"));
      badTokens.put("unknown signing key", TestTokens.signedByUnknownKey("qau.edu.pk"));
      badTokens.put(
          "wrong issuer", TestTokens.withIssuer("https://elsewhere.example.org", "qau.edu.pk"));
      badTokens.put("wrong audience", TestTokens.withAudience("another-system", "qau.edu.pk"));
      badTokens.put("alg none (unsigned)", TestTokens.unsigned("qau.edu.pk"));
      badTokens.put(
          "HS256 signed with the RSA public key", TestTokens.hmacSignedWithPublicKey("qau.edu.pk"));
      badTokens.put("no expiry", TestTokens.withoutExpiry("qau.edu.pk"));
      for (Map.Entry<String, String> bad : badTokens.entrySet()) {
        int status = call(method, rule, bad.getValue()).statusCode();
        calls++;
        if (status != 401) {
          faults.add(op.getKey() + " with " + bad.getKey() + ": " + status + " (expected 401)");
        }
      }
      // A valid token naming the right organisation but carrying no role (or only a person's) may
      // write nothing.
      for (String roleless :
          List.of(
              TestTokens.roleless(orRight(rule)),
              TestTokens.token("nobody@registry.test", orRight(rule), Set.of("reader")))) {
        int status = call(method, rule, roleless).statusCode();
        calls++;
        if (status != 403) {
          faults.add(
              op.getKey()
                  + " with a valid token without the partner or registrar role: "
                  + status
                  + " (expected 403)");
        }
      }
      if (rule.unrelatedOrganization() != null) {
        Response answer = call(method, rule, TestTokens.partner(rule.unrelatedOrganization()));
        int unrelated = answer.statusCode();
        calls++;
        // A body id the caller may not read is answered as an unknown one: the unknown-reference
        // problem.
        boolean unknownReference =
            unrelated == 422
                && answer.asString().contains("urn:eurasia-registry:problem:unknown-reference");
        if (unrelated != 403 && unrelated != 404 && !unknownReference) {
          faults.add(
              op.getKey()
                  + " by a partner of unrelated "
                  + rule.unrelatedOrganization()
                  + ": "
                  + unrelated
                  + " (expected 403, 404 or the unknown-reference problem)");
        }
      }
      if (rule.rightOrganization() != null) {
        int right = call(method, rule, TestTokens.partner(rule.rightOrganization())).statusCode();
        calls++;
        if (right == 401 || right == 403) {
          faults.add(
              op.getKey()
                  + " by a partner of "
                  + rule.rightOrganization()
                  + ": "
                  + right
                  + " (expected to be authorized)");
        }
        // The positive control of the hand-built bad tokens: their claims, correctly signed and
        // expiring, are accepted.
        int control =
            call(method, rule, TestTokens.handSigned(rule.rightOrganization())).statusCode();
        calls++;
        if (control == 401 || control == 403) {
          faults.add(
              op.getKey()
                  + " with the hand-built partner token, correctly signed: "
                  + control
                  + " (expected to be authorized)");
        }
      }
      int registrar = call(method, rule, TestTokens.registrar()).statusCode();
      calls++;
      if (registrar == 401 || registrar == 403) {
        faults.add(op.getKey() + " by a registrar: " + registrar + " (expected to be authorized)");
      }
    }
    System.out.printf(
        "Authorization matrix: %d write operations, %d calls, %d faults%n",
        writeOperations().size(), calls, faults.size());
    assertEquals(List.of(), faults, "authorization matrix (" + calls + " calls)");
  }

  private static String orRight(Rule rule) {
    return rule.rightOrganization() != null ? rule.rightOrganization() : "qau.edu.pk";
  }

  private Response call(String method, Rule rule, String token) {
    RequestSpecification request = given().contentType("application/json");
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    if (rule.ifMatch()) {
      request.header("If-Match", "\"0\"");
    }
    Object body = rule.body() == null ? null : rule.body().get();
    if (body != null) {
      request.body(body);
    }
    return switch (method) {
      case "post" -> request.post(rule.path());
      case "put" -> request.put(rule.path());
      case "patch" -> request.patch(rule.path());
      default -> request.delete(rule.path());
    };
  }

  /** operationId → HTTP method of every write operation in contract/openapi.yaml. */
  protected static Map<String, String> writeOperations() throws IOException {
    JsonNode paths = CommittedContract.read().root().path("paths");
    Map<String, String> operations = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
      for (Iterator<Map.Entry<String, JsonNode>> o = p.next().getValue().fields(); o.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = o.next();
        if (WRITES.contains(operation.getKey())) {
          operations.put(operation.getValue().path("operationId").asText(), operation.getKey());
        }
      }
    }
    return operations;
  }
}
