package org.eurasia.registry.agreements.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * The shared seed is what a consumer would have projected from agreements-service's seed, had its
 * agreements been announced: same ids, codes, statuses, visibility, fields, frameworks and
 * versions, the same parties in order (signed when the producer's seed records a signature,
 * consented by the schema's rule), and each agreement's version recorded as consumed so its next
 * event applies on top.
 */
class AgreementProjectionSeedTest {

  private static final Pattern PROJECTION_ROW =
      Pattern.compile(
          "\\('(5eed[^']+)', '([^']+)', '([A-Z_]+)', '([A-Z]+)',\\s*'(\\[.*?])',\\s*'(\\[[^']*])',"
              + " '(\\[[^']*])', (\\d+), '",
          Pattern.DOTALL);
  private static final Pattern CONSUMED_ROW =
      Pattern.compile("\\('agreement', '(5eed[^']+)', (\\d+)\\)");
  private static final Pattern AGREEMENT_ROW =
      Pattern.compile("\\('(5eed[^']+)', '([^']+)', '[A-Z_]+', '([A-Z_]+)', '([A-Z]+)',");
  private static final Pattern AGREEMENT_PARTY =
      Pattern.compile(
          "\"organizationCode\": \"([^\"]+)\", \"country\": \"([A-Z]{2})\", \"role\": \"([A-Z_]+)\","
              + " \"signature\": (null)?");

  /** After the parties: fields, ISCED codes and frameworks, as JSON arrays. */
  private static final Pattern AGREEMENT_SCOPE =
      Pattern.compile("}]',\\s*'(\\[[^']*])', '\\[[^']*]', '(\\[[^']*])',");

  private static final Pattern AGREEMENT_VERSION =
      Pattern.compile(",\\s*(\\d+),\\s*'[0-9T:Z-]+',\\s*'[0-9T:Z-]+'\\)");

  record Seeded(
      String code,
      String status,
      String visibility,
      List<PartyFact> parties,
      List<String> fields,
      List<String> frameworks,
      long v) {}

  private static final TypeReference<List<String>> CODES = new TypeReference<>() {};

  @Test
  void everySeededProjectionIsAnAgreementAsAgreementsServiceSeedsIt() throws IOException {
    String shared =
        read(
            "agreements-service/events-client/src/main/resources/db/agreement-projection/seed.sql");
    Map<String, Seeded> produced = producersSeed();
    Map<String, Long> consumed = new LinkedHashMap<>();
    Matcher c = CONSUMED_ROW.matcher(shared);
    while (c.find()) {
      consumed.put(c.group(1), Long.parseLong(c.group(2)));
    }

    Matcher row = PROJECTION_ROW.matcher(shared);
    int rows = 0;
    while (row.find()) {
      rows++;
      String id = row.group(1);
      Seeded projected =
          new Seeded(
              row.group(2),
              row.group(3),
              row.group(4),
              new ObjectMapper().readValue(row.group(5), new TypeReference<List<PartyFact>>() {}),
              new ObjectMapper().readValue(row.group(6), CODES),
              new ObjectMapper().readValue(row.group(7), CODES),
              Long.parseLong(row.group(8)));
      assertEquals(produced.get(id), projected, "agreement " + id);
      assertEquals(projected.v(), consumed.get(id), "consumed version of " + id);
    }
    assertEquals(5, rows, "the five agreements the consumers' seeds and examples use");
    assertEquals(rows, consumed.size(), "one consumed version per projected agreement");
  }

  /** Each agreement of agreements-service's seed as its events would describe it. */
  private static Map<String, Seeded> producersSeed() throws IOException {
    String seed = read("agreements-service/src/main/resources/db/seed/agreements.sql");
    Map<String, Seeded> agreements = new LinkedHashMap<>();
    Matcher row = AGREEMENT_ROW.matcher(seed);
    List<int[]> starts = new ArrayList<>();
    while (row.find()) {
      starts.add(new int[] {row.start(), row.end()});
    }
    assertFalse(starts.isEmpty(), "no agreement rows read from agreements-service's seed");
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : seed.indexOf(';', starts.get(i)[1]);
      String text = seed.substring(starts.get(i)[0], end);
      Matcher head = AGREEMENT_ROW.matcher(text);
      assertTrue(head.lookingAt());
      List<PartyFact> parties = new ArrayList<>();
      Matcher party = AGREEMENT_PARTY.matcher(text);
      while (party.find()) {
        boolean signed = party.group(4) == null;
        parties.add(
            new AgreementFacts.AnnouncedParty(
                    party.group(1), party.group(2), party.group(3), signed, null)
                .fact());
      }
      Matcher scope = AGREEMENT_SCOPE.matcher(text);
      assertTrue(scope.find(), "no fields and frameworks in " + text);
      Matcher version = AGREEMENT_VERSION.matcher(text);
      assertTrue(version.find(), "no version in " + text);
      agreements.put(
          head.group(1),
          new Seeded(
              head.group(2),
              head.group(3),
              head.group(4),
              parties,
              new ObjectMapper().readValue(scope.group(1), CODES),
              new ObjectMapper().readValue(scope.group(2), CODES),
              Long.parseLong(version.group(1))));
    }
    return agreements;
  }

  private static String read(String fromRepositoryRoot) throws IOException {
    return Files.readString(EventSchemas.file(fromRepositoryRoot));
  }
}
