package org.eurasia.registry.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eurasia.registry.platform.problem.ProblemType;

/**
 * Documents the error responses every operation can give, as {@code application/problem+json}, so
 * each service's resources only declare their success responses and the errors peculiar to them.
 * Which errors apply follows from the operation's shape: a body can be invalid or of the wrong
 * type, a path id can be unknown, a secured operation can be refused, an {@code If-Match} can be
 * missing or stale, an {@code Idempotency-Key} can be reused.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

  static final String PROBLEM_REF = "#/components/schemas/Problem";

  private static final List<String> EXAMPLE_STATUSES =
      List.of(
          "400", "401", "403", "404", "405", "406", "409", "412", "413", "415", "422", "428", "429",
          "500", "503");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema("Problem", problemSchema());
    components.addSchema("FieldError", fieldErrorSchema());
    // One example per status, referenced by every response with that status: Swagger UI shows the
    // problem a caller would get, and the document stays small.
    for (String status : EXAMPLE_STATUSES) {
      components.addExample("Problem" + status, OASFactory.createExample().value(example(status)));
    }
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      boolean hasPathParameters = path.getKey().contains("{");
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().getOperations().entrySet()) {
        document(entry.getKey(), entry.getValue(), hasPathParameters);
      }
    }
  }

  private void document(
      PathItem.HttpMethod method, Operation operation, boolean hasPathParameters) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean hasBody = operation.getRequestBody() != null;
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (hasBody || !parameters.isEmpty()) {
      add(
          responses,
          "400",
          "The request is malformed or a field is invalid; `errors` names each field.");
    }
    if (secured) {
      add(responses, "401", "No valid bearer token was sent.");
      add(responses, "403", "The token's role or organisation may not perform this operation.");
    }
    if (hasPathParameters) {
      add(responses, "404", "No resource with this id exists (or the caller may not see it).");
    }
    if (hasBody) {
      add(responses, "415", "The request body is not `application/json`.");
    }
    if (hasHeader(parameters, "If-Match")) {
      add(responses, "412", "The resource changed since the ETag sent in If-Match.");
      add(responses, "428", "If-Match is required to change this resource.");
    }
    if (hasHeader(parameters, "Idempotency-Key")) {
      add(
          responses,
          "422",
          "The Idempotency-Key was used before with a different request, or the request breaks a rule.");
    }
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    if (hasBody) {
      add(responses, "413", "The body is larger than the service accepts (1 MB by default).");
    }
    if (write || !secured) {
      // Writes are limited per caller, reads without a token per client address.
      add(responses, "429", "Rate limit spent; retry after the Retry-After delay.");
    }
    add(
        responses,
        "500",
        "An unexpected failure; the problem's `errorId` identifies it in the service's logs.");
    add(
        responses,
        "503",
        write
            ? "The database is unavailable; retry after the Retry-After delay."
            : "The database is unavailable, or an expensive read took too long; retry after the"
                + " Retry-After delay.");
    // Errors a resource declares itself (409 and the like) get the problem body too.
    for (String status : List.copyOf(responses.getAPIResponses().keySet())) {
      if (status.startsWith("4") || status.startsWith("5")) {
        add(responses, status, responses.getAPIResponse(status).getDescription());
      }
    }
    declareHeaders(responses, parameters);
  }

  /**
   * The headers a partner relies on: when to retry, where a created record lives and its version,
   * and whether an answer is a replay of an earlier one.
   */
  private static void declareHeaders(APIResponses responses, List<Parameter> parameters) {
    boolean idempotent = hasHeader(parameters, "Idempotency-Key");
    boolean conditional = hasHeader(parameters, "If-Match");
    for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
      String status = entry.getKey();
      APIResponse response = entry.getValue();
      if (status.equals("429") || status.equals("503")) {
        header(response, "Retry-After", "Seconds to wait before retrying.", SchemaType.INTEGER);
      }
      if (status.equals("201")) {
        header(response, "Location", "Where the created record is read.", SchemaType.STRING);
        header(response, "ETag", "The created record's version, for If-Match.", SchemaType.STRING);
      }
      if (status.startsWith("2") && conditional) {
        header(response, "ETag", "The record's new version, for If-Match.", SchemaType.STRING);
      }
      if (status.startsWith("2") && idempotent) {
        header(
            response,
            "Idempotent-Replayed",
            "`true` when this is the stored answer to an earlier request with the same"
                + " Idempotency-Key.",
            SchemaType.BOOLEAN);
      }
    }
  }

  private static void header(
      APIResponse response, String name, String description, SchemaType type) {
    if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
      return;
    }
    response.addHeader(
        name,
        OASFactory.createHeader()
            .description(description)
            .schema(OASFactory.createSchema().addType(type)));
  }

  private static boolean hasHeader(List<Parameter> parameters, String name) {
    return parameters.stream()
        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  private static void add(APIResponses responses, String status, String description) {
    var mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
    if (EXAMPLE_STATUSES.contains(status)) {
      mediaType.addExample(
          "problem", OASFactory.createExample().ref("#/components/examples/Problem" + status));
    }
    Content content =
        OASFactory.createContent().addMediaType("application/problem+json", mediaType);
    if (responses.hasAPIResponse(status)) {
      var existing = responses.getAPIResponse(status);
      if (existing.getContent() == null
          || existing.getContent().getMediaTypes() == null
          || existing.getContent().getMediaTypes().isEmpty()) {
        existing.setContent(content);
      }
      if (existing.getDescription() == null
          || existing.getDescription().isBlank()
          || existing.getDescription().startsWith("Not ")) {
        existing.setDescription(description);
      }
      return;
    }
    responses.addAPIResponse(
        status, OASFactory.createAPIResponse().description(description).content(content));
  }

  /** A problem as a response with this status looks (Swagger UI shows it beside the status). */
  static Map<String, Object> example(String status) {
    ProblemType type =
        switch (status) {
          case "400" -> ProblemType.VALIDATION_FAILED;
          case "401" -> ProblemType.UNAUTHENTICATED;
          case "403" -> ProblemType.FORBIDDEN;
          case "404" -> ProblemType.NOT_FOUND;
          case "405" -> ProblemType.METHOD_NOT_ALLOWED;
          case "406" -> ProblemType.NOT_ACCEPTABLE;
          case "409" -> ProblemType.CONFLICT;
          case "412" -> ProblemType.PRECONDITION_FAILED;
          case "413" -> ProblemType.PAYLOAD_TOO_LARGE;
          case "415" -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case "422" -> ProblemType.RULE_VIOLATED;
          case "428" -> ProblemType.PRECONDITION_REQUIRED;
          case "429" -> ProblemType.TOO_MANY_REQUESTS;
          case "503" -> ProblemType.SERVICE_UNAVAILABLE;
          default -> ProblemType.INTERNAL_ERROR;
        };
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", type.uri());
    example.put("title", type.title());
    example.put("status", type.status());
    example.put(
        "detail",
        switch (type) {
          case VALIDATION_FAILED -> "code: must be a lower-case internet domain";
          case UNAUTHENTICATED -> "A valid bearer token is required";
          case FORBIDDEN -> "A partner acting for 'qau.edu.pk' may not act for 'nust.edu.pk'";
          case NOT_FOUND -> "Organization '5eed0000-0000-4000-8000-0000000000ff' does not exist";
          case CONFLICT -> "The record is already retired";
          case PRECONDITION_FAILED -> "The record changed since version \"3\"; read it again";
          case PAYLOAD_TOO_LARGE -> "The body is larger than 1 MB";
          case RULE_VIOLATED -> "Organization 'old.edu.pk' is retired";
          case PRECONDITION_REQUIRED -> "If-Match is required to change this record";
          case TOO_MANY_REQUESTS -> "Too many writes; retry in 1 s";
          case SERVICE_UNAVAILABLE -> "The database is unavailable; retry shortly";
          case INTERNAL_ERROR ->
              "An unexpected error occurred; quote the error id when reporting it";
          default -> type.meaning();
        });
    if (type == ProblemType.VALIDATION_FAILED) {
      // Ordered, so the committed contract is the same document on every build.
      Map<String, String> error = new LinkedHashMap<>();
      error.put("field", "code");
      error.put("message", "must be a lower-case internet domain");
      example.put("errors", List.of(error));
    }
    if (type == ProblemType.RULE_VIOLATED) {
      example.put("condition", "organization-retired");
    }
    if (type == ProblemType.INTERNAL_ERROR) {
      example.put("errorId", "cd85f89d-97cc-4309-ae58-5dacff8f01bc");
    }
    return example;
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "RFC 9457 problem details. Further members (e.g. `currentState`) may appear for some types.")
        .addProperty(
            "type",
            string(
                "Problem type URI; the catalogue (`GET /api/v1/problem-types`, in every service)"
                    + " says what each means.",
                "urn:eurasia-registry:problem:validation-failed"))
        .addProperty("title", string("Summary of the problem type.", "Validation failed"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .description("HTTP status.")
                .example(400))
        .addProperty(
            "detail",
            string("Explanation of this occurrence.", "code: must be a lower-case internet domain"))
        .addProperty("instance", string("Request path.", "/api/v1/organizations"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .description("Fields that failed validation.")
                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
        .required(List.of("type", "title", "status"));
  }

  private static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .addProperty("field", string("Offending field, query parameter or header.", "code"))
        .addProperty(
            "message", string("What is wrong with it.", "must be a lower-case internet domain"))
        .required(List.of("field", "message"));
  }

  private static Schema string(String description, String example) {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.STRING)
        .description(description)
        .example(example);
  }
}
