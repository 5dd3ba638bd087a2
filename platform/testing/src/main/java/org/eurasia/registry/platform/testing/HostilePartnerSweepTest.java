package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eurasia.registry.platform.validation.SchacCode;
import org.junit.jupiter.api.Test;

/**
 * Whose records a request may touch, generated from the service's committed OpenAPI document. A
 * partner of an organization that is party to nothing it names (the hostile partner) sends every
 * write operation:
 *
 * <ol>
 *   <li>with each path id in turn pointing at other organizations' records, public and
 *       confidential;
 *   <li>on a record of its own (where it has every right), with each id-valued body field in turn
 *       pointing at other organizations' records or naming another organization it may not act for.
 * </ol>
 *
 * Every answer must be a 403, a 404 or the unknown-reference problem, and for a confidential record
 * exactly the answer a random unknown id gets (a 403 there would confirm that it exists); no table
 * of the service's schema may change (the fuzzing's {@link DataWitness}, outbox inserts included);
 * no answer may carry a confidential record's code or title. Id-valued body fields are found in the
 * document (UUIDs and organization codes, in arrays and nested objects too), and each one must be
 * declared by the service: an <em>acting-for</em> field is substituted with the records of its
 * kind; a <em>naming</em> field (naming an organization there binds nothing until it consents —
 * proven by the service's consent tests) is left alone, with the reason. An undeclared id field
 * fails the sweep, so a new field cannot ship without that decision. Finally, each operation is
 * sent once unchanged on the caller's own record (by a registrar for {@link #registrarOnly()}
 * operations) and must not be refused for rights: otherwise the refusals above would prove nothing.
 */
public abstract class HostilePartnerSweepTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
  private static final String UNKNOWN_REFERENCE = "urn:eurasia-registry:problem:unknown-reference";
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** Another organization's record (or an organization code) a hostile request names. */
  public record Foreign(String value, String label, boolean confidential) {
    public static Foreign open(String value, String label) {
      return new Foreign(value, label, false);
    }

    public static Foreign confidential(String value, String label) {
      return new Foreign(value, label, true);
    }
  }

  /**
   * How the hostile partner calls one operation on a record of its own: the concrete path, and a
   * valid body (a JSON tree of maps and lists; null for none) built fresh on each call.
   */
  public record Own(String path, Supplier<Object> body) {}

  /** What an id-valued body field is. */
  public sealed interface Field permits ActingFor, Naming {}

  /**
   * The field names a record (or an organization) the caller must have rights on: substituted with
   * this kind.
   */
  public record ActingFor(String kind) implements Field {}

  /**
   * The field only names an organization, which binds it to nothing until it consents: not
   * substituted.
   */
  public record Naming(String why) implements Field {}

  /** The token of a partner of an organization that is party to none of the foreign records. */
  protected abstract String hostile();

  /**
   * Per operationId: the call on the hostile partner's own record. Every write operation needs one.
   */
  protected abstract Map<String, Own> own();

  /**
   * Other organizations' records by kind. A path parameter's kind is the collection segment before
   * it ({@code agreements} for {@code /agreements/{id}/signatures}); body fields name their kind in
   * {@link #fields()}. Organization codes are kind {@code organizations:code}.
   */
  protected abstract Map<String, List<Foreign>> foreign();

  /**
   * Every id-valued body field, per operationId, by its path in the body ({@code agreementId},
   * {@code terms.parties[].organizationCode}, {@code linkedAgreements[]}). A path parameter may be
   * declared too, as {@code {id}}, when it names a public record anyone may act under (applying for
   * a public scholarship): it is then not substituted.
   */
  protected abstract Map<String, Map<String, Field>> fields();

  /**
   * Texts of the confidential records (codes, title words) that no answer to the hostile partner
   * may contain.
   */
  protected abstract List<String> secrets();

  /**
   * Operations only a registrar may call (the directory of organizations, say): no partner has a
   * record of its own there, so their control call is made with a registrar's token, on the record
   * {@link #own()} names.
   */
  protected Set<String> registrarOnly() {
    return Set.of();
  }

  @Inject DataSource dataSource;

  private CommittedContract contract;
  private JsonNode document;

  @Test
  void aPartnerCannotTouchOrBindOtherOrganizationsRecordsThroughAnyPathOrBodyId()
      throws IOException {
    contract = CommittedContract.read();
    document = contract.root();
    Map<String, Operation> operations = writeOperations();
    List<String> faults = new ArrayList<>();
    // The service's fixtures are made (and may change data) before the witness starts watching.
    Map<String, Own> own = own();
    Map<String, List<Foreign>> foreign = foreign();
    Map<String, Map<String, Field>> fields = fields();
    List<String> secrets = secrets();
    Set<String> missing = new TreeSet<>(operations.keySet());
    missing.removeAll(own.keySet());
    assertEquals(
        Set.of(), missing, "write operations without a call on the hostile partner's own record");

    int pathSubstitutions = 0;
    int bodySubstitutions = 0;
    try (DataWitness witness = new DataWitness(dataSource)) {
      Map<String, String> baseline = witness.settled();
      for (Map.Entry<String, Operation> entry : operations.entrySet()) {
        String id = entry.getKey();
        Operation operation = entry.getValue();
        Own mine = own.get(id);
        Map<String, String> ownValues = operation.parameters(mine.path());
        if (ownValues == null) {
          faults.add(id + ": own path " + mine.path() + " does not match " + operation.template());
          continue;
        }
        Map<String, Field> declared = fields.getOrDefault(id, Map.of());
        // 1. Path ids pointing at other organizations' records (unless the path only names a public
        // record anyone may use).
        for (String parameter : ownValues.keySet()) {
          if (declared.get("{" + parameter + "}") instanceof Naming) {
            continue;
          }
          for (Foreign other : foreign.getOrDefault(operation.kindOf(parameter), List.of())) {
            Map<String, String> values = new LinkedHashMap<>(ownValues);
            values.put(parameter, other.value());
            String what = id + " path {" + parameter + "} = " + other.label();
            Response answer = send(operation, operation.path(values), mine.body().get());
            baseline = check(witness, baseline, faults, secrets, what, answer);
            if (other.confidential()) {
              String unknown = UUID.randomUUID().toString();
              values.put(parameter, unknown);
              compareWithUnknown(
                  faults,
                  what,
                  answer,
                  other.value(),
                  send(operation, operation.path(values), mine.body().get()),
                  unknown);
            }
            pathSubstitutions++;
          }
        }
        // 2. Body id fields pointing at other organizations' records, on the caller's own record.
        for (String field : operation.idFields()) {
          Field kind = declared.get(field);
          if (kind == null) {
            faults.add(
                id
                    + ": id-valued body field '"
                    + field
                    + "' is neither declared acting-for nor naming");
            continue;
          }
          if (kind instanceof ActingFor acting) {
            List<Foreign> records = foreign.getOrDefault(acting.kind(), List.of());
            if (records.isEmpty()) {
              faults.add(
                  id
                      + ": no foreign records of kind '"
                      + acting.kind()
                      + "' for field '"
                      + field
                      + "'");
            }
            for (Foreign other : records) {
              JsonNode body = JSON.valueToTree(mine.body().get());
              if (!replace(body, field, other.value())) {
                faults.add(id + ": the own body has no value at '" + field + "' to substitute");
                break;
              }
              String what = id + " body " + field + " = " + other.label();
              Response answer = send(operation, mine.path(), body);
              baseline = check(witness, baseline, faults, secrets, what, answer);
              if (other.confidential()) {
                String unknown = UUID.randomUUID().toString();
                JsonNode unknownBody = JSON.valueToTree(mine.body().get());
                replace(unknownBody, field, unknown);
                compareWithUnknown(
                    faults,
                    what,
                    answer,
                    other.value(),
                    send(operation, mine.path(), unknownBody),
                    unknown);
              }
              bodySubstitutions++;
            }
          }
        }
        Set<String> stale = new TreeSet<>(declared.keySet());
        stale.removeAll(operation.idFields());
        stale.removeIf(
            f -> f.startsWith("{") && ownValues.containsKey(f.substring(1, f.length() - 1)));
        stale.forEach(
            f ->
                faults.add(
                    id
                        + ": declared field '"
                        + f
                        + "' is not an id-valued field of the body in the contract"));
      }
      // 3. The controls: unchanged, on the caller's own records, no request is refused for rights.
      // (They may change data.)
      for (Map.Entry<String, Operation> entry : operations.entrySet()) {
        Own mine = own.get(entry.getKey());
        String controlToken =
            registrarOnly().contains(entry.getKey()) ? TestTokens.registrar() : hostile();
        Response r = send(entry.getValue(), mine.path(), mine.body().get(), controlToken);
        if (refusedForRights(r)) {
          faults.add(
              entry.getKey()
                  + " on the hostile partner's own record is refused for rights ("
                  + r.statusCode()
                  + " "
                  + r.asString()
                  + "): its sweep proves nothing");
        }
      }
    }
    System.out.printf(
        "Hostile-partner sweep: %d write operations, %d path and %d body substitutions, %d faults%n",
        operations.size(), pathSubstitutions, bodySubstitutions, faults.size());
    faults.stream().limit(40).forEach(f -> System.out.println("HOSTILE " + f));
    assertEquals(List.of(), faults.stream().limit(20).toList());
    assertTrue(pathSubstitutions + bodySubstitutions > 0, "the sweep substituted nothing");
  }

  private Map<String, String> check(
      DataWitness witness,
      Map<String, String> baseline,
      List<String> faults,
      List<String> secrets,
      String what,
      Response r) {
    String body = r.asString();
    if (!refusedForRights(r)) {
      faults.add(
          what
              + ": "
              + r.statusCode()
              + " "
              + (body.length() > 300 ? body.substring(0, 300) + "…" : body)
              + " (expected 403, 404 or the unknown-reference problem)");
    }
    for (String secret : secrets) {
      if (body.contains(secret)) {
        faults.add(what + ": the answer carries the confidential text '" + secret + "'");
      }
    }
    Map<String, String> now = witness.digest();
    List<String> changed = DataWitness.changed(baseline, now);
    if (!changed.isEmpty()) {
      faults.add(what + ": changed " + changed);
      return witness.settled();
    }
    return baseline;
  }

  /**
   * A record the caller may not read must be indistinguishable from one that does not exist: the
   * same status and the same body (the problem's type, detail and errors) once each answer's own id
   * is replaced by a placeholder.
   */
  private static void compareWithUnknown(
      List<String> faults,
      String what,
      Response secret,
      String secretId,
      Response unknown,
      String unknownId) {
    String a = secret.statusCode() + " " + secret.asString().replace(secretId, "<id>");
    String b = unknown.statusCode() + " " + unknown.asString().replace(unknownId, "<id>");
    if (!a.equals(b)) {
      faults.add(
          what
              + ": answered differently from an unknown id\n  confidential "
              + a
              + "\n  unknown      "
              + b);
    }
  }

  private static boolean refusedForRights(Response r) {
    if (r.statusCode() == 403 || r.statusCode() == 404) {
      return true;
    }
    if (r.statusCode() == 422) {
      try {
        return UNKNOWN_REFERENCE.equals(JSON.readTree(r.asString()).path("type").asText());
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private Response send(Operation operation, String path, Object body) {
    return send(operation, path, body, hostile());
  }

  private Response send(Operation operation, String path, Object body, String token) {
    RequestSpecification request =
        given().redirects().follow(false).header("Authorization", TestTokens.bearer(token));
    if (operation.ifMatch()) {
      request.header("If-Match", currentEtag(path, token));
    }
    if (body != null) {
      request
          .contentType("application/json")
          .body(body instanceof JsonNode node ? node.toString() : toJson(body));
    }
    return request.request(operation.method().toUpperCase(), path);
  }

  /**
   * The ETag of the resource a path changes, as the hostile partner reads it (the path itself, or
   * the resource above it): an operation that checks If-Match before ids would otherwise refuse
   * with 412 for the wrong reason.
   */
  private String currentEtag(String path, String token) {
    String candidate = path;
    while (candidate.lastIndexOf('/') > 0) {
      Response r = given().header("Authorization", TestTokens.bearer(token)).get(candidate);
      if (r.statusCode() == 200 && r.header("ETag") != null) {
        return r.header("ETag");
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('/'));
    }
    return "\"0\"";
  }

  private static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets every value at {@code field} ({@code a.b[].c}, {@code ids[]}); an array of ids becomes the
   * single foreign one.
   */
  static boolean replace(JsonNode node, String field, String value) {
    int dot = field.indexOf('.');
    String head = dot < 0 ? field : field.substring(0, dot);
    String rest = dot < 0 ? null : field.substring(dot + 1);
    boolean array = head.endsWith("[]");
    String name = array ? head.substring(0, head.length() - 2) : head;
    if (!(node instanceof ObjectNode object) || !object.has(name)) {
      return false;
    }
    JsonNode child = object.get(name);
    if (rest == null) {
      if (array) {
        ArrayNode single = JSON.createArrayNode().add(value);
        object.set(name, single);
      } else {
        object.set(name, TextNode.valueOf(value));
      }
      return true;
    }
    if (array) {
      boolean any = false;
      for (JsonNode element : child) {
        any |= replace(element, rest, value);
      }
      return any;
    }
    return replace(child, rest, value);
  }

  /** One write operation of the document. */
  private record Operation(String method, String template, boolean ifMatch, Set<String> idFields) {

    /** The collection a path parameter belongs to: the segment before it. */
    String kindOf(String parameter) {
      String before = template.substring(0, template.indexOf("{" + parameter + "}") - 1);
      return before.substring(before.lastIndexOf('/') + 1);
    }

    Map<String, String> parameters(String path) {
      List<String> names = new ArrayList<>();
      Matcher m = PARAMETER.matcher(template);
      StringBuilder regex = new StringBuilder("^");
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last))).append("$");
      Matcher actual = Pattern.compile(regex.toString()).matcher(path);
      if (!actual.matches()) {
        return null;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), actual.group(i + 1));
      }
      return values;
    }

    String path(Map<String, String> values) {
      String path = template;
      for (Map.Entry<String, String> v : values.entrySet()) {
        path = path.replace("{" + v.getKey() + "}", v.getValue());
      }
      return path;
    }
  }

  private Map<String, Operation> writeOperations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!WRITES.contains(op.getKey())) {
          continue;
        }
        if (path.getKey().startsWith("/api/v1/webhooks")) {
          // A webhook names no organisation's record but its owner's own subscription, and the
          // body no id at all: another organisation's webhook is a 404 on every operation
          // (WebhookSubscriptionTest), and the authorization matrix covers who may call them.
          continue;
        }
        if (path.getKey().startsWith("/api/v1/operations/")) {
          // The operators' endpoints touch no organization's records and admit no partner at all
          // (the authorization matrix proves the 403): there is no own record to control with.
          continue;
        }
        boolean ifMatch = false;
        for (JsonNode parameter : op.getValue().path("parameters")) {
          JsonNode p = resolve(parameter);
          ifMatch |=
              "header".equals(p.path("in").asText())
                  && "If-Match".equalsIgnoreCase(p.path("name").asText());
        }
        Set<String> idFields = new TreeSet<>();
        JsonNode schema =
            op.getValue()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        collectIdFields(schema, "", idFields, 0);
        operations.put(
            op.getValue().path("operationId").asText(),
            new Operation(op.getKey(), path.getKey(), ifMatch, idFields));
      }
    }
    return operations;
  }

  /**
   * Paths of the fields that hold an id: a UUID, or an organization code (the SCHAC pattern), alone
   * or in arrays.
   */
  private void collectIdFields(JsonNode schema, String prefix, Set<String> into, int depth) {
    JsonNode s = resolve(schema);
    if (depth > 6 || s.isMissingNode()) {
      return;
    }
    for (JsonNode part : s.path("allOf")) {
      collectIdFields(part, prefix, into, depth + 1);
    }
    for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> property = p.next();
      String name = prefix + property.getKey();
      JsonNode value = resolve(property.getValue());
      if (isId(value)) {
        into.add(name);
      } else if ("array".equals(value.path("type").asText())) {
        JsonNode items = resolve(value.path("items"));
        if (isId(items)) {
          into.add(name + "[]");
        } else {
          collectIdFields(items, name + "[].", into, depth + 1);
        }
      } else if (value.has("properties") || value.has("allOf")) {
        collectIdFields(value, name + ".", into, depth + 1);
      }
    }
  }

  private boolean isId(JsonNode schema) {
    JsonNode s = resolve(schema);
    for (JsonNode part : s.path("allOf")) {
      if (isId(part)) {
        return true;
      }
    }
    return "uuid".equals(s.path("format").asText())
        || SchacCode.REGEX.equals(s.path("pattern").asText());
  }

  private JsonNode resolve(JsonNode node) {
    return contract.resolve(node);
  }
}
