package org.eurasia.registry.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eurasia.registry.platform.api.InvalidParameterException;
import org.eurasia.registry.platform.api.TextInput;
import org.eurasia.registry.platform.domain.DomainException;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.domain.UnknownReference;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} response. Bad input is always a 4xx naming the field;
 * unexpected failures are a 500 carrying only an error id (the stack trace goes to the log, never to the caller).
 */
public class ProblemMappers {

  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Inject ObjectMapper json;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  /** A domain rule refused the change: each kind has its problem type and status here, at the edge. */
  @ServerExceptionMapper
  public Response domain(DomainException e, UriInfo uri) {
    return respond(problemOf(e), uri);
  }

  /** The problem a domain refusal is, with its facts beside the detail. */
  public static Problem problemOf(DomainException e) {
    Problem problem;
    if (e instanceof RuleViolation v) {
      problem = Problem.of(ProblemType.RULE_VIOLATED, v.getMessage()).with("condition", v.rule());
    } else if (e instanceof InvalidValue v) {
      problem = Problem.of(ProblemType.VALIDATION_FAILED, v.getMessage(), List.of(new Problem.FieldError(v.term(), v.reason())));
    } else if (e instanceof StateConflict) {
      problem = Problem.of(ProblemType.CONFLICT, e.getMessage());
    } else if (e instanceof InvalidTransition t) {
      problem = Problem.of(ProblemType.INVALID_STATE_TRANSITION, t.getMessage())
          .with("currentState", t.currentState()).with("allowedTransitions", t.allowed());
    } else if (e instanceof UnknownReference r) {
      problem = Problem.of(ProblemType.UNKNOWN_REFERENCE, r.getMessage(), List.of(new Problem.FieldError(r.term(), r.getMessage())));
    } else {
      // NotPermitted, the last kind of the sealed hierarchy.
      problem = Problem.of(ProblemType.FORBIDDEN, e.getMessage());
    }
    e.facts().forEach(problem::with);
    return problem;
  }

  /** Too many writes: the problem, and when to try again. */
  @ServerExceptionMapper
  public Response rateLimited(RateLimitedException e, UriInfo uri) {
    return problemResponse(e.problem(), uri).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
  }

  /** The same body a mapper writes, for the HTTP layer's own refusals (e.g. 413) that never reach JAX-RS. */
  public static String render(ObjectMapper json, Problem problem, String path) {
    problem.at(path);
    try {
      return json.writeValueAsString(problem);
    } catch (JsonProcessingException impossible) {
      return "{\"status\":" + problem.getStatus() + "}";
    }
  }

  @ServerExceptionMapper
  public Response beanValidation(ResteasyReactiveViolationException e, UriInfo uri) {
    return constraintViolations(e, uri);
  }

  @ServerExceptionMapper
  public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    if (errors.stream().anyMatch(err -> err.field().equals("<return value>"))) {
      return unexpected(e, uri);
    }
    String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
    return respond(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors), uri);
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
    String field = pathOf(e);
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": unknown field",
            List.of(new Problem.FieldError(field, "unknown field; allowed: " + e.getKnownPropertyIds()))),
        uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    String field = pathOf(e);
    String expected = e.getTargetType() == null ? "a valid value" : describe(e.getTargetType());
    String message = "'" + e.getValue() + "' is not " + expected;
    return respond(
        Problem.of(ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.FieldError(field, message))),
        uri);
  }

  /** A text field holding a control character (see TextInput): the field and why, never the text itself. */
  @ServerExceptionMapper
  public Response refusedText(TextInput.RefusedText e, UriInfo uri) {
    String field = pathOf(e);
    return respond(
        Problem.of(ProblemType.VALIDATION_FAILED, field + ": " + e.getOriginalMessage(),
            List.of(new Problem.FieldError(field, e.getOriginalMessage()))),
        uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    String field = pathOf(e);
    String expected = e.getTargetType() == null ? "of another type" : describe(e.getTargetType());
    String message = "must be " + expected;
    return respond(
        Problem.of(ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.FieldError(field, message))),
        uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = pathOf(mapping);
      String message = rootMessage(e);
      return respond(
          Problem.of(ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.FieldError(field, message))),
          uri);
    }
    return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON"), uri);
  }

  @ServerExceptionMapper
  public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            e.parameter() + ": " + e.reason(),
            List.of(new Problem.FieldError(e.parameter(), e.reason()))),
        uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return challenge(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return challenge(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(Problem.of(ProblemType.FORBIDDEN, "The token's role does not allow this operation"), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    ProblemType type =
        switch (status) {
          case 400 -> ProblemType.MALFORMED_REQUEST;
          case 401 -> null;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 500 ? null : ProblemType.MALFORMED_REQUEST;
        };
    if (status == 401) {
      return challenge(uri);
    }
    if (type == null) {
      return unexpected(e, uri);
    }
    String detail =
        switch (status) {
          case 404 -> "No resource at " + uri.getPath();
          case 405 -> "This resource does not support the request method";
          case 406 -> "This resource cannot produce the requested media type";
          case 415 -> "This resource does not accept the request's content type";
          default -> safeMessage(e);
        };
    Response.ResponseBuilder builder = problemResponse(Problem.of(type, detail), uri);
    if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return builder.build();
  }

  /** Last resort: known infrastructure failures get their own status, anything else is a 500 with an error id. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return respond(problem.problem(), uri);
      }
      if (cause instanceof DomainException refusal) {
        return respond(problemOf(refusal), uri);
      }
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return respond(
            Problem.of(ProblemType.PRECONDITION_FAILED, "The resource was changed by another request; fetch it again"),
            uri);
      }
      if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
        // The database's constraints back the code's own checks (quota counters, references); when a race gets past
        // a check, the constraint refuses the write and the caller gets the conflict, not a 500.
        switch (violation.getKind()) {
          case UNIQUE:
            return respond(Problem.of(ProblemType.CONFLICT, "A resource with the same unique value already exists"), uri);
          case CHECK:
            return respond(Problem.of(ProblemType.CONFLICT, "The change would break a limit the registry enforces; fetch the resource again"), uri);
          case FOREIGN_KEY:
            return respond(Problem.of(ProblemType.CONFLICT, "The change conflicts with records that refer to this one"), uri);
          default:
            break;
        }
      }
      if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        // Text PostgreSQL cannot hold (a NUL character inside a JSON string): the caller's input, not our failure.
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request contains a character that cannot be stored (NUL)"), uri);
      }
      if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
        // The statement timeout of an anonymous expensive read (ExpensiveReads) cancelled the query.
        LOG.infof("Query cancelled by its statement timeout while serving %s", uri.getPath());
        return problemResponse(
                Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The query took longer than anonymous reads may; retry later, narrow the request, or call with a token"),
                uri)
            .header(HttpHeaders.RETRY_AFTER, "10")
            .build();
      }
      if (isDatabaseUnavailable(cause)) {
        LOG.warnf("Database unavailable while serving %s: %s", uri.getPath(), cause.getMessage());
        return problemResponse(
                Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry later"), uri)
            .header(HttpHeaders.RETRY_AFTER, "5")
            .build();
      }
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unhandled error %s while serving %s", errorId, uri.getPath());
    return respond(
        Problem.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the error id when reporting it")
            .with("errorId", errorId),
        uri);
  }

  private static boolean isDatabaseUnavailable(Throwable cause) {
    if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      String message = String.valueOf(sql.getMessage());
      // 08xxx: connection exceptions; 57P0x: the server is shutting down or restarting. Agroal reports an exhausted
      // pool (every connection lost, or all busy) as an acquisition timeout without a SQL state ("Sorry, acquisition
      // timeout!" when the pool is full, "Acquisition timeout while waiting for new connection" when it cannot connect).
      return (state != null && (state.startsWith("08") || state.startsWith("57P")))
          || message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
    return false;
  }

  private Response challenge(UriInfo uri) {
    return problemResponse(
            Problem.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required for this operation"), uri)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  private Response respond(Problem problem, UriInfo uri) {
    return problemResponse(problem, uri).build();
  }

  private Response.ResponseBuilder problemResponse(Problem problem, UriInfo uri) {
    problem.at(uri == null ? null : uri.getPath());
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException impossible) {
      body = "{\"status\":" + problem.getStatus() + "}";
    }
    return Response.status(problem.getStatus()).type(PROBLEM_JSON).entity(body);
  }

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
      // A parameter followed by properties is a request body: its Java name means nothing to the caller.
      if (kind == ElementKind.PARAMETER && i < all.size() - 1
          && (all.get(i + 1).getKind() == ElementKind.PROPERTY || all.get(i + 1).getKind() == ElementKind.BEAN)) {
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

  private static String describe(Class<?> type) {
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

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
    return message == null ? "invalid value" : message;
  }

  private static String safeMessage(WebApplicationException e) {
    // JAX-RS messages are generated by the framework ("HTTP 400 Bad Request"), never from internal state.
    return e.getMessage() == null ? "The request is not valid" : e.getMessage();
  }
}
