package org.eurasia.registry.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
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
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

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

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema("Problem", problemSchema());
    components.addSchema("FieldError", fieldErrorSchema());
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
    if (method != PathItem.HttpMethod.GET) {
      add(responses, "503", "The database is unavailable; retry after the Retry-After delay.");
    }
    // Errors a resource declares itself (409 and the like) get the problem body too.
    for (String status : List.copyOf(responses.getAPIResponses().keySet())) {
      if (status.startsWith("4") || status.startsWith("5")) {
        add(responses, status, responses.getAPIResponse(status).getDescription());
      }
    }
  }

  private static boolean hasHeader(List<Parameter> parameters, String name) {
    return parameters.stream()
        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  private static void add(APIResponses responses, String status, String description) {
    Content content =
        OASFactory.createContent()
            .addMediaType(
                "application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
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

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "RFC 9457 problem details. Further members (e.g. `currentState`) may appear for some types.")
        .addProperty(
            "type", string("Problem type URI.", "urn:eurasia-registry:problem:validation-failed"))
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
