package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The literature over HTTP against real PostgreSQL and Kafka: who records it, links with their live
 * status and what may not be linked, search across scripts, validation.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PublicationResourceTest {

  static final Path SCHEMA =
      EventSchemas.file("events-service/contract/events/registry.publication.v1.schema.json");

  static final String PATH = "/api/v1/publications";

  /**
   * Seeded: the background article, the CPEC conference's proceedings, the memorandum's commentary.
   */
  static final String ARTICLE = "5eed0000-0000-4000-8000-0000000e2a01";

  static final String PROCEEDINGS = "5eed0000-0000-4000-8000-0000000e2a02";
  static final String COMMENTARY = "5eed0000-0000-4000-8000-0000000e2a03";
  static final String PHOTONICS_LAB = "5eed0000-0000-4000-8000-0000000b0001";

  static Map<String, Object> report(String publisher) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", "REPORT");
    d.put("title", "Physics cooperation report");
    d.put("abstract", Map.of("en", "What the joint laboratory produced."));
    d.put("authors", List.of(Map.of("name", "Physics unit", "affiliation", publisher)));
    d.put("publisher", publisher);
    d.put("year", 2025);
    d.put("languages", List.of("en"));
    d.put("url", "https://example.org/reports/" + UUID.randomUUID());
    d.put("linkedEvents", List.of("5eed0000-0000-4000-8000-0000000e0a01"));
    d.put("linkedAgreements", List.of(EventsApi.MINISTRIES_MOU));
    d.put("linkedVentures", List.of(PHOTONICS_LAB));
    return d;
  }

  static String create(String token, String publisher) {
    return as(token).body(report(publisher)).post(PATH).then().statusCode(201).extract().path("id");
  }

  @Test
  void aPublicationsHistoryIsPublicAsThePublicationIs() {
    String id = create(ORGANIZER_TOKEN, ORGANIZER);
    given()
        .get(PATH + "/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.operation", equalTo(List.of("createPublication")))
        .body("items[0].version", equalTo(0));
    given().get(PATH + "/" + UUID.randomUUID() + "/history").then().statusCode(404);
  }

  @Test
  void thePublishersPartnerRecordsItAndLinksShowTheirLiveStatus() {
    String id = create(ORGANIZER_TOKEN, ORGANIZER);
    given()
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("abstract.en", equalTo("What the joint laboratory produced."))
        .body("linkedEvents[0].status", equalTo("PUBLISHED"))
        .body("linkedAgreements[0].status", equalTo("IN_FORCE"))
        .body("linkedVentures[0].code", equalTo("PK-BY/JL/2022/PHOTONICS"))
        .body("linkedVentures[0].status", equalTo("OPERATING"));
    // Naming another publisher binds nobody: only its own partners record for it.
    as(ORGANIZER_TOKEN).body(report("cuc.edu.cn")).post(PATH).then().statusCode(403);
    String etag = as(ORGANIZER_TOKEN).get(PATH + "/" + id).then().extract().header("ETag");
    as(TestTokens.partner("pu.edu.pk"))
        .header("If-Match", etag)
        .body(report("pu.edu.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(403);
    Map<String, Object> revised = report(ORGANIZER);
    revised.put("year", 2026);
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(revised)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("year", equalTo(2026));

    List<ConsumerRecord<String, byte[]>> notices =
        KafkaProbe.collect(
            "registry.publications",
            r -> id.equals(r.key()),
            2,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of("registry.publication.recorded.v1", "registry.publication.updated.v1"),
        notices.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    notices.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
  }

  @Test
  void searchFindsWordsInLatinCyrillicUrduAndChinese() {
    Map<String, String> expected =
        Map.of(
            "Belarus", ARTICLE,
            "меморандуму", COMMENTARY,
            "رابطہ", PROCEEDINGS,
            "巴基斯坦", ARTICLE,
            "互联互通", PROCEEDINGS);
    expected.forEach(
        (q, id) ->
            given()
                .queryParam("q", q)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id)));
    given()
        .queryParam("q", "меморандуму")
        .get(PATH)
        .then()
        .body("items.id", not(hasItem(PROCEEDINGS)));
    given()
        .queryParam("eventId", "5eed0000-0000-4000-8000-0000000e0a06")
        .accept("text/csv")
        .get(PATH)
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("Proceedings of the Conference on Media"));
  }

  @Test
  void unseenOrUnpublishedEventsUnknownVenturesAndMalformedFieldsAreRefusedByName() {
    Map<String, Object> draftOfOthers = report(ORGANIZER);
    draftOfOthers.put("linkedEvents", List.of("5eed0000-0000-4000-8000-0000000e0a05"));
    Map<String, Object> unknownVenture = report(ORGANIZER);
    unknownVenture.put("linkedVentures", List.of(UUID.randomUUID().toString()));
    for (Map<String, Object> unknown : List.of(draftOfOthers, unknownVenture)) {
      as(ORGANIZER_TOKEN)
          .body(unknown)
          .post(PATH)
          .then()
          .statusCode(422)
          .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"));
    }
    String ownDraft =
        EventsApi.create(
                ORGANIZER_TOKEN,
                EventsApi.details(
                    "WEBINAR",
                    EventsApi.local("Asia/Karachi", Y + "-04-10T14:00:00", Y + "-04-10T16:00:00"),
                    null,
                    false))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> unpublished = report(ORGANIZER);
    unpublished.put("linkedEvents", List.of(ownDraft));
    as(ORGANIZER_TOKEN)
        .body(unpublished)
        .post(PATH)
        .then()
        .statusCode(422)
        .body("condition", equalTo("event-not-published"));
    Map<String, Object> badDoi = report(ORGANIZER);
    badDoi.put("doi", "doi:10.1/x");
    Map<String, Object> neither = report(ORGANIZER);
    neither.remove("url");
    for (Map<String, Object> refused : List.of(badDoi, neither)) {
      as(ORGANIZER_TOKEN)
          .body(refused)
          .post(PATH)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("doi"));
    }
  }
}
