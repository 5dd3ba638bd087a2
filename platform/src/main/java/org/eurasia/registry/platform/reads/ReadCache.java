package org.eurasia.registry.platform.reads;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Results of cacheable {@link ExpensiveRead}s for anonymous callers, kept until this replica's data
 * changes or {@code registry.reads.cache-ttl} passes (the bound on staleness after a change made
 * through another replica).
 *
 * <p>Every change this replica makes bumps a generation: a successful write request (answered below
 * 400), an event its consumer applied, an event it announced ({@link
 * org.eurasia.registry.platform.events.Outbox}). An entry is served only at the generation it was
 * computed at, and a result computed while the generation moved is not kept, so a read racing a
 * write never pins the older answer.
 */
@ApplicationScoped
public class ReadCache {

  private record Entry(long generation, Instant until, Object value) {}

  private final ConcurrentHashMap<List<Object>, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  @Inject Clock clock;

  @ConfigProperty(name = "registry.reads.cache-ttl", defaultValue = "10s")
  Duration ttl;

  @ConfigProperty(name = "registry.reads.cache-max-entries", defaultValue = "1000")
  int maxEntries;

  public long generation() {
    return generation.get();
  }

  /** Data changed: nothing cached before this moment is served again. */
  public void invalidate() {
    generation.incrementAndGet();
    entries.clear();
  }

  Optional<Object> get(List<Object> key, long current) {
    Entry entry = entries.get(key);
    if (entry == null
        || entry.generation() != current
        || !clock.instant().isBefore(entry.until())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  void put(List<Object> key, long computedAt, Object value) {
    if (ttl.isZero() || ttl.isNegative() || value == null || generation.get() != computedAt) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry(computedAt, clock.instant().plus(ttl), value));
  }

  /**
   * A write that succeeded changed data (its transaction has committed by the time the response is
   * written).
   */
  @ServerResponseFilter
  public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!HttpMethod.GET.name().equals(method)
        && !HttpMethod.HEAD.name().equals(method)
        && response.getStatus() < 400) {
      invalidate();
    }
  }
}
