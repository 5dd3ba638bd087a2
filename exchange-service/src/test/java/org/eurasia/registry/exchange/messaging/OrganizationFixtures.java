package org.eurasia.registry.exchange.messaging;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.OrganizationProjection;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.KafkaProbe;

/**
 * Organization events as agreements-service publishes them, from a fixture checked against its
 * schema: how a test puts an organization of its own in this service's copy of the directory, or
 * retires one, through the consumer a real event goes through (never by writing the table). Tests
 * register their own organizations and leave the seeded directory as every other test finds it.
 */
public final class OrganizationFixtures {

  static final String TOPIC = "registry.organizations";
  static final ForeignEvents ORGANIZATIONS =
      new ForeignEvents(
          TOPIC,
          "/agreements-service",
          "organization",
          "agreements-service/contract/events/registry.organization.v1.schema.json",
          "/fixtures/organization-event.json");

  private OrganizationFixtures() {}

  /** An organization a test registered: enough to name it and to retire it. */
  public record Registered(UUID id, String code, String kind, String country) {}

  /**
   * A code no other test uses, in the shape the directory requires ({@code
   * <prefix>-<random>.edu.pk}).
   */
  public static String freshCode(String prefix) {
    return prefix
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT)
        + ".edu.pk";
  }

  /** Publishes a {@code registered} event for a new organization at version 0. */
  public static Registered register(String code, String kind, String country) {
    KafkaProbe.createTopic(TOPIC, 3);
    Registered organization = new Registered(UUID.randomUUID(), code, kind, country);
    publish(organization, "registered", 0, "ACTIVE", false);
    return organization;
  }

  /** Publishes {@code retired} (status RETIRED), as agreements-service now announces retirement. */
  public static void retire(Registered organization, long version) {
    publish(organization, "retired", version, "RETIRED", false);
  }

  /**
   * Publishes {@code removed} as agreements-service did before it retired organizations: {@code
   * removed: true} and no status.
   */
  public static void removeAsBefore(Registered organization, long version) {
    publish(organization, "removed", version, null, true);
  }

  /** Waits until this service's copy of the organization is at {@code version}; returns it. */
  public static OrganizationProjection awaitCopy(
      EntityManager entities, Registered organization, long version) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              OrganizationProjection copy = copy(entities, organization);
              return copy != null && copy.version() == version;
            });
    return copy(entities, organization);
  }

  /** This service's copy of the organization, read in a transaction of its own; null if none. */
  public static OrganizationProjection copy(EntityManager entities, Registered organization) {
    return QuarkusTransaction.requiringNew()
        .call(() -> entities.find(OrganizationProjection.class, organization.id()));
  }

  private static void publish(
      Registered organization, String type, long version, String status, boolean removed) {
    ORGANIZATIONS.publish(
        organization.id(),
        "registry.organization." + type + ".v1",
        version,
        payload -> {
          payload
              .put("organizationId", organization.id().toString())
              .put("code", organization.code())
              .put("kind", organization.kind())
              .put("country", organization.country())
              .put("version", version)
              .put("removed", removed);
          payload.putObject("names").put("en", "Test organization " + organization.code());
          if (status == null) {
            payload.remove("status");
          } else {
            payload.put("status", status);
          }
        });
  }
}
