package org.eurasia.registry.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Marks what every response object always carries as {@code required}, so a generated client types
 * those properties as present. Jackson writes every property here, {@code null} included, unless a
 * class or a property says {@code @JsonInclude(NON_NULL)}; so each property of a schema that only
 * responses use is required, except:
 *
 * <ul>
 *   <li>properties annotated {@code @JsonInclude(NON_NULL)} (absent when null);
 *   <li>schemas of classes annotated so: they keep the {@code required} they declare;
 *   <li>schemas that list their own {@code required} (Problem, say): taken as stated.
 * </ul>
 *
 * A schema also used in a request body keeps the {@code required} its validation gives, since a
 * caller may omit what is optional there. Whether a property can be {@code null} is its own
 * statement ({@code @Schema(nullable = true)}); each service's response-shape test checks both
 * against real answers.
 *
 * <p>SmallRye writes a nullable reference as {@code anyOf: [$ref, {type: "null"}]}, but keeps a
 * {@code type: object} beside it when the property has a description, which would forbid the null
 * again: such a type gains {@code "null"} too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponseShapeFilter implements OASFilter {

  private static final String SCHEMAS = "#/components/schemas/";
  private static final DotName JSON_INCLUDE =
      DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
  private static final DotName SCHEMA =
      DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");

  /** Schema names (or, for generic classes, name prefixes) whose class omits null properties. */
  private final Set<String> omittingClasses = new HashSet<>();

  private final Set<String> omittingGenericClasses = new HashSet<>();

  /** Per schema name: the properties omitted when null. */
  private final Map<String, Set<String>> omittedProperties = new HashMap<>();

  public ResponseShapeFilter() {}

  public ResponseShapeFilter(IndexView index) {
    for (AnnotationInstance include : index.getAnnotations(JSON_INCLUDE)) {
      AnnotationValue value = include.value();
      if (value == null || Set.of("ALWAYS", "USE_DEFAULTS").contains(value.asEnum())) {
        continue;
      }
      AnnotationTarget target = include.target();
      switch (target.kind()) {
        case CLASS -> {
          ClassInfo type = target.asClass();
          (type.typeParameters().isEmpty() ? omittingClasses : omittingGenericClasses)
              .add(schemaName(type));
        }
        case FIELD ->
            omittedProperties
                .computeIfAbsent(
                    schemaName(target.asField().declaringClass()), k -> new HashSet<>())
                .add(target.asField().name());
        case METHOD ->
            omittedProperties
                .computeIfAbsent(
                    schemaName(target.asMethod().declaringClass()), k -> new HashSet<>())
                .add(propertyName(target.asMethod().name()));
        default -> {}
      }
    }
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null
        || openAPI.getComponents().getSchemas() == null
        || openAPI.getPaths() == null
        || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Set<String> inRequests = new HashSet<>();
    Set<String> inResponses = new HashSet<>();
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (operation.getRequestBody() != null) {
          reach(operation.getRequestBody().getContent(), schemas, inRequests);
        }
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponses() != null) {
          for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            reach(response.getContent(), schemas, inResponses);
          }
        }
      }
    }
    for (String name : inResponses) {
      Schema schema = schemas.get(name);
      if (inRequests.contains(name)
          || schema.getProperties() == null
          || schema.getProperties().isEmpty()
          || (schema.getRequired() != null && !schema.getRequired().isEmpty())
          || omitsNulls(name)) {
        continue;
      }
      Set<String> required = new LinkedHashSet<>(schema.getProperties().keySet());
      required.removeAll(omittedProperties.getOrDefault(name, Set.of()));
      schema.setRequired(List.copyOf(required));
    }
  }

  @Override
  public Schema filterSchema(Schema schema) {
    List<Schema> alternatives = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
    if (alternatives != null
        && schema.getType() != null
        && !schema.getType().isEmpty()
        && !schema.getType().contains(Schema.SchemaType.NULL)
        && alternatives.stream()
            .anyMatch(a -> List.of(Schema.SchemaType.NULL).equals(a.getType()))) {
      schema.addType(Schema.SchemaType.NULL);
    }
    return schema;
  }

  private boolean omitsNulls(String schemaName) {
    if (omittingClasses.contains(schemaName)) {
      return true;
    }
    // A generic class's schemas are named after it and its type arguments: Page → PageEventView.
    return omittingGenericClasses.stream()
        .anyMatch(
            prefix ->
                schemaName.length() > prefix.length()
                    && schemaName.startsWith(prefix)
                    && Character.isUpperCase(schemaName.charAt(prefix.length())));
  }

  /** Every component schema a content reaches, through references, properties and items. */
  private static void reach(Content content, Map<String, Schema> schemas, Set<String> found) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    Deque<Schema> pending = new ArrayDeque<>();
    for (MediaType media : content.getMediaTypes().values()) {
      if (media.getSchema() != null) {
        pending.push(media.getSchema());
      }
    }
    while (!pending.isEmpty()) {
      Schema schema = pending.pop();
      String ref = schema.getRef();
      if (ref != null && ref.startsWith(SCHEMAS)) {
        String name = ref.substring(SCHEMAS.length());
        if (found.add(name) && schemas.containsKey(name)) {
          pending.push(schemas.get(name));
        }
      }
      if (schema.getProperties() != null) {
        schema.getProperties().values().forEach(pending::push);
      }
      if (schema.getItems() != null) {
        pending.push(schema.getItems());
      }
      if (schema.getAdditionalPropertiesSchema() != null) {
        pending.push(schema.getAdditionalPropertiesSchema());
      }
      for (List<Schema> composed :
          new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
        if (composed != null) {
          composed.forEach(pending::push);
        }
      }
    }
  }

  private static String schemaName(ClassInfo type) {
    AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
    if (schema != null && schema.value("name") != null) {
      return schema.value("name").asString();
    }
    return type.simpleName();
  }

  private static String propertyName(String accessor) {
    for (String prefix : List.of("get", "is")) {
      if (accessor.length() > prefix.length()
          && accessor.startsWith(prefix)
          && Character.isUpperCase(accessor.charAt(prefix.length()))) {
        return Character.toLowerCase(accessor.charAt(prefix.length()))
            + accessor.substring(prefix.length() + 1);
      }
    }
    return accessor;
  }
}
