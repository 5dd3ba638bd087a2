package org.eurasia.registry.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
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
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eurasia.registry.platform.api.InvalidParameterException;
import org.eurasia.registry.platform.api.TextInput;
import org.eurasia.registry.platform.domain.DomainException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} response. Bad input is always a 4xx
 * naming the field; unexpected failures are a 500 carrying only an error id (the stack trace goes
 * to the log, never to the caller). Only the JAX-RS mapping lives here: which field a failure is
 * about is {@link RequestFields}'s, what a domain refusal is {@link DomainProblems}'s, and what a
 * database failure means {@link DatabaseFailures}'s.
 */
public class ProblemMappers {

  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Inject ObjectMapper json;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  /**
   * A domain rule refused the change: each kind has its problem type and status here, at the edge.
   */
  @ServerExceptionMapper
  public Response domain(DomainException e, UriInfo uri) {
    return respond(DomainProblems.of(e), uri);
  }

  /** Too many writes: the problem, and when to try again. */
  @ServerExceptionMapper
  public Response rateLimited(RateLimitedException e, UriInfo uri) {
    return problemResponse(e.problem(), uri)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .build();
  }

  /**
   * The same body a mapper writes, for the HTTP layer's own refusals (e.g. 413) that never reach
   * JAX-RS.
   */
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
            .map(v -> new Problem.FieldError(RequestFields.fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    if (errors.stream().anyMatch(err -> err.field().equals("<return value>"))) {
      return unexpected(e, uri);
    }
    String detail =
        errors.stream()
            .map(err -> err.field() + ": " + err.message())
            .collect(Collectors.joining("; "));
    return respond(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors), uri);
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
    String field = RequestFields.pathOf(e);
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": unknown field",
            List.of(
                new Problem.FieldError(
                    field, "unknown field; allowed: " + e.getKnownPropertyIds()))),
        uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    String field = RequestFields.pathOf(e);
    String expected =
        e.getTargetType() == null ? "a valid value" : RequestFields.describe(e.getTargetType());
    String message = "'" + e.getValue() + "' is not " + expected;
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": " + message,
            List.of(new Problem.FieldError(field, message))),
        uri);
  }

  /**
   * A text field holding a control character (see TextInput): the field and why, never the text
   * itself.
   */
  @ServerExceptionMapper
  public Response refusedText(TextInput.RefusedText e, UriInfo uri) {
    String field = RequestFields.pathOf(e);
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": " + e.getOriginalMessage(),
            List.of(new Problem.FieldError(field, e.getOriginalMessage()))),
        uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    String field = RequestFields.pathOf(e);
    String expected =
        e.getTargetType() == null ? "of another type" : RequestFields.describe(e.getTargetType());
    String message = "must be " + expected;
    return respond(
        Problem.of(
            ProblemType.VALIDATION_FAILED,
            field + ": " + message,
            List.of(new Problem.FieldError(field, message))),
        uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = RequestFields.pathOf(mapping);
      String message = RequestFields.rootMessage(e) + where(e);
      return respond(
          Problem.of(
              ProblemType.VALIDATION_FAILED,
              field + ": " + message,
              List.of(new Problem.FieldError(field, message))),
          uri);
    }
    // Where parsing stopped, so a developer can find the broken spot: line and column of the body,
    // and the parser's own words (never the body itself, which may be large or personal).
    String reason = e.getOriginalMessage() == null ? "" : firstLine(e.getOriginalMessage());
    String message = "not valid JSON" + where(e) + (reason.isEmpty() ? "" : ": " + reason);
    return respond(
        Problem.of(
            ProblemType.MALFORMED_REQUEST,
            "The request body is " + message,
            List.of(new Problem.FieldError("body", message))),
        uri);
  }

  /** " at line L, column C" of the body where the parser stopped, when it knows. */
  private static String where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
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
    return respond(
        Problem.of(ProblemType.FORBIDDEN, "The token's role does not allow this operation"), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    // The JSON reader wraps the parser's failure in a bare 400: answer with what the parser said.
    if (status == 400) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof MismatchedInputException mismatch) {
          return mismatchedInput(mismatch, uri);
        }
        if (cause instanceof JsonProcessingException json) {
          return malformedJson(json, uri);
        }
      }
    }
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

  /**
   * Last resort: known infrastructure failures get their own status, anything else is a 500 with an
   * error id.
   */
  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return respond(problem.problem(), uri);
      }
      if (cause instanceof DomainException refusal) {
        return respond(DomainProblems.of(refusal), uri);
      }
      DatabaseFailures.Classified failure = DatabaseFailures.classify(cause, uri.getPath());
      if (failure != null) {
        Response.ResponseBuilder builder = problemResponse(failure.problem(), uri);
        if (failure.retryAfterSeconds() != null) {
          builder.header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds().toString());
        }
        return builder.build();
      }
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unhandled error %s while serving %s", errorId, uri.getPath());
    return respond(
        Problem.of(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the error id when reporting it")
            .with("errorId", errorId),
        uri);
  }

  private Response challenge(UriInfo uri) {
    return problemResponse(
            Problem.of(
                ProblemType.UNAUTHENTICATED, "A valid bearer token is required for this operation"),
            uri)
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

  private static String safeMessage(WebApplicationException e) {
    // JAX-RS messages are generated by the framework ("HTTP 400 Bad Request"), never from internal
    // state.
    return e.getMessage() == null ? "The request is not valid" : e.getMessage();
  }
}
