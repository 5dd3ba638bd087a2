package org.eurasia.registry.exchange.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * The agreement event types this consumer applies are bound to the producer's committed contract:
 * every type that agreements-service's AsyncAPI document or event schema lists must be handled
 * here, so a new type (such as {@code party-accepted}, which changes a party's consent) cannot be
 * skipped silently.
 */
class AgreementEventTypesTest {

  private static final Pattern BRACED =
      Pattern.compile("registry\\.agreement\\.\\{([a-z,\\-\\s]+)}\\.v1");
  private static final Pattern LISTED =
      Pattern.compile("registry\\.agreement\\.\\*\\.v1[^(\\n]*\\(([a-z,\\-\\s]+)\\)");

  static Set<String> documentedTypes() throws IOException {
    Set<String> types = new TreeSet<>();
    for (String file :
        new String[] {
          "agreements-service/contract/asyncapi.yaml",
          "agreements-service/contract/events/registry.agreement.v1.schema.json"
        }) {
      String text = Files.readString(EventSchemas.file(file));
      for (Pattern pattern : new Pattern[] {BRACED, LISTED}) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          for (String name : m.group(1).split(",")) {
            types.add("registry.agreement." + name.strip() + ".v1");
          }
        }
      }
    }
    return types;
  }

  @Test
  void everyAgreementEventTypeTheProducerDocumentsIsHandled() throws IOException {
    Set<String> documented = documentedTypes();
    assertTrue(documented.size() >= 13, "the producer's contract lists its types: " + documented);
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(AgreementEventsHandler.TYPES);
    assertTrue(
        missing.isEmpty(),
        "agreement event types the producer publishes but this service skips: " + missing);
  }

  @Test
  void aNonSigningPartysAcceptanceIsHandled() {
    assertTrue(AgreementEventsHandler.TYPES.contains("registry.agreement.party-accepted.v1"));
  }
}
