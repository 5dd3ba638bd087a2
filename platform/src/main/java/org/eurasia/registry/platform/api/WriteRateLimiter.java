package org.eurasia.registry.platform.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eurasia.registry.platform.problem.RateLimitedException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits write requests (POST, PUT, PATCH, DELETE) per bearer token — or per client address without one — with a
 * token bucket: {@code registry.rate-limit.burst} writes at once, refilled at {@code registry.rate-limit.per-second}.
 * Beyond that a 429 problem says, in {@code Retry-After}, when the next write will be accepted. Reads are not limited.
 * Buckets are per replica, so a cluster admits up to replicas × the limit; the ingress can add a global limit.
 */
@ApplicationScoped
public class WriteRateLimiter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Above this many tracked callers, idle full buckets are dropped (they are equal to a new one). */
  private static final int CLEANUP_THRESHOLD = 10_000;

  @ConfigProperty(name = "registry.rate-limit.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "registry.rate-limit.burst", defaultValue = "200")
  int burst;

  @ConfigProperty(name = "registry.rate-limit.per-second", defaultValue = "50")
  double perSecond;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @ServerRequestFilter(preMatching = true)
  public void limit(ContainerRequestContext request, HttpServerRequest http) {
    if (!enabled || !WRITES.contains(request.getMethod())) {
      return;
    }
    String authorization = request.getHeaderString("Authorization");
    String caller = authorization != null ? "token:" + sha256(authorization) : "address:" + http.remoteAddress().hostAddress();
    long now = System.nanoTime();
    if (buckets.size() > CLEANUP_THRESHOLD) {
      buckets.values().removeIf(b -> b.isFullAt(now, burst, perSecond));
    }
    double wait = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now)).take(now, burst, perSecond);
    if (wait > 0) {
      throw new RateLimitedException((long) Math.ceil(wait));
    }
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token bucket; synchronized per caller, so one caller's requests never contend with another's. */
  static final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.updatedAt = now;
    }

    /** Takes one token: returns 0 when taken, else the seconds until one is available. */
    synchronized double take(long now, int burst, double perSecond) {
      refill(now, burst, perSecond);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / perSecond;
    }

    synchronized boolean isFullAt(long now, int burst, double perSecond) {
      refill(now, burst, perSecond);
      return tokens >= burst;
    }

    private void refill(long now, int burst, double perSecond) {
      tokens = Math.min(burst, tokens + (now - updatedAt) / 1e9 * perSecond);
      updatedAt = now;
    }
  }
}
