package org.eurasia.registry.platform.reads;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eurasia.registry.platform.security.Caller;
import org.hibernate.Session;

/**
 * Bounds {@link ExpensiveRead} methods for the public (anonymous callers, and tokens without the
 * partner or registrar role): their statements run in a transaction with {@code SET LOCAL
 * statement_timeout} ({@code registry.reads.anonymous-statement-timeout}), so a costly query from
 * the open internet ends with PostgreSQL's cancellation (mapped to a 503 problem with {@code
 * Retry-After}) instead of holding a connection; cacheable results are shared among anonymous
 * callers through {@link ReadCache}. Partners and registrars are not bounded: their reads are
 * accountable to an organisation. Runs outside the method's own {@code @Transactional} (lower
 * priority number), so the method joins the transaction opened here.
 */
@ExpensiveRead
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ExpensiveReads {

  @Inject Caller caller;

  @Inject EntityManager entityManager;

  @Inject ReadCache cache;

  @ConfigProperty(name = "registry.reads.anonymous-statement-timeout", defaultValue = "3s")
  Duration timeout;

  @AroundInvoke
  Object bound(InvocationContext invocation) throws Exception {
    if (caller.isPartner() || caller.isRegistrar()) {
      return invocation.proceed();
    }
    // The public: anonymous callers, and tokens with neither role (an attendee's) — bounded alike.
    // Only answers to
    // anonymous callers are shared: a token's answer might depend on who holds it.
    boolean cacheable = binding(invocation).cacheable() && caller.isAnonymous();
    List<Object> key = null;
    long generation = cache.generation();
    if (cacheable) {
      key = new ArrayList<>();
      key.add(invocation.getMethod().toGenericString());
      key.addAll(Arrays.asList(invocation.getParameters()));
      Optional<Object> known = cache.get(key, generation);
      if (known.isPresent()) {
        return known.get();
      }
    }
    Object result =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  entityManager
                      .unwrap(Session.class)
                      .doWork(
                          connection -> {
                            try (Statement statement = connection.createStatement()) {
                              statement.execute(
                                  "SET LOCAL statement_timeout = "
                                      + Math.max(1, timeout.toMillis()));
                            }
                          });
                  return invocation.proceed();
                });
    if (cacheable) {
      cache.put(key, generation, result);
    }
    return result;
  }

  private static ExpensiveRead binding(InvocationContext invocation) {
    ExpensiveRead onMethod = invocation.getMethod().getAnnotation(ExpensiveRead.class);
    return onMethod != null
        ? onMethod
        : invocation.getMethod().getDeclaringClass().getAnnotation(ExpensiveRead.class);
  }
}
