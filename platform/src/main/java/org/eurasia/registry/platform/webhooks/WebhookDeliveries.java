package org.eurasia.registry.platform.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * The dispatcher's side of the delivery tables: claiming due heads under a lease, recording what
 * each attempt came to (and what that means for the subscription), and pruning the log. Each call
 * is its own short transaction; none holds a lock while a receiver is called.
 */
@ApplicationScoped
public class WebhookDeliveries {

  private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
  private static final int PRUNE_BATCH = 5_000;
  static final String RECORD_TYPE = "webhook-subscription";

  @Inject EntityManager em;

  @Inject WebhooksConfig config;

  @Inject ChangeLog changeLog;

  @Inject Clock clock;

  /** A delivery this replica claimed: what to send, where, signed with what. */
  public record Claimed(
      UUID id, UUID subscriptionId, UUID messageId, String body, String url, String secret) {}

  /**
   * Claims due heads: the oldest pending delivery of each (subscription, record) whose time has
   * come, of active subscriptions, at most {@code perSubscription} per subscription and {@code
   * limit} in all, leaving out the subscriptions in {@code busy}. Rows another replica is claiming
   * are skipped, not waited for.
   */
  @SuppressWarnings("unchecked")
  public List<Claimed> claim(int limit, int perSubscription, Collection<UUID> busy) {
    String lease = config.dispatcher().lease().toMillis() + " milliseconds";
    String excluded = busy.stream().map(UUID::toString).collect(Collectors.joining(","));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Object[]> rows =
                  em.createNativeQuery(
                          "UPDATE webhook_delivery d SET claimed_until = clock_timestamp() +"
                              + " CAST(?1 AS interval) FROM webhook_subscription s"
                              + " WHERE s.id = d.subscription_id AND d.id IN (SELECT id FROM"
                              + " (SELECT c.id, c.position, row_number() OVER (PARTITION BY"
                              + " c.subscription_id ORDER BY c.position) AS rank FROM"
                              + " (SELECT h.id, h.subscription_id, h.position"
                              + " FROM webhook_delivery h JOIN webhook_subscription hs"
                              + " ON hs.id = h.subscription_id"
                              + " WHERE h.status = 'PENDING' AND hs.status = 'ACTIVE'"
                              + " AND h.next_attempt_at <= clock_timestamp()"
                              + " AND (h.claimed_until IS NULL OR h.claimed_until < clock_timestamp())"
                              + " AND NOT (CAST(h.subscription_id AS text) = ANY"
                              + " (string_to_array(?2, ',')))"
                              // Per-record order: a later delivery waits while an earlier one of
                              // the same record is pending (being sent, or waiting for a retry).
                              + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e"
                              + " WHERE e.subscription_id = h.subscription_id"
                              + " AND e.record_type = h.record_type AND e.record_id = h.record_id"
                              + " AND e.status = 'PENDING' AND e.position < h.position)"
                              + " ORDER BY h.position LIMIT ?4 FOR UPDATE OF h SKIP LOCKED) c) r"
                              + " WHERE rank <= ?3 ORDER BY position LIMIT ?5)"
                              + " RETURNING d.id, d.subscription_id, d.message_id, d.body, s.url,"
                              + " s.secret, d.position")
                      .setParameter(1, lease)
                      .setParameter(2, excluded)
                      .setParameter(3, perSubscription)
                      .setParameter(4, limit * 4)
                      .setParameter(5, limit)
                      .getResultList();
              List<Object[]> sorted = new ArrayList<>(rows);
              sorted.sort(
                  (a, b) -> Long.compare(((Number) a[6]).longValue(), ((Number) b[6]).longValue()));
              List<Claimed> claimed = new ArrayList<>(sorted.size());
              for (Object[] row : sorted) {
                claimed.add(
                    new Claimed(
                        (UUID) row[0],
                        (UUID) row[1],
                        (UUID) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5]));
              }
              return claimed;
            });
  }

  /** Gives a claim back unsent (this replica had no slot for it after all). */
  public void release(UUID deliveryId) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE webhook_delivery SET claimed_until = NULL WHERE id = ?1")
                    .setParameter(1, deliveryId)
                    .executeUpdate());
  }

  /**
   * Records an attempt and acts on it: 2xx delivered; 410 disables the subscription and cancels
   * what it had pending; anything else schedules the next attempt, or pauses the subscription when
   * the schedule is used up. Wakes the dispatchers, since the record's next delivery may now be
   * due.
   */
  public void complete(Claimed delivery, WebhookSender.Outcome outcome) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ChangeOrigin.during(
                    "deliverWebhook",
                    () -> record(delivery.id(), delivery.subscriptionId(), outcome)));
  }

  private void record(UUID id, UUID subscriptionId, WebhookSender.Outcome outcome) {
    int attempted =
        em.createNativeQuery(
                "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms,"
                    + " error) SELECT id, clock_timestamp(), ?2, ?3, ?4 FROM webhook_delivery"
                    + " WHERE id = ?1")
            .unwrap(NativeQuery.class)
            .setParameter(1, id)
            .setParameter(2, outcome.statusCode(), StandardBasicTypes.INTEGER)
            .setParameter(3, outcome.latencyMs())
            .setParameter(4, outcome.error(), StandardBasicTypes.STRING)
            .executeUpdate();
    if (attempted == 0) {
      return; // deleted with its subscription meanwhile
    }
    String last =
        "attempts = attempts + 1, last_attempt_at = clock_timestamp(), last_status_code = ?2,"
            + " last_latency_ms = ?3, last_error = ?4, claimed_until = NULL";
    if (outcome.delivered()) {
      update(
          "UPDATE webhook_delivery SET "
              + last
              + ", status = 'DELIVERED', delivered_at = clock_timestamp(), failing_since = NULL"
              + " WHERE id = ?1",
          id,
          outcome);
    } else if (outcome.gone()) {
      update(
          "UPDATE webhook_delivery SET " + last + ", status = 'CANCELLED' WHERE id = ?1",
          id,
          outcome);
      disable(subscriptionId);
    } else {
      int used =
          ((Number)
                  em.createNativeQuery("SELECT attempts FROM webhook_delivery WHERE id = ?1")
                      .setParameter(1, id)
                      .getSingleResult())
              .intValue();
      List<Duration> schedule = config.retrySchedule();
      Duration wait = schedule.get(Math.min(used, schedule.size() - 1));
      long jittered = (long) (wait.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
      update(
          "UPDATE webhook_delivery SET "
              + last
              + ", failing_since = COALESCE(failing_since, clock_timestamp()),"
              + " next_attempt_at = clock_timestamp() + CAST(?5 AS interval) WHERE id = ?1",
          id,
          outcome,
          jittered + " milliseconds");
      if (used + 1 > schedule.size()) {
        pause(subscriptionId, id);
      }
    }
    em.createNativeQuery("SELECT pg_notify('webhooks_' || current_schema(), '')").getSingleResult();
  }

  private void update(String sql, UUID id, WebhookSender.Outcome outcome, Object... more) {
    NativeQuery<?> query =
        em.createNativeQuery(sql)
            .unwrap(NativeQuery.class)
            .setParameter(1, id)
            .setParameter(2, outcome.statusCode(), StandardBasicTypes.INTEGER)
            .setParameter(3, outcome.latencyMs())
            .setParameter(4, outcome.error(), StandardBasicTypes.STRING);
    for (int i = 0; i < more.length; i++) {
      query.setParameter(5 + i, more[i]);
    }
    query.executeUpdate();
  }

  private void disable(UUID subscriptionId) {
    Instant now = clock.instant();
    String reason = "Disabled at " + now + ": the receiver answered 410 Gone";
    if (changeStatus(subscriptionId, "DISABLED", reason, now)) {
      em.createNativeQuery(
              "UPDATE webhook_delivery SET status = 'CANCELLED', claimed_until = NULL"
                  + " WHERE subscription_id = ?1 AND status = 'PENDING'")
          .setParameter(1, subscriptionId)
          .executeUpdate();
    }
  }

  private void pause(UUID subscriptionId, UUID deliveryId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT failing_since, last_error, attempts FROM webhook_delivery WHERE id = ?1")
                .setParameter(1, deliveryId)
                .getSingleResult();
    Instant now = clock.instant();
    String reason =
        "Paused at "
            + now
            + ": delivery "
            + deliveryId
            + " failed "
            + row[2]
            + " attempts since "
            + instant(row[0])
            + "; last error: "
            + row[1];
    changeStatus(
        subscriptionId, "PAUSED", reason.length() > 2000 ? reason.substring(0, 2000) : reason, now);
  }

  /** Moves an active subscription to {@code status}; false when it was not active. */
  private boolean changeStatus(UUID subscriptionId, String status, String reason, Instant now) {
    @SuppressWarnings("unchecked")
    List<Number> versions =
        em.createNativeQuery(
                "UPDATE webhook_subscription SET status = ?2, status_reason = ?3, updated_at = ?4,"
                    + " version = version + 1 WHERE id = ?1 AND status = 'ACTIVE' RETURNING version")
            .setParameter(1, subscriptionId)
            .setParameter(2, status)
            .setParameter(3, reason)
            .setParameter(4, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    if (versions.isEmpty()) {
      return false;
    }
    LOG.warnf("Webhook subscription %s: %s", subscriptionId, reason);
    changeLog.append(
        RECORD_TYPE,
        subscriptionId.toString(),
        versions.get(0).longValue(),
        Map.of("status", status, "statusReason", reason));
    return true;
  }

  @Scheduled(
      identity = "webhook-delivery-pruning",
      every = "${registry.webhooks.prune-interval:1h}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledPrune() {
    prune(clock.instant().minus(config.deliveryRetention()));
  }

  /**
   * Deletes delivered and cancelled deliveries created before {@code cutoff} and attempts made
   * before it, a bounded batch per transaction; pending deliveries are never pruned.
   */
  public long prune(Instant cutoff) {
    long total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery(
                                  "DELETE FROM webhook_attempt WHERE id IN (SELECT id FROM"
                                      + " webhook_attempt WHERE attempted_at < ?1 LIMIT ?2)")
                              .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                              .setParameter(2, PRUNE_BATCH)
                              .executeUpdate()
                          + em.createNativeQuery(
                                  "DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM"
                                      + " webhook_delivery WHERE status <> 'PENDING' AND"
                                      + " created_at < ?1 LIMIT ?2)")
                              .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                              .setParameter(2, PRUNE_BATCH)
                              .executeUpdate());
      total += deleted;
    } while (deleted >= PRUNE_BATCH);
    if (total > 0) {
      LOG.infof("Pruned %d webhook deliveries and attempts from before %s", total, cutoff);
    }
    return total;
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
