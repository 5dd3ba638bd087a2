package org.eurasia.registry.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Names a caller understands for what its request got wrong: the field's JSON path, and the kind of
 * value expected.
 */
final class RequestFields {

  private RequestFields() {}

  /** The field a violation is about, without the Java method and body-parameter names. */
  static String fieldOf(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
    List<Path.Node> all = new ArrayList<>();
    nodes.forEachRemaining(all::add);
    for (int i = 0; i < all.size(); i++) {
      Path.Node node = all.get(i);
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (kind == ElementKind.RETURN_VALUE) {
        return "<return value>";
      }
      // A parameter followed by properties is a request body: its Java name means nothing to the
      // caller.
      if (kind == ElementKind.PARAMETER
          && i < all.size() - 1
          && (all.get(i + 1).getKind() == ElementKind.PROPERTY
              || all.get(i + 1).getKind() == ElementKind.BEAN)) {
        continue;
      }
      String name = node.getName();
      if (node.getIndex() != null && !parts.isEmpty()) {
        int last = parts.size() - 1;
        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
      } else if (node.getKey() != null && !parts.isEmpty()) {
        int last = parts.size() - 1;
        parts.set(last, parts.get(last) + "." + node.getKey());
      }
      if (name != null && !name.startsWith("<")) {
        parts.add(name);
      }
    }
    return parts.isEmpty() ? "body" : String.join(".", parts);
  }

  /**
   * The JSON path a body mapping failure is at ({@code terms.parties[0].role}), or {@code body}.
   */
  static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  /** The kind of value a Java type takes, as a caller writing JSON reads it. */
  static String describe(Class<?> type) {
    if (type.isEnum()) {
      Object[] values = type.getEnumConstants();
      List<String> names = new ArrayList<>();
      for (Object value : values) {
        names.add(((Enum<?>) value).name());
      }
      return "one of " + names;
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 " + type.getSimpleName();
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    return "a JSON object";
  }

  /** The innermost message, as Jackson wrote it (without its location suffix). */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root instanceof JsonProcessingException json
            ? json.getOriginalMessage()
            : root.getMessage();
    return message == null ? "invalid value" : message;
  }
}
