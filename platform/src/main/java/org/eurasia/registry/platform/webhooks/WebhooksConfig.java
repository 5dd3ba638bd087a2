package org.eurasia.registry.platform.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks: who may subscribe what, and how deliveries are sent ({@code registry.webhooks.*}). */
@ConfigMapping(prefix = "registry.webhooks")
public interface WebhooksConfig {

  /**
   * Waits after each failed attempt of a delivery, in order; each is varied by ±20% so receivers
   * coming back are not hit by every sender at once. The default spans about 27.6 hours, so a
   * receiver down for a day still gets everything. When a delivery has used them all, its
   * subscription is paused (nothing is dropped).
   */
  @WithDefault("5s,5m,30m,2h,5h,10h,10h")
  List<Duration> retrySchedule();

  /**
   * CIDR ranges a target may resolve to although they are loopback, private, link-local or
   * otherwise internal (the local stack and tests allow {@code 127.0.0.0/8}). Empty by default: a
   * subscription can never make the service call into its own network.
   */
  Optional<List<String>> allowedTargets();

  /** Whether target URLs must be https; only the local stack and tests turn it off. */
  @WithDefault("true")
  boolean requireHttps();

  /** Subscriptions one organisation (or the registrars together) may hold. */
  @WithDefault("10")
  int maxSubscriptionsPerOrganization();

  /** How long delivered and cancelled deliveries and all attempts stay in the delivery log. */
  @WithDefault("P30D")
  Duration deliveryRetention();

  /** How often the delivery log is pruned. */
  @WithDefault("1h")
  Duration pruneInterval();

  Dispatcher dispatcher();

  /** The sender. */
  interface Dispatcher {

    /** Off only for tests that drive delivery themselves, or a replica that should never send. */
    @WithDefault("true")
    boolean enabled();

    /** Fallback poll when no commit notification arrives (NOTIFY wakes the dispatcher at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Time to open a connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time a receiver has to answer, after which the attempt failed (and is retried). */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery is left to the dispatcher sending it. Longer than connect plus
     * request timeout, so a live dispatcher always finishes first; a dead one's claims expire and
     * any replica sends them again.
     */
    @WithDefault("1m")
    Duration lease();

    /** Deliveries in flight at once for this replica. */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Deliveries in flight at once for one subscription: a slow receiver occupies only these, never
     * the others' slots.
     */
    @WithDefault("4")
    int maxInFlightPerSubscription();
  }
}
