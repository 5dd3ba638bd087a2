package org.eurasia.registry.platform.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.idempotency.IdempotentRequests;

/**
 * Applies {@link IdempotentRequests} to an {@link Idempotent} operation from the operation itself:
 * the key from its {@link CarriesIdempotencyKey} parameter, the operation's name from its path
 * template and path parameters ({@code POST /agreements/<id>/signatures}, the names keys were
 * stored under before this interceptor existed), and the request body as what the key must always
 * come with.
 *
 * <p>It runs inside bean validation (a lower priority than the validation interceptor's
 * PLATFORM_AFTER + 800), so a request refused for its fields never claims a key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 1000)
public class IdempotencyInterceptor {

  private final Map<Method, Operation> operations = new ConcurrentHashMap<>();

  @Inject IdempotentRequests requests;

  @AroundInvoke
  Object apply(InvocationContext context) throws Exception {
    Operation operation = operations.computeIfAbsent(context.getMethod(), Operation::of);
    Object[] arguments = context.getParameters();
    return requests.execute(
        operation.key(arguments),
        operation.name(arguments),
        operation.body(arguments),
        () -> proceed(context));
  }

  /**
   * Refuses, at test time rather than on the first request, an {@link Idempotent} method the
   * interceptor could not apply to (no key parameter, no Response, a placeholder without its
   * parameter).
   */
  public static void verify(Method method) {
    Operation.of(method);
  }

  private static Response proceed(InvocationContext context) {
    try {
      return (Response) context.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Resource methods declare no checked exceptions; an interceptor further in might.
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the interceptor needs to know of one resource method, read once from its declaration.
   *
   * @param verb the HTTP method
   * @param template the path below {@link ApiPaths#V1}, with {@code {name}} placeholders
   * @param pathParameters each placeholder's argument index
   * @param keyIndex the argument holding the key
   * @param bodyIndex the request body's argument index, or -1 without a body
   */
  record Operation(
      String verb,
      String template,
      Map<String, Integer> pathParameters,
      int keyIndex,
      int bodyIndex) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");

    private static final Set<Class<? extends Annotation>> NOT_BODY =
        Set.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            CookieParam.class,
            FormParam.class,
            MatrixParam.class,
            BeanParam.class,
            Context.class);

    /** Reads a method's declaration; refuses one that cannot be made idempotent. */
    static Operation of(Method method) {
      if (!Response.class.equals(method.getReturnType())) {
        throw misdeclared(method, "must return a Response, the answer replayed to a retry");
      }
      String verb = null;
      for (Annotation annotation : method.getAnnotations()) {
        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          verb = http.value();
        }
      }
      if (verb == null) {
        throw misdeclared(method, "is not a resource method");
      }
      Map<String, Integer> pathParameters = new LinkedHashMap<>();
      int keyIndex = -1;
      int bodyIndex = -1;
      Parameter[] parameters = method.getParameters();
      for (int i = 0; i < parameters.length; i++) {
        Parameter parameter = parameters[i];
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
          pathParameters.put(path.value(), i);
        }
        if (CarriesIdempotencyKey.class.isAssignableFrom(parameter.getType())) {
          if (keyIndex >= 0) {
            throw misdeclared(method, "takes the Idempotency-Key twice");
          }
          keyIndex = i;
        } else if (NOT_BODY.stream().noneMatch(parameter::isAnnotationPresent)) {
          bodyIndex = i;
        }
      }
      if (keyIndex < 0) {
        throw misdeclared(method, "takes no IdempotencyKey or CommandHeaders parameter");
      }
      String template = pathOf(method.getDeclaringClass()) + pathOf(method);
      if (template.startsWith(ApiPaths.V1)) {
        template = template.substring(ApiPaths.V1.length());
      }
      Matcher placeholders = PLACEHOLDER.matcher(template);
      while (placeholders.find()) {
        if (!pathParameters.containsKey(placeholders.group(1))) {
          throw misdeclared(method, "has no @PathParam for {" + placeholders.group(1) + "}");
        }
      }
      return new Operation(verb, template, Map.copyOf(pathParameters), keyIndex, bodyIndex);
    }

    String key(Object[] arguments) {
      Object container = arguments[keyIndex];
      return container == null ? null : ((CarriesIdempotencyKey) container).idempotencyKey();
    }

    /**
     * The operation with its path parameters filled in, e.g. {@code POST /events/<id>/reschedule}.
     */
    String name(Object[] arguments) {
      Matcher placeholders = PLACEHOLDER.matcher(template);
      StringBuilder name = new StringBuilder(verb).append(' ');
      while (placeholders.find()) {
        Object value = arguments[pathParameters.get(placeholders.group(1))];
        placeholders.appendReplacement(name, Matcher.quoteReplacement(String.valueOf(value)));
      }
      placeholders.appendTail(name);
      return name.toString();
    }

    Object body(Object[] arguments) {
      return bodyIndex < 0 ? null : arguments[bodyIndex];
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement element) {
      Path path = element.getAnnotation(Path.class);
      if (path == null) {
        return "";
      }
      String value = path.value();
      if (!value.startsWith("/")) {
        value = "/" + value;
      }
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static IllegalStateException misdeclared(Method method, String what) {
      return new IllegalStateException(
          "@Idempotent "
              + method.getDeclaringClass().getSimpleName()
              + "."
              + method.getName()
              + " "
              + what);
    }
  }
}
