package org.eurasia.registry.agreements.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eurasia.registry.agreements.client.AgreementFacts.AnnouncedParty;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * The facts every consumer reads are the producer's: read from a payload its schema accepts, named
 * as the schema names them, with the schema's one rule for consent absent from older events.
 */
class AgreementFactsTest {

  private static final Path SCHEMA =
      EventSchemas.file("agreements-service/contract/events/registry.agreement.v1.schema.json");

  /** As the platform consumer reads payloads: unknown fields are the producer's to add. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final String TERMINATED =
      """
      {"agreementId": "5eed0000-0000-4000-8000-0000000a0003", "code": "PK-BY/MOU/2019/TR-003",
       "kind": "MEMORANDUM_OF_UNDERSTANDING", "status": "TERMINATED", "visibility": "PUBLIC",
       "title": {"en": "Memorandum on training"},
       "parties": [
         {"organizationCode": "pu.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true,
          "bound": true, "consented": true},
         {"organizationCode": "bsuir.by", "country": "BY", "role": "SIGNATORY", "signed": true},
         {"organizationCode": "most.gov.pk", "country": "PK", "role": "OBSERVER", "signed": false,
          "consented": false}],
       "fields": ["HIGHER_EDUCATION"], "iscedCodes": ["0111"], "frameworks": ["CPEC"],
       "entryIntoForce": "2019-09-01", "endedOn": "2021-03-31", "version": 4}
      """;

  @Test
  void aPayloadTheSchemaAcceptsIsReadIntoFacts() throws IOException {
    byte[] payload = TERMINATED.getBytes(StandardCharsets.UTF_8);
    EventSchemas.assertValid(SCHEMA, payload);

    AgreementFacts facts = JSON.readValue(payload, AgreementFacts.class);

    assertEquals(UUID.fromString("5eed0000-0000-4000-8000-0000000a0003"), facts.agreementId());
    assertEquals("PK-BY/MOU/2019/TR-003", facts.code());
    assertEquals("TERMINATED", facts.status());
    assertEquals("PUBLIC", facts.visibility());
    assertEquals(LocalDate.of(2021, 3, 31), facts.endedOn());
    assertEquals(4, facts.version());
    assertEquals(
        List.of(
            new PartyFact("pu.edu.pk", "PK", "SIGNATORY", true, true),
            new PartyFact("bsuir.by", "BY", "SIGNATORY", true, true),
            new PartyFact("most.gov.pk", "PK", "OBSERVER", false, false)),
        facts.partyFacts());
    assertEquals(List.of("HIGHER_EDUCATION"), facts.fields());
    assertEquals(List.of("CPEC"), facts.frameworks());
  }

  @Test
  void anEventWrittenBeforeFieldsAndFrameworksWereReadHasNone() throws IOException {
    String older =
        TERMINATED
            .replace(" \"fields\": [\"HIGHER_EDUCATION\"],", "")
            .replace(" \"frameworks\": [\"CPEC\"],", "");
    AgreementFacts facts = JSON.readValue(older, AgreementFacts.class);
    assertEquals(List.of(), facts.fields());
    assertEquals(List.of(), facts.frameworks());
  }

  @Test
  void anAgreementStillRunningHasNoEndDate() throws IOException {
    String running = TERMINATED.replace(", \"endedOn\": \"2021-03-31\"", "");
    EventSchemas.assertValid(SCHEMA, running.getBytes(StandardCharsets.UTF_8));
    assertNull(JSON.readValue(running, AgreementFacts.class).endedOn());
  }

  @Test
  void everyFieldTheFactsReadIsOneTheSchemaDefines() throws IOException {
    JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
    assertNamedBy(schema.get("properties"), AgreementFacts.class);
    assertNamedBy(
        schema.get("properties").get("parties").get("items").get("properties"),
        AnnouncedParty.class);
  }

  @Test
  void theFieldsConsumersFilterByAreTheProducersFields() throws IOException {
    JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
    List<String> produced = new java.util.ArrayList<>();
    schema.at("/properties/fields/items/enum").forEach(v -> produced.add(v.asText()));
    assertEquals(
        produced, java.util.Arrays.stream(CooperationField.values()).map(Enum::name).toList());
  }

  private static void assertNamedBy(JsonNode properties, Class<? extends Record> read) {
    Set<String> defined = new TreeSet<>();
    properties.fieldNames().forEachRemaining(defined::add);
    for (var component : read.getRecordComponents()) {
      assertTrue(
          defined.contains(component.getName()),
          read.getSimpleName() + "." + component.getName() + " is not in the schema: " + defined);
    }
  }

  @Test
  void consentAbsentFromOlderEventsFollowsTheProducersSchema() {
    assertTrue(party("SIGNATORY", true, null).consented(), "a signatory that signed");
    assertFalse(party("SIGNATORY", false, null).consented(), "a signatory that did not sign");
    assertFalse(party("OBSERVER", true, null).consented(), "any other role");
    assertTrue(party("OBSERVER", false, true).consented(), "stated consent wins");
    assertFalse(party("SIGNATORY", true, false).consented(), "stated refusal wins");
  }

  @Test
  void beingNamedLetsOneReadButOnlyConsentingPartiesAct() {
    var projection = new AgreementProjectionBase(UUID.randomUUID()) {};
    projection.reflect(
        "PK-BY/1",
        "IN_FORCE",
        "CONFIDENTIAL",
        List.of(
            party("SIGNATORY", true, null), new PartyFact("b.by", "BY", "OBSERVER", false, false)),
        1,
        Instant.EPOCH);
    assertEquals(Set.of("a.pk", "b.by"), projection.partyCodes());
    assertEquals(Set.of("a.pk"), projection.consentingPartyCodes());
    assertTrue(projection.isConfidential());
  }

  private static PartyFact party(String role, boolean signed, Boolean consented) {
    return new AnnouncedParty("a.pk", "PK", role, signed, consented).fact();
  }
}
