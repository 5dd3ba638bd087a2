package org.eurasia.registry.agreements.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * The shared directory seed is what a consumer would have projected from agreements-service's seed,
 * had its organizations been announced: every seeded organization, with the same id, code, kind,
 * country and version, active, and its version recorded as consumed so its next event applies.
 */
class OrganizationProjectionSeedTest {

  private static final Pattern PRODUCED =
      Pattern.compile(
          "\\('(5eed[^']+)', '([^']+)', '([A-Z_]+)', '\\{.*?}', '([A-Z]{2})', NULL, (\\d+), '");
  private static final Pattern PROJECTED =
      Pattern.compile(
          "\\('(5eed[^']+)', '([^']+)', '([A-Z_]+)', '([A-Z]{2})', '([A-Z]+)', (\\d+), '");
  private static final Pattern CONSUMED =
      Pattern.compile("\\('organization', '(5eed[^']+)', (\\d+)\\)");

  @Test
  void theSharedSeedIsTheDirectoryAgreementsServiceSeeds() throws IOException {
    Map<String, String> produced = new LinkedHashMap<>();
    Matcher p =
        PRODUCED.matcher(read("agreements-service/src/main/resources/db/seed/organizations.sql"));
    while (p.find()) {
      produced.put(p.group(1), String.join(" ", p.group(2), p.group(3), p.group(4), p.group(5)));
    }
    String shared =
        read(
            "agreements-service/events-client/src/main/resources/db/organization-projection/seed.sql");
    Map<String, String> projected = new LinkedHashMap<>();
    Matcher r = PROJECTED.matcher(shared);
    while (r.find()) {
      assertEquals(OrganizationFacts.ACTIVE, r.group(5), "status of " + r.group(2));
      projected.put(r.group(1), String.join(" ", r.group(2), r.group(3), r.group(4), r.group(6)));
    }
    Map<String, String> consumed = new LinkedHashMap<>();
    Matcher c = CONSUMED.matcher(shared);
    while (c.find()) {
      consumed.put(c.group(1), c.group(2));
    }

    assertEquals(21, produced.size(), "organizations read from agreements-service's seed");
    assertEquals(produced, projected);
    projected.forEach(
        (id, row) ->
            assertEquals(
                row.substring(row.lastIndexOf(' ') + 1), consumed.get(id), "consumed " + id));
    assertEquals(projected.keySet(), consumed.keySet());
  }

  private static String read(String fromRepositoryRoot) throws IOException {
    return Files.readString(EventSchemas.file(fromRepositoryRoot));
  }
}
