package org.eurasia.registry.exchange.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.eurasia.registry.platform.testing.ForeignEvents;

/**
 * Agreement events as agreements-service publishes them, from a fixture checked against its schema.
 */
public final class AgreementFixtures {

  static final String TOPIC = "registry.agreements";
  static final ForeignEvents AGREEMENTS =
      new ForeignEvents(
          TOPIC,
          "/agreements-service",
          "agreement",
          "agreements-service/contract/events/registry.agreement.v1.schema.json",
          "/fixtures/agreement-event.json");

  private AgreementFixtures() {}

  /**
   * Publishes one agreement event with a fresh event id; parties default to the fixture's (PK and
   * BY ministries).
   */
  public static void publish(
      UUID id, String type, String status, long version, String... partyCodes) {
    publish(UUID.randomUUID().toString(), id, type, status, version, partyCodes);
  }

  public static void publish(
      String eventId, UUID id, String type, String status, long version, String... partyCodes) {
    publishTraced(null, eventId, id, type, status, version, partyCodes);
  }

  /** As {@link #publish}, continuing the producer's trace {@code traceparent}. */
  public static void publishTraced(
      String traceparent,
      String eventId,
      UUID id,
      String type,
      String status,
      long version,
      String... partyCodes) {
    AGREEMENTS.publish(
        eventId,
        id,
        "registry.agreement." + type + ".v1",
        version,
        traceparent,
        payload -> {
          payload
              .put("agreementId", id.toString())
              .put("status", status)
              .put("version", version)
              .put("code", "T/" + id.toString().substring(0, 8).toUpperCase());
          ArrayNode parties = (ArrayNode) payload.get("parties");
          for (int i = 0; i < partyCodes.length && i < parties.size(); i++) {
            ((ObjectNode) parties.get(i)).put("organizationCode", partyCodes[i]);
          }
        });
  }

  /**
   * Publishes a public agreement event stating the day the agreement ended ({@code endedOn}), as a
   * termination or an expiry does; parties as in {@link #publish}.
   */
  public static void publishEnded(
      UUID id,
      String type,
      String status,
      long version,
      java.time.LocalDate endedOn,
      String... partyCodes) {
    AGREEMENTS.publish(
        UUID.randomUUID().toString(),
        id,
        "registry.agreement." + type + ".v1",
        version,
        null,
        payload -> {
          payload
              .put("agreementId", id.toString())
              .put("status", status)
              .put("version", version)
              .put("endedOn", endedOn.toString())
              .put("code", "T/" + id.toString().substring(0, 8).toUpperCase());
          ArrayNode parties = (ArrayNode) payload.get("parties");
          for (int i = 0; i < partyCodes.length && i < parties.size(); i++) {
            ((ObjectNode) parties.get(i)).put("organizationCode", partyCodes[i]);
          }
        });
  }

  /**
   * A party as an agreement event lists it. {@code consented} null leaves the field out, as events
   * written before agreements-service published it did.
   */
  public record Party(
      String organizationCode, String country, String role, boolean signed, Boolean consented) {}

  /**
   * Publishes a public agreement event with exactly these parties (at least two, as the producer's
   * schema requires).
   */
  public static void publishWithParties(
      UUID id, String type, String status, long version, List<Party> parties) {
    AGREEMENTS.publish(
        UUID.randomUUID().toString(),
        id,
        "registry.agreement." + type + ".v1",
        version,
        null,
        payload -> {
          payload
              .put("agreementId", id.toString())
              .put("status", status)
              .put("version", version)
              .put("code", "T/" + id.toString().substring(0, 8).toUpperCase());
          ArrayNode list = payload.putArray("parties");
          for (Party p : parties) {
            ObjectNode party =
                list.addObject()
                    .put("organizationCode", p.organizationCode())
                    .put("country", p.country())
                    .put("role", p.role())
                    .put("signed", p.signed());
            if (p.consented() != null) {
              party.put("consented", p.consented());
            }
          }
        });
  }

  /**
   * Publishes a confidential agreement as agreements-service announces one: visibility CONFIDENTIAL
   * and no title, fields or ISCED codes (empty lists), only what other services need to check
   * eligibility.
   */
  public static void publishConfidential(
      UUID id, String type, String status, long version, String... partyCodes) {
    AGREEMENTS.publish(
        UUID.randomUUID().toString(),
        id,
        "registry.agreement." + type + ".v1",
        version,
        null,
        payload -> {
          payload
              .put("agreementId", id.toString())
              .put("status", status)
              .put("version", version)
              .put("visibility", "CONFIDENTIAL")
              .put("code", "C/" + id.toString().substring(0, 8).toUpperCase());
          payload.remove("title");
          payload.putArray("fields");
          payload.putArray("iscedCodes");
          ArrayNode parties = (ArrayNode) payload.get("parties");
          for (int i = 0; i < partyCodes.length && i < parties.size(); i++) {
            ((ObjectNode) parties.get(i)).put("organizationCode", partyCodes[i]);
          }
        });
  }

  /**
   * Publishes a public agreement in force (the fixture's parties, the PK and BY ministries) that
   * covers these fields of cooperation and falls under these frameworks.
   */
  public static void publishInScope(UUID id, List<String> fields, List<String> frameworks) {
    AGREEMENTS.publish(
        UUID.randomUUID().toString(),
        id,
        "registry.agreement.entered-into-force.v1",
        3,
        null,
        payload -> {
          payload
              .put("agreementId", id.toString())
              .put("version", 3)
              .put("code", "T/" + id.toString().substring(0, 8).toUpperCase());
          fields.forEach(payload.putArray("fields")::add);
          frameworks.forEach(payload.putArray("frameworks")::add);
        });
  }
}
