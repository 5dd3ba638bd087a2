package org.eurasia.registry.platform.changes;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eurasia.registry.platform.security.Caller;
import org.eurasia.registry.platform.security.Roles;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Where the change being written comes from: the actor, the operation (the OpenAPI {@code
 * operationId} of the request, or the job or reaction outside one) and the request id. Read by
 * {@link ChangeLog} when it appends an entry; domain code never sees it.
 *
 * <p>The request id is the caller's {@code X-Request-Id} when it is a sane token (so a partner can
 * find its own request in a record's history), or one made here; either way it is echoed in the
 * response.
 */
@ApplicationScoped
public class ChangeOrigin {

  public static final String REQUEST_ID = "X-Request-Id";

  private static final Pattern SANE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:\\-]{1,100}$");
  private static final String ID = ChangeOrigin.class.getName() + ".requestId";
  private static final ThreadLocal<String> BACKGROUND = new ThreadLocal<>();

  private final Map<Method, String> operations = new ConcurrentHashMap<>();

  @Inject Caller caller;

  @Inject RequestOrigin request;

  /** What the current request or background work is, for the change log. */
  public record Origin(Actor actor, String operation, String requestId) {}

  /**
   * Runs background work (a scheduled job, a reaction to another service's event) under an
   * operation name, so the entries it writes say what wrote them.
   */
  public static <T> T during(String operation, Supplier<T> work) {
    String outer = BACKGROUND.get();
    BACKGROUND.set(operation);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        BACKGROUND.remove();
      } else {
        BACKGROUND.set(outer);
      }
    }
  }

  public static void during(String operation, Runnable work) {
    during(
        operation,
        () -> {
          work.run();
          return null;
        });
  }

  @ServerRequestFilter
  public void identify(ContainerRequestContext request, ResourceInfo resource) {
    String given = request.getHeaderString(REQUEST_ID);
    String id =
        given != null && SANE_REQUEST_ID.matcher(given).matches()
            ? given
            : UUID.randomUUID().toString();
    request.setProperty(ID, id);
    this.request.identify(
        resource != null && resource.getResourceMethod() != null
            ? operationOf(resource)
            : "unknown",
        id);
  }

  @ServerResponseFilter
  public void echo(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ID);
    if (id != null) {
      response.getHeaders().putSingle(REQUEST_ID, id);
    }
  }

  /** The origin of a change written now. */
  public Origin current() {
    String background = BACKGROUND.get();
    if (background == null && Arc.container().requestContext().isActive()) {
      String operation = request.operation();
      if (operation != null) {
        return new Origin(actor(), operation, request.requestId());
      }
    }
    // Outside an HTTP request (a scheduled job runs with a request context, but no filter named
    // its operation): the service itself.
    return new Origin(Actor.SYSTEM, background != null ? background : "scheduled", null);
  }

  private Actor actor() {
    if (caller.isAnonymous()) {
      return new Actor("anonymous", null, "anonymous");
    }
    String subject = caller.principal();
    int at = subject.lastIndexOf('@');
    String name = caller.affiliation().isPresent() && at > 0 ? subject.substring(0, at) : subject;
    String role =
        caller.isRegistrar()
            ? Roles.REGISTRAR
            : caller.isPartner()
                ? Roles.PARTNER
                : caller.isOperator() ? Roles.OPERATOR : Roles.ATTENDEE;
    return new Actor(name, caller.organization().orElse(null), role);
  }

  private String operationOf(ResourceInfo resource) {
    return operations.computeIfAbsent(
        resource.getResourceMethod(),
        method -> {
          Operation operation = method.getAnnotation(Operation.class);
          return operation != null && !operation.operationId().isBlank()
              ? operation.operationId()
              : method.getName();
        });
  }

  /** The request's operation and id, as the filter found them. */
  @RequestScoped
  public static class RequestOrigin {
    private String operation;
    private String requestId;

    public void identify(String operation, String requestId) {
      this.operation = operation;
      this.requestId = requestId;
    }

    public String operation() {
      return operation;
    }

    public String requestId() {
      return requestId;
    }
  }
}
