package org.eurasia.registry.events.messaging;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eurasia.registry.events.domain.OrganizationProjection;
import org.eurasia.registry.events.domain.OrganizationProjectionRepository;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.KafkaProbe;

/**
 * Organizations announced as agreements-service announces them, for tests that name a code the
 * seeded directory lacks, or one retired: a real organization event on {@code
 * registry.organizations} (validated against agreements-service's schema), then a wait until this
 * service's consumer has projected it. Tests retire only codes of their own ({@link #fresh}): the
 * directory is shared by every test of the run.
 */
public final class DirectoryEvents {

  public static final ForeignEvents ORGANIZATIONS =
      new ForeignEvents(
          "registry.organizations",
          "/agreements-service",
          "organization",
          "agreements-service/contract/events/registry.organization.v1.schema.json",
          "/fixtures/organization-event.json");

  static final Duration WAIT = Duration.ofSeconds(30);

  private static volatile boolean topicExists;

  private DirectoryEvents() {}

  /** A code no other test uses, e.g. {@code t1a2b3c4.edu.pk}. */
  public static String fresh() {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
  }

  /**
   * The organization id a test code has: derived from the code, so announcing one code twice (two
   * test classes, a rerun against the same database) is one organization, not a clash of codes.
   */
  public static UUID idOf(String code) {
    return UUID.nameUUIDFromBytes(("organization:" + code).getBytes(StandardCharsets.UTF_8));
  }

  /** Registers {@code code} (version 0, active) and waits until the directory here has it. */
  public static void registered(String code) {
    publish(code, "registered", "ACTIVE", 0);
    awaitProjected(code, "ACTIVE", 0);
  }

  /** Retires {@code code} at {@code version} and waits until the directory here has it retired. */
  public static void retired(String code, long version) {
    publish(code, "retired", "RETIRED", version);
    awaitProjected(code, "RETIRED", version);
  }

  /**
   * Publishes {@code registry.organization.<type>.v1} about {@code code} at {@code version}: a
   * university in Pakistan, with the given status, named after its version; returns the event's id.
   */
  public static String publish(String code, String type, String status, long version) {
    return publish(code, type, status, version, p -> {});
  }

  /** As {@link #publish(String, String, String, long)}, the payload then edited by {@code more}. */
  public static String publish(
      String code, String type, String status, long version, Consumer<ObjectNode> more) {
    if (!topicExists) {
      KafkaProbe.createTopic(ORGANIZATIONS.topic(), 3);
      topicExists = true;
    }
    UUID id = idOf(code);
    String eventId = UUID.randomUUID().toString();
    ORGANIZATIONS.publish(
        eventId,
        id,
        "registry.organization." + type + ".v1",
        version,
        p -> {
          p.put("organizationId", id.toString())
              .put("code", code)
              .put("kind", "UNIVERSITY")
              .put("country", "PK")
              .put("status", status)
              .put("version", version)
              .put("removed", false);
          p.putObject("names").put("en", "Test university " + code + " v" + version);
          more.accept(p);
        });
    return eventId;
  }

  /** Waits until the directory here has {@code code} in {@code status} at {@code version}. */
  public static void awaitProjected(String code, String status, long version) {
    await()
        .atMost(WAIT)
        .until(
            () -> projected(code),
            p -> p.isPresent() && p.get().version() == version && status.equals(p.get().status()));
  }

  /** Waits until this service's consumer has taken the event (applied or skipped as stale). */
  public static void awaitConsumed(String eventId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            !Arc.container()
                                .instance(EntityManager.class)
                                .get()
                                .createNativeQuery(
                                    "SELECT 1 FROM processed_event WHERE event_id = ?1")
                                .setParameter(1, eventId)
                                .getResultList()
                                .isEmpty()));
  }

  /** This service's copy of the organization with {@code code}, if it has one. */
  public static Optional<OrganizationProjection> projected(String code) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Arc.container()
                    .instance(OrganizationProjectionRepository.class)
                    .get()
                    .findByCode(code));
  }
}
