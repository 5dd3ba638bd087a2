package org.eurasia.registry.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.problem.Problem;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.problem.ProblemType;
import org.eurasia.registry.platform.security.Caller;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Makes a POST safe to retry. The key is claimed by inserting a row in the same transaction as the
 * request's effect: a concurrent request with the same key waits on the primary key until the first
 * one commits (then replays its response) or rolls back (then runs itself). So the effect happens
 * once, and a failed attempt leaves no trace.
 */
@ApplicationScoped
public class IdempotentRequests {

  /** Header a client sets to make a POST retry-safe. */
  public static final String HEADER = "Idempotency-Key";

  /** Header set on a response that was replayed from an earlier request with the same key. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
  private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

  private final ObjectMapper json;
  private final ObjectMapper canonical;

  @Inject EntityManager em;

  @Inject Caller caller;

  private final Duration retention;
  private final SealedBodies bodies;

  @Inject
  IdempotentRequests(ObjectMapper json, IdempotencyConfig config) {
    this.json = json;
    this.retention = config.retention();
    this.bodies = SealedBodies.of(config.encryptionKey());
    if (config.encryptionKey().isEmpty()) {
      LOG.warn(
          "registry.idempotency.encryption-key is not set: replayed responses keep their body only"
              + " within this process");
    }
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /**
   * Runs {@code action} once per (caller, operation, key). Without a key the action simply runs.
   *
   * @param key the {@code Idempotency-Key} header, may be null
   * @param operation a stable name of the operation, e.g. {@code POST /api/v1/organizations}
   * @param request the deserialized request body (or parameters) the key must always come with
   */
  @Transactional
  public Response execute(String key, String operation, Object request, Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
    }
    String scope = caller.principal() + " " + operation;
    String hash = hash(request);
    int claimed =
        em.createNativeQuery(
                "INSERT INTO idempotency_record (scope, idem_key, request_hash) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT (scope, idem_key) DO NOTHING")
            .setParameter(1, scope)
            .setParameter(2, key)
            .setParameter(3, hash)
            .executeUpdate();
    if (claimed == 0) {
      return replay(scope, key, hash);
    }
    Response response = action.get();
    String body = serialize(response.getEntity());
    em.createNativeQuery(
            "UPDATE idempotency_record SET status = ?1, location = ?2, etag = ?3, sealed_body = ?4"
                + " WHERE scope = ?5 AND idem_key = ?6")
        .unwrap(NativeQuery.class)
        .setParameter(1, response.getStatus())
        .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
        .setParameter(
            3, response.getEntityTag() == null ? null : response.getEntityTag().getValue())
        .setParameter(4, body == null ? null : bodies.seal(body), StandardBasicTypes.BINARY)
        .setParameter(5, scope)
        .setParameter(6, key)
        .executeUpdate();
    return response;
  }

  private Response replay(String scope, String key, String hash) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, status, location, etag, sealed_body FROM idempotency_record"
                    + " WHERE scope = ?1 AND idem_key = ?2")
            .setParameter(1, scope)
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty()) {
      // Deleted by the retention job between our insert attempt and this read: extremely unlikely,
      // ask for a retry.
      throw ProblemException.conflict("The idempotency key is being processed; retry the request");
    }
    Object[] row = rows.get(0);
    if (!hash.equals(row[0])) {
      throw new ProblemException(
          Problem.of(
              ProblemType.IDEMPOTENCY_KEY_REUSED,
              "Idempotency-Key '" + key + "' was used before with a different request body"));
    }
    Response.ResponseBuilder replayed =
        Response.status((Integer) row[1]).header(REPLAYED_HEADER, "true");
    if (row[2] != null) {
      replayed.location(URI.create((String) row[2]));
    }
    if (row[3] != null) {
      replayed.tag((String) row[3]);
    }
    // A body sealed under another instance's key replays without it: the status, Location and ETag
    // still say what happened, and the effect is not repeated.
    bodies
        .open((byte[]) row[4])
        .ifPresent(body -> replayed.entity(body).type(MediaType.APPLICATION_JSON_TYPE));
    return replayed.build();
  }

  /**
   * Forgets every remembered response that mentions one of {@code values} (a person's id, say), in
   * the caller's transaction: erasure reaches the responses a retry would have replayed. The table
   * holds at most the retention period's keys, so opening each sealed body is bounded.
   *
   * @return how many keys were forgotten
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetResponsesMentioning(Collection<String> values) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT scope, idem_key, sealed_body FROM idempotency_record"
                    + " WHERE sealed_body IS NOT NULL")
            .getResultList();
    List<Object[]> mentioning = new ArrayList<>();
    for (Object[] row : rows) {
      bodies
          .open((byte[]) row[2])
          .filter(body -> values.stream().anyMatch(body::contains))
          .ifPresent(body -> mentioning.add(row));
    }
    for (Object[] row : mentioning) {
      em.createNativeQuery("DELETE FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2")
          .setParameter(1, row[0])
          .setParameter(2, row[1])
          .executeUpdate();
    }
    return mentioning.size();
  }

  /** Forgets keys older than the retention period; a retry after that runs as a new request. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void forgetExpiredKeys() {
    int deleted =
        em.createNativeQuery(
                "DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?1)")
            .setParameter(1, (double) retention.toSeconds())
            .executeUpdate();
    if (deleted > 0) {
      LOG.debugf("Forgot %d idempotency keys older than %s", deleted, retention);
    }
  }

  private String hash(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash request for idempotency", e);
    }
  }

  private String serialize(Object entity) {
    if (entity == null) {
      return null;
    }
    try {
      return entity instanceof String s ? s : json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store response for idempotency", e);
    }
  }
}
