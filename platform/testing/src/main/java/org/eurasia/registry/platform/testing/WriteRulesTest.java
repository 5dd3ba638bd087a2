package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README's write rules, held against every operation of the service's committed contract: every
 * {@code POST} takes {@code Idempotency-Key}, every {@code PUT}, {@code PATCH} and {@code DELETE}
 * requires {@code If-Match}. The exceptions are named here once, with their reason, and the README
 * states them. A service runs it by extending it; it reads files only.
 */
public abstract class WriteRulesTest {

  /** POSTs without Idempotency-Key: nothing a retry could do twice. */
  static final Map<String, String> POSTS_WITHOUT_KEY =
      Map.of(
          "pingWebhook", "sends a test event and changes nothing; a retry is another test",
          "releaseParkedEvent", "a released row is no longer parked: repeating it is a 404",
          "replayDeadLetter", "a replayed dead letter answers ALREADY_APPLIED the second time");

  /** Updates and deletes whose If-Match is optional, or absent. */
  static final Map<String, String> WITHOUT_REQUIRED_IF_MATCH =
      Map.of(
          "resumeAgreement", "the lifecycle command resume: its state rule refuses a stale one",
          "resumeProgram", "the lifecycle command resume: its state rule refuses a stale one",
          "eraseParticipantData",
              "erasure must succeed whatever was read; no representation carries an ETag",
          "eraseRegistrantData",
              "erasure must succeed whatever was read, and a retention job may have erased it already");

  @Test
  void everyPostTakesAnIdempotencyKey() {
    assertEquals(Set.of(), breaking("post", "Idempotency-Key", false, POSTS_WITHOUT_KEY.keySet()));
  }

  @Test
  void everyUpdateAndDeleteRequiresIfMatch() {
    Set<String> missing = new TreeSet<>();
    for (String method : new String[] {"put", "patch", "delete"}) {
      missing.addAll(breaking(method, "If-Match", true, WITHOUT_REQUIRED_IF_MATCH.keySet()));
    }
    assertEquals(Set.of(), missing);
  }

  /**
   * The operations of one method that lack the header (or its being required), exceptions aside.
   */
  private static Set<String> breaking(
      String method, String header, boolean required, Set<String> exceptions) {
    CommittedContract contract = CommittedContract.read();
    Set<String> found = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : contract.root().path("paths").properties()) {
      JsonNode operation = path.getValue().get(method);
      if (operation == null) {
        continue;
      }
      String id = operation.path("operationId").asText();
      if (exceptions.contains(id)) {
        continue;
      }
      boolean holds = false;
      for (JsonNode reference : operation.path("parameters")) {
        JsonNode parameter = contract.resolve(reference);
        holds |=
            "header".equals(parameter.path("in").asText())
                && header.equalsIgnoreCase(parameter.path("name").asText())
                && (!required || parameter.path("required").asBoolean());
      }
      if (!holds) {
        found.add(
            id + " (" + method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + ")");
      }
    }
    return found;
  }
}
