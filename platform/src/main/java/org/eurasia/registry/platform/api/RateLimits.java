package org.eurasia.registry.platform.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eurasia.registry.platform.problem.RateLimitedException;
import org.eurasia.registry.platform.security.Caller;
import org.eurasia.registry.platform.security.Roles;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Token buckets that bound what one caller can make a replica do. Two budgets, each a burst
 * refilled at a steady rate; beyond one, a 429 problem says in {@code Retry-After} when to try
 * again:
 *
 * <ul>
 *   <li><b>Writes</b> (POST, PUT, PATCH, DELETE) per verified caller: the token's subject and
 *       organisation, so new tokens for the same system, or the same token spelt differently, share
 *       one bucket ({@code registry.rate-limit.burst}, {@code registry.rate-limit.per-second}).
 *   <li><b>Public reads</b> — without a token, or with one that carries neither the partner nor the
 *       registrar role (an attendee's) — per client address ({@code
 *       registry.rate-limit.anonymous-reads.*}): the public can read, but not at a rate that crowds
 *       out partners. Behind a proxy the address is the forwarded one only when {@code
 *       quarkus.http.proxy.proxy-address-forwarding} trusts that proxy.
 * </ul>
 *
 * A request carrying an Authorization header is authenticated here, before any budget is charged: a
 * bad bearer token is a 401 at once, and a header of another scheme proves nothing, so no one
 * escapes the public budget by sending a made-up header. Buckets are per replica: a cluster admits
 * up to replicas × the limit (the ingress can add a global one).
 */
@ApplicationScoped
public class RateLimits {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Above this many tracked callers, idle full buckets are dropped (they are equal to a new one).
   */
  private static final int CLEANUP_THRESHOLD = 10_000;

  @ConfigProperty(name = "registry.rate-limit.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "registry.rate-limit.burst", defaultValue = "200")
  int burst;

  @ConfigProperty(name = "registry.rate-limit.per-second", defaultValue = "50")
  double perSecond;

  @ConfigProperty(name = "registry.rate-limit.anonymous-reads.burst", defaultValue = "600")
  int anonymousBurst;

  @ConfigProperty(name = "registry.rate-limit.anonymous-reads.per-second", defaultValue = "100")
  double anonymousPerSecond;

  @Inject CurrentIdentityAssociation identities;

  private final Map<String, Bucket> writes = new ConcurrentHashMap<>();
  private final Map<String, Bucket> anonymousReads = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public Uni<Void> limit(ContainerRequestContext request, HttpServerRequest http) {
    boolean write = WRITES.contains(request.getMethod());
    String address = "address:" + http.remoteAddress().hostAddress();
    if (request.getHeaderString("Authorization") == null) {
      charge(write, address, null);
      return Uni.createFrom().voidItem();
    }
    // Whatever the header says, what counts is who it proves: a bad bearer token fails here (401);
    // any other
    // scheme leaves the caller anonymous, and charged as one.
    return identities
        .getDeferredIdentity()
        .invoke(identity -> charge(write, address, identity))
        .replaceWithVoid();
  }

  /**
   * Writes by a verified caller go to its own bucket; everything else by client address. Reads by
   * callers without the partner or registrar role (anonymous, an attendee, a token without a role)
   * share the public's read budget.
   */
  private void charge(boolean write, String address, SecurityIdentity identity) {
    if (!enabled) {
      return;
    }
    boolean verified = identity != null && !identity.isAnonymous();
    if (write) {
      charge(writes, verified ? callerKey(identity) : address, burst, perSecond);
    } else if (!verified
        || !(identity.hasRole(Roles.PARTNER) || identity.hasRole(Roles.REGISTRAR))) {
      charge(anonymousReads, address, anonymousBurst, anonymousPerSecond);
    }
  }

  /** The verified caller: subject and organisation claim, whatever the token's bytes. */
  private static String callerKey(SecurityIdentity identity) {
    String organization = "";
    if (identity.getPrincipal() instanceof JsonWebToken token
        && token.getClaim(Caller.ORG_CLAIM) != null) {
      organization = token.getClaim(Caller.ORG_CLAIM).toString();
    }
    return "caller:" + identity.getPrincipal().getName() + "@" + organization;
  }

  private static void charge(Map<String, Bucket> buckets, String key, int burst, double perSecond) {
    long now = System.nanoTime();
    if (buckets.size() > CLEANUP_THRESHOLD) {
      buckets.values().removeIf(b -> b.isFullAt(now, burst, perSecond));
    }
    double wait =
        buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now, burst, perSecond);
    if (wait > 0) {
      throw new RateLimitedException((long) Math.ceil(wait));
    }
  }

  /**
   * A token bucket; synchronized per caller, so one caller's requests never contend with another's.
   */
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
