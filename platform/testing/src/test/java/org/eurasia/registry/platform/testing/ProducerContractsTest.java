package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eurasia.registry.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the event types an AsyncAPI document publishes in every form the registry's documents use,
 * and only from the producer's document (the one that sends on the channel).
 */
class ProducerContractsTest {

  private static final String PRODUCER =
      """
      asyncapi: 3.0.0
      channels:
        agreements:
          address: registry.agreements
          description: |
            Types:
            registry.agreement.{drafted,updated,
            party-accepted}.v1 (party-accepted: a party accepted).
          messages:
            agreementChanged:
              $ref: '#/components/messages/agreementChanged'
        scholarships:
          address: registry.scholarships
          messages:
            awarded:
              $ref: '#/components/messages/awarded'
            changed:
              $ref: '#/components/messages/changed'
      operations:
        publishAgreements:
          action: send
          channel:
            $ref: '#/channels/agreements'
        publishScholarships:
          action: send
          channel:
            $ref: '#/channels/scholarships'
      components:
        messages:
          agreementChanged:
            name: registry.agreement.*.v1
          awarded:
            name: registry.scholarship.awarded.v1
          changed:
            name: registry.scholarship.{created,closed}.v1
            summary: Also registry.scholarship.reopened.v1.
      """;

  private static final String CONSUMER =
      """
      asyncapi: 3.0.0
      channels:
        agreements:
          address: registry.agreements
          description: Read here; types include registry.agreement.made-up.v1.
      operations:
        receiveAgreements:
          action: receive
          channel:
            $ref: '#/channels/agreements'
      """;

  @TempDir Path dir;

  private ProducerContracts contracts() throws IOException {
    Path producer = Files.writeString(dir.resolve("producer.yaml"), PRODUCER);
    Path consumer = Files.writeString(dir.resolve("consumer.yaml"), CONSUMER);
    return ProducerContracts.of(List.of(producer, consumer));
  }

  @Test
  void bracedListsInDescriptionsAndFamilyNamesAreRead() throws IOException {
    var published = contracts().publishedOn("registry.agreements");
    assertEquals(1, published.size(), "only the document that sends on the channel counts");
    assertEquals(
        Set.of(
            "registry.agreement.drafted.v1",
            "registry.agreement.updated.v1",
            "registry.agreement.party-accepted.v1"),
        published.get(0).types());
    assertEquals(Set.of("registry.agreement.*.v1"), published.get(0).families());
  }

  @Test
  void messageNamesSingleOrBracedAndSummariesAreRead() throws IOException {
    var published = contracts().publishedOn("registry.scholarships").get(0);
    assertEquals(
        Set.of(
            "registry.scholarship.awarded.v1",
            "registry.scholarship.created.v1",
            "registry.scholarship.closed.v1",
            "registry.scholarship.reopened.v1"),
        published.types());
  }

  @Test
  void aTopicNobodySendsOnHasNoProducer() throws IOException {
    assertTrue(contracts().publishedOn("registry.programs").isEmpty());
  }

  @Test
  void aFamilyMatchesEveryChangeOfItsVersionAndNothingElse() {
    assertTrue(
        EventTypes.matches("registry.agreement.*.v1", "registry.agreement.party-accepted.v1"));
    assertFalse(EventTypes.matches("registry.agreement.*.v1", "registry.agreement.signed.v2"));
    assertFalse(EventTypes.matches("registry.agreement.*.v1", "registry.agreement..v1"));
    assertFalse(EventTypes.matches("registry.agreement.*.v1", "registry.agreement.a.b.v1"));
    assertFalse(EventTypes.matches("registry.agreement.*.v1", "registry.agreements.signed.v1"));
    assertTrue(EventTypes.matches("registry.program.opened.v1", "registry.program.opened.v1"));
  }
}
