package org.eurasia.registry.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.changes.FeedEvent;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.MessagingConfig;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.security.Caller;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Webhook subscriptions and their delivery logs, as their owners manage them. A partner owns its
 * organisation's subscriptions and sees no other (another's is a 404, like a missing one); a
 * registrar sees all. Every change of a subscription is in the change log (never its secret).
 */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {

  public static final String PING_TYPE = "registry.webhook.ping.v1";
  private static final Set<String> DELIVERY_STATUSES = Set.of("PENDING", "DELIVERED", "CANCELLED");
  private static final String COLUMNS =
      "id, url, array_to_string(event_types, ','), description, status, status_reason,"
          + " owner_organization, created_at, updated_at, version";
  private static final String DELIVERY_COLUMNS =
      "id, message_id, event_type, record_type, record_id, status, attempts, last_status_code,"
          + " last_latency_ms, last_error, last_attempt_at, next_attempt_at, delivered_at,"
          + " created_at, position";

  @Inject EntityManager em;

  @Inject Caller caller;

  @Inject ChangeLog changeLog;

  @Inject WebhooksConfig config;

  @Inject WebhookSender sender;

  @Inject MessagingConfig messaging;

  @Inject ObjectMapper json;

  @Inject Clock clock;

  /**
   * Registers a subscription for the caller's organisation (or the registrars); with its secret.
   */
  public WebhookView create(WebhookRequest request) {
    String url = checkedUrl(request.url());
    List<String> types = checkedTypes(request.eventTypes());
    String organization = owner();
    long held =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM webhook_subscription WHERE"
                            + " (CAST(?1 AS text) IS NULL AND registrar)"
                            + " OR owner_organization = CAST(?1 AS text)")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, organization, StandardBasicTypes.STRING)
                    .getSingleResult())
            .longValue();
    if (held >= config.maxSubscriptionsPerOrganization()) {
      throw ProblemException.ruleViolated(
          "webhook-limit",
          "At most "
              + config.maxSubscriptionsPerOrganization()
              + " webhook subscriptions per organisation; delete one first");
    }
    UUID id = UUID.randomUUID();
    String secret = WebhookSignature.newSecret();
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO webhook_subscription (id, owner_organization, owner_subject, registrar,"
                + " url, event_types, description, secret, status, created_at, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, string_to_array(?6, ','), ?7, ?8, 'ACTIVE', ?9, ?9)")
        .unwrap(NativeQuery.class)
        .setParameter(1, id)
        .setParameter(2, organization, StandardBasicTypes.STRING)
        .setParameter(3, caller.principal())
        .setParameter(4, caller.isRegistrar())
        .setParameter(5, url)
        .setParameter(6, String.join(",", types))
        .setParameter(7, request.description(), StandardBasicTypes.STRING)
        .setParameter(8, secret)
        .setParameter(9, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    logChange(id, 0, request, "ACTIVE");
    return find(id).withSecret(secret);
  }

  /** Changes URL, types and description; the secret stays. */
  public WebhookView update(UUID id, ExpectedVersion expected, WebhookRequest request) {
    WebhookView current = find(id);
    expected.check(current.version());
    String url = checkedUrl(request.url());
    List<String> types = checkedTypes(request.eventTypes());
    em.createNativeQuery(
            "UPDATE webhook_subscription SET url = ?2, event_types = string_to_array(?3, ','),"
                + " description = ?4, updated_at = ?5, version = version + 1 WHERE id = ?1")
        .unwrap(NativeQuery.class)
        .setParameter(1, id)
        .setParameter(2, url)
        .setParameter(3, String.join(",", types))
        .setParameter(4, request.description(), StandardBasicTypes.STRING)
        .setParameter(5, clock.instant().atOffset(ZoneOffset.UTC))
        .executeUpdate();
    logChange(id, current.version() + 1, request, current.status());
    return find(id);
  }

  /** Deletes a subscription with its delivery log; what was pending is never sent. */
  public void delete(UUID id, ExpectedVersion expected) {
    WebhookView current = find(id);
    expected.check(current.version());
    em.createNativeQuery("DELETE FROM webhook_subscription WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    changeLog.append(
        WebhookDeliveries.RECORD_TYPE,
        id.toString(),
        current.version() + 1,
        Map.of("deleted", true));
  }

  /**
   * Makes a paused or disabled subscription active again, and everything it has pending due now,
   * with a fresh retry schedule.
   */
  public WebhookView resume(UUID id) {
    WebhookView current = find(id);
    if (!current.status().equals("ACTIVE")) {
      em.createNativeQuery(
              "UPDATE webhook_subscription SET status = 'ACTIVE', status_reason = NULL,"
                  + " updated_at = ?2, version = version + 1 WHERE id = ?1")
          .setParameter(1, id)
          .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
          .executeUpdate();
      changeLog.append(
          WebhookDeliveries.RECORD_TYPE,
          id.toString(),
          current.version() + 1,
          Map.of("status", "ACTIVE"));
    }
    em.createNativeQuery(
            "UPDATE webhook_delivery SET next_attempt_at = now(), attempts = 0,"
                + " failing_since = NULL WHERE subscription_id = ?1 AND status = 'PENDING'")
        .setParameter(1, id)
        .executeUpdate();
    return find(id);
  }

  /** One subscription the caller may see, else 404. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookView find(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?1 AND " + visible(2))
            .unwrap(NativeQuery.class)
            .setParameter(1, id)
            .setParameter(2, caller.isRegistrar())
            .setParameter(3, caller.organization().orElse(""))
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Webhook", id);
    }
    return view(rows.get(0));
  }

  /** The caller's subscriptions (all, for a registrar), oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<WebhookView> list(int limit, Cursor after) {
    Instant from = after == null ? Instant.EPOCH : after.instant(0);
    UUID fromId = after == null ? new UUID(0, 0) : after.uuid(1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM webhook_subscription WHERE "
                    + visible(1)
                    + " AND (created_at, id) > (?3, ?4) ORDER BY created_at, id LIMIT ?5")
            .setParameter(1, caller.isRegistrar())
            .setParameter(2, caller.organization().orElse(""))
            .setParameter(3, from.atOffset(ZoneOffset.UTC))
            .setParameter(4, fromId)
            .setParameter(5, limit + 1)
            .getResultList();
    List<WebhookView> views = rows.stream().map(WebhookSubscriptions::view).toList();
    return Slice.fromOverfetch(
        views, limit, v -> Cursor.of(v.createdAt().toString(), v.id().toString()));
  }

  /** A subscription's delivery log, newest first, optionally of one status. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<DeliveryView> deliveries(UUID id, String status, int limit, Cursor after) {
    // The caller's input first: a forged cursor is a 400 whether or not the webhook exists.
    long before = after == null ? Long.MAX_VALUE : after.number(0);
    if (status != null && !DELIVERY_STATUSES.contains(status)) {
      throw ProblemException.invalidField("status", "must be one of " + DELIVERY_STATUSES);
    }
    find(id);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM webhook_delivery WHERE subscription_id = ?1 AND position < ?2"
                    + " AND (?3 = '' OR status = ?3) ORDER BY position DESC LIMIT ?4")
            .setParameter(1, id)
            .setParameter(2, before)
            .setParameter(3, status == null ? "" : status)
            .setParameter(4, limit + 1)
            .getResultList();
    List<Object[]> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    Cursor next = rows.size() > limit ? Cursor.of(page.get(limit - 1)[14].toString()) : null;
    return new Slice<>(page.stream().map(WebhookSubscriptions::delivery).toList(), next);
  }

  /** One delivery with its attempts. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public DeliveryView delivery(UUID id, UUID deliveryId) {
    find(id);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM webhook_delivery WHERE id = ?1 AND subscription_id = ?2")
            .setParameter(1, deliveryId)
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Webhook delivery", deliveryId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> attempts =
        em.createNativeQuery(
                "SELECT attempted_at, status_code, latency_ms, error FROM webhook_attempt"
                    + " WHERE delivery_id = ?1 ORDER BY id")
            .setParameter(1, deliveryId)
            .getResultList();
    return delivery(rows.get(0))
        .withAttempts(
            attempts.stream()
                .map(
                    a ->
                        new DeliveryView.Attempt(
                            WebhookDeliveries.instant(a[0]),
                            integer(a[1]),
                            integer(a[2]),
                            (String) a[3]))
                .toList());
  }

  /**
   * Queues a delivery again, due now and with the same {@code webhook-id}: a pending one keeps its
   * place, a delivered or cancelled one is queued anew at the tail of its record's order.
   */
  public DeliveryView redeliver(UUID id, UUID deliveryId) {
    WebhookView subscription = find(id);
    if (subscription.status().equals("DISABLED")) {
      throw ProblemException.conflict(
          "The webhook is disabled (" + subscription.statusReason() + "); resume it first");
    }
    delivery(id, deliveryId);
    int pending =
        em.createNativeQuery(
                "UPDATE webhook_delivery SET next_attempt_at = now(), attempts = 0,"
                    + " failing_since = NULL WHERE id = ?1 AND status = 'PENDING'")
            .setParameter(1, deliveryId)
            .executeUpdate();
    if (pending > 0) {
      return delivery(id, deliveryId);
    }
    UUID again = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO webhook_delivery (id, subscription_id, message_id, event_type, record_type,"
                + " record_id, body, status, next_attempt_at, created_at) SELECT ?1, subscription_id,"
                + " message_id, event_type, record_type, record_id, body, 'PENDING', now(), now()"
                + " FROM webhook_delivery WHERE id = ?2")
        .setParameter(1, again)
        .setParameter(2, deliveryId)
        .executeUpdate();
    return delivery(id, again);
  }

  /**
   * Sends a {@code registry.webhook.ping.v1} CloudEvent now, waits for the answer (within the
   * timeouts) and records it in the delivery log; never retried.
   */
  @Transactional(Transactional.TxType.NEVER)
  public PingResult ping(UUID id) {
    WebhookView subscription = find(id);
    String secret =
        (String)
            em.createNativeQuery("SELECT secret FROM webhook_subscription WHERE id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    UUID messageId = UUID.randomUUID();
    Instant now = clock.instant();
    String body;
    try {
      body =
          json.writeValueAsString(
              new FeedEvent(
                  FeedEvent.SPEC_VERSION,
                  messageId.toString(),
                  messaging.source(),
                  PING_TYPE,
                  id.toString(),
                  now,
                  FeedEvent.JSON,
                  WebhookDeliveries.RECORD_TYPE,
                  subscription.version(),
                  false,
                  "{\"webhookId\":\"" + id + "\"}"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Duration wait =
        config
            .dispatcher()
            .connectTimeout()
            .plus(config.dispatcher().requestTimeout())
            .plusSeconds(5);
    WebhookSender.Outcome outcome;
    try {
      outcome =
          sender
              .send(subscription.url(), secret, messageId.toString(), body)
              .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new WebhookSender.Outcome(null, (int) wait.toMillis(), "Interrupted");
    } catch (ExecutionException | TimeoutException e) {
      outcome = new WebhookSender.Outcome(null, (int) wait.toMillis(), "No answer in time");
    }
    UUID deliveryId = UUID.randomUUID();
    WebhookSender.Outcome result = outcome;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO webhook_delivery (id, subscription_id, message_id, event_type,"
                          + " record_type, record_id, body, status, attempts, next_attempt_at,"
                          + " last_attempt_at, last_status_code, last_latency_ms, last_error,"
                          + " delivered_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1,"
                          + " now(), now(), ?9, ?10, ?11, CASE WHEN ?12 THEN now() END, now())")
                  .unwrap(NativeQuery.class)
                  .setParameter(1, deliveryId)
                  .setParameter(2, id)
                  .setParameter(3, messageId)
                  .setParameter(4, PING_TYPE)
                  .setParameter(5, WebhookDeliveries.RECORD_TYPE)
                  .setParameter(6, id.toString())
                  .setParameter(7, body)
                  .setParameter(8, result.delivered() ? "DELIVERED" : "CANCELLED")
                  .setParameter(9, result.statusCode(), StandardBasicTypes.INTEGER)
                  .setParameter(10, result.latencyMs())
                  .setParameter(11, result.error(), StandardBasicTypes.STRING)
                  .setParameter(12, result.delivered())
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code,"
                          + " latency_ms, error) VALUES (?1, now(), ?2, ?3, ?4)")
                  .unwrap(NativeQuery.class)
                  .setParameter(1, deliveryId)
                  .setParameter(2, result.statusCode(), StandardBasicTypes.INTEGER)
                  .setParameter(3, result.latencyMs())
                  .setParameter(4, result.error(), StandardBasicTypes.STRING)
                  .executeUpdate();
            });
    return new PingResult(
        deliveryId, result.delivered(), result.statusCode(), result.latencyMs(), result.error());
  }

  private String owner() {
    if (caller.isRegistrar()) {
      return null;
    }
    return caller
        .organization()
        .orElseThrow(
            () -> ProblemException.forbidden("Only a partner acting for an organisation may"));
  }

  private String checkedUrl(String url) {
    try {
      sender.targets().check(url);
      return url;
    } catch (WebhookTargets.Refused refused) {
      throw new ProblemException(
          Problem.of(
              ProblemType.UNPROCESSABLE,
              "url: " + refused.getMessage(),
              List.of(new Problem.FieldError("url", refused.getMessage()))));
    }
  }

  private static List<String> checkedTypes(List<String> types) {
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      if (type == null || type.length() > 200 || !ChangeLog.TYPE_PATTERN.matcher(type).matches()) {
        throw ProblemException.invalidField(
            "eventTypes[" + i + "]",
            "must be an event type (registry.agreement.signed.v1), a family"
                + " (registry.agreement.*) or *");
      }
      if (!checked.contains(type)) {
        checked.add(type);
      }
    }
    return checked;
  }

  private void logChange(UUID id, long version, WebhookRequest request, String status) {
    Map<String, Object> changed = new LinkedHashMap<>();
    changed.put("url", request.url());
    changed.put("eventTypes", request.eventTypes());
    if (request.description() != null) {
      changed.put("description", request.description());
    }
    changed.put("status", status);
    changeLog.append(WebhookDeliveries.RECORD_TYPE, id.toString(), version, changed);
  }

  /** Registrars see every subscription; a partner its organisation's. */
  private static String visible(int first) {
    return "(?" + first + " OR owner_organization = ?" + (first + 1) + ")";
  }

  private static WebhookView view(Object[] row) {
    String types = (String) row[2];
    return new WebhookView(
        (UUID) row[0],
        (String) row[1],
        types == null || types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        null,
        WebhookDeliveries.instant(row[7]),
        WebhookDeliveries.instant(row[8]),
        ((Number) row[9]).longValue());
  }

  private static DeliveryView delivery(Object[] row) {
    String status = (String) row[5];
    return new DeliveryView(
        (UUID) row[0],
        (UUID) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        status,
        ((Number) row[6]).intValue(),
        integer(row[7]),
        integer(row[8]),
        (String) row[9],
        WebhookDeliveries.instant(row[10]),
        status.equals("PENDING") ? WebhookDeliveries.instant(row[11]) : null,
        WebhookDeliveries.instant(row[12]),
        WebhookDeliveries.instant(row[13]),
        null);
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
