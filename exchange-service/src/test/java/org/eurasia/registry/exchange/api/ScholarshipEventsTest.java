package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.eurasia.registry.exchange.api.ScholarshipResourceTest.acceptedMobility;
import static org.eurasia.registry.exchange.api.ScholarshipResourceTest.apply;
import static org.eurasia.registry.exchange.api.ScholarshipResourceTest.award;
import static org.eurasia.registry.exchange.api.ScholarshipResourceTest.fund;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.exchange.domain.ScholarshipApplicationNotice;
import org.eurasia.registry.exchange.domain.ScholarshipNotice;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every change of a scholarship is published: set up, changed and closed as the scholarship's own
 * events in version order, each application as its own event, valid against the committed schemas,
 * once, with no personal data; a refused change publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ScholarshipEventsTest {

  static final String TOPIC = "registry.scholarships";
  static final Path STATE =
      EventSchemas.file(
          "exchange-service/contract/events/registry.scholarship-state.v1.schema.json");
  static final Path APPLICATION =
      EventSchemas.file(
          "exchange-service/contract/events/registry.scholarship-application.v1.schema.json");
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration SETTLE = Duration.ofSeconds(1);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MOST = TestTokens.partner("most.gov.pk");
  static final String QAU = TestTokens.partner("qau.edu.pk");

  static Map<String, Object> terms(int awards, String title) {
    return Map.of(
        "title",
        Map.of("en", title),
        "amount",
        500000,
        "currency",
        "PKR",
        "awards",
        awards,
        "eligibility",
        Map.of("eqfLevels", List.of(7), "directions", List.of(Map.of("from", "PK", "to", "BY"))));
  }

  static io.restassured.response.Response revise(
      String token, String id, String ifMatch, Map<String, Object> terms) {
    return as(token).header("If-Match", ifMatch).body(terms).put("/api/v1/scholarships/" + id);
  }

  static io.restassured.response.Response close(String token, String id) {
    return as(token).post("/api/v1/scholarships/" + id + "/closure");
  }

  static List<ConsumerRecord<String, byte[]>> eventsOf(String scholarship, int expected) {
    return KafkaProbe.collect(TOPIC, r -> scholarship.equals(r.key()), expected, WAIT, SETTLE);
  }

  static List<ConsumerRecord<String, byte[]>> applicationsFor(String scholarship, int expected) {
    return KafkaProbe.collect(
        TOPIC,
        r ->
            ScholarshipApplicationNotice.APPLIED.equals(KafkaProbe.header(r, "ce_type"))
                && scholarship.equals(payload(r).path("scholarshipId").asText()),
        expected,
        WAIT,
        SETTLE);
  }

  static JsonNode payload(ConsumerRecord<String, byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
  }

  @Test
  void settingUpChangingAndClosingAScholarshipArePublishedInVersionOrder() {
    String id = fund(5);
    revise(MOST, id, "\"0\"", terms(8, "Renamed")).then().statusCode(200).header("ETag", "\"1\"");
    close(MOST, id).then().statusCode(200).body("closedAt", notNullValue());

    List<ConsumerRecord<String, byte[]>> records = eventsOf(id, 3);
    assertEquals(
        List.of(ScholarshipNotice.CREATED, ScholarshipNotice.UPDATED, ScholarshipNotice.CLOSED),
        types(records));
    assertEquals(
        List.of("0", "1", "2"),
        records.stream().map(r -> KafkaProbe.header(r, "ce_aggregateversion")).toList());
    records.forEach(
        r -> {
          assertEquals("scholarship", KafkaProbe.header(r, "ce_aggregatetype"));
          assertEquals(id, KafkaProbe.header(r, "ce_subject"));
          EventSchemas.assertValid(STATE, r.value());
        });
    assertEquals(5, payload(records.get(0)).path("awards").asInt());
    assertFalse(payload(records.get(0)).has("closedAt"), "open: no closedAt");
    JsonNode updated = payload(records.get(1));
    assertEquals(8, updated.path("awards").asInt());
    assertEquals("Renamed", updated.path("title").path("en").asText());
    assertEquals("BY", updated.path("eligibleDirections").path(0).path("to").asText());
    assertEquals(1, updated.path("version").asInt());
    assertTrue(payload(records.get(2)).has("closedAt"));
  }

  @Test
  void aRefusedChangeOfAScholarshipPublishesNothingAndAClosedOneTakesNoApplicationOrAward() {
    String program = ExchangeApi.openProgram(null, null);
    String id = fund(2);
    List<String> mobilities =
        List.of(
            acceptedMobility(program, "SENDING_TO_RECEIVING", 7),
            acceptedMobility(program, "SENDING_TO_RECEIVING", 7),
            acceptedMobility(program, "SENDING_TO_RECEIVING", 7));
    mobilities.forEach(m -> apply(QAU, id, m).then().statusCode(201));
    award(MOST, id, mobilities.get(0)).then().statusCode(201);
    award(MOST, id, mobilities.get(1)).then().statusCode(201);

    // Refused: fewer awards than are made, not the funder, a stale version.
    revise(MOST, id, "\"0\"", terms(1, "Fewer"))
        .then()
        .statusCode(422)
        .body("condition", equalTo("awards-below-awarded"));
    revise(QAU, id, "\"0\"", terms(9, "Hijacked")).then().statusCode(403);
    revise(MOST, id, "\"7\"", terms(9, "Stale")).then().statusCode(412);
    close(QAU, id).then().statusCode(403);
    // The control that commits.
    close(MOST, id).then().statusCode(200);
    // Refused once closed.
    close(MOST, id).then().statusCode(409);
    revise(MOST, id, "\"1\"", terms(9, "Reopened")).then().statusCode(409);
    award(MOST, id, mobilities.get(2))
        .then()
        .statusCode(422)
        .body("condition", equalTo("scholarship-closed"));
    apply(QAU, id, mobilities.get(0))
        .then()
        .statusCode(422)
        .body("condition", equalTo("scholarship-closed"));
    RestAssured.given().get("/api/v1/scholarships/" + id).then().body("awarded", equalTo(2));

    List<ConsumerRecord<String, byte[]>> own = eventsOf(id, 2);
    assertEquals(List.of(ScholarshipNotice.CREATED, ScholarshipNotice.CLOSED), types(own));
    assertEquals("1", KafkaProbe.header(own.get(1), "ce_aggregateversion"));
    assertEquals(2, payload(own.get(1)).path("awards").asInt(), "the refused terms never applied");

    List<ConsumerRecord<String, byte[]>> applications = applicationsFor(id, 3);
    assertEquals(3, applications.size(), "one per application, none refused");
    for (ConsumerRecord<String, byte[]> r : applications) {
      EventSchemas.assertValid(APPLICATION, r.value());
      assertEquals("scholarship-application", KafkaProbe.header(r, "ce_aggregatetype"));
      assertEquals("0", KafkaProbe.header(r, "ce_aggregateversion"));
      assertEquals("qau.edu.pk", payload(r).path("appliedBy").asText());
      String text = new String(r.value(), StandardCharsets.UTF_8);
      for (String personal : List.of("Ayesha", "Khan", "example.org", "participant")) {
        assertFalse(text.contains(personal), "no personal data in " + text);
      }
    }
    assertEquals(
        mobilities.stream().sorted().toList(),
        applications.stream().map(r -> payload(r).path("mobilityId").asText()).sorted().toList());
  }
}
