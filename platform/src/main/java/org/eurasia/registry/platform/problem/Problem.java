package org.eurasia.registry.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body: every error the registry returns has this shape, served as
 * {@code application/problem+json}. Extension members (for example {@code currentState}) are
 * flattened into the body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(hidden = true)
public final class Problem {

  /** Prefix of every problem type URI the registry defines. */
  public static final String TYPE_PREFIX = "urn:eurasia-registry:problem:";

  @Schema(
      description = "Problem type URI.",
      example = "urn:eurasia-registry:problem:validation-failed")
  private final URI type;

  @Schema(
      description = "Short, human-readable summary of the problem type.",
      example = "Validation failed")
  private final String title;

  @Schema(description = "HTTP status code.", example = "400")
  private final int status;

  @Schema(
      description = "Explanation specific to this occurrence.",
      example = "name.en: must not be blank")
  private final String detail;

  @Schema(
      description = "The request path that produced the problem.",
      example = "/api/v1/organizations")
  private String instance;

  @Schema(description = "The fields that failed validation, when the problem is about input.")
  private final List<FieldError> errors;

  private final Map<String, Object> extensions;

  Problem(
      String slug,
      String title,
      int status,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    this.type = URI.create(TYPE_PREFIX + slug);
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.slug(), type.title(), type.status(), detail, List.of(), Map.of());
  }

  public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
    return new Problem(type.slug(), type.title(), type.status(), detail, errors, Map.of());
  }

  public Problem with(String extension, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(extension, value);
    Problem copy = new Problem(slugOf(type), title, status, detail, errors, more);
    copy.instance = instance;
    return copy;
  }

  Problem at(String path) {
    this.instance = path;
    return this;
  }

  private static String slugOf(URI type) {
    return type.toString().substring(TYPE_PREFIX.length());
  }

  public URI getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public int getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public String getInstance() {
    return instance;
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  @JsonAnyGetter
  @Schema(hidden = true)
  public Map<String, Object> getExtensions() {
    return extensions;
  }

  /**
   * One offending input: the field (JSON pointer-like dotted path, query parameter or header name)
   * and why.
   */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(description = "Offending field, query parameter or header.", example = "name.en")
          String field,
      @Schema(description = "What is wrong with it.", example = "must not be blank")
          String message) {}
}
