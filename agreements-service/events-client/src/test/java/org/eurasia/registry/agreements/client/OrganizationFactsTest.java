package org.eurasia.registry.agreements.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A directory copy reads the status the producer states, and settles it for older events. */
class OrganizationFactsTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final String PAYLOAD =
      """
      {"organizationId": "5eed0000-0000-4000-8000-000000000009", "code": "ncp.edu.pk",
       "kind": "RESEARCH_CENTRE", "country": "PK", "names": {"en": "National Centre for Physics"},
       "parentId": null, "version": 3, %s}""";

  private static OrganizationFacts read(String tail) throws Exception {
    return JSON.readValue(PAYLOAD.formatted(tail), OrganizationFacts.class);
  }

  @Test
  void aStatedStatusIsTakenAsStated() throws Exception {
    assertEquals("RETIRED", read("\"status\": \"RETIRED\", \"removed\": false").settledStatus());
    assertEquals("ACTIVE", read("\"status\": \"ACTIVE\", \"removed\": false").settledStatus());
  }

  @Test
  void anOlderEventWithoutStatusIsActiveUnlessItRemovedTheOrganization() throws Exception {
    assertEquals("ACTIVE", read("\"removed\": false").settledStatus());
    assertEquals("RETIRED", read("\"removed\": true").settledStatus());
  }

  @Test
  void theFactsAreTheOrganizationsCodeKindCountryAndVersion() throws Exception {
    OrganizationFacts facts = read("\"status\": \"ACTIVE\", \"removed\": false");
    assertEquals("ncp.edu.pk", facts.code());
    assertEquals("RESEARCH_CENTRE", facts.kind());
    assertEquals("PK", facts.country());
    assertEquals(3, facts.version());
  }
}
