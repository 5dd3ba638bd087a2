package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eurasia.registry.agreements.domain.VentureNotice;
import org.eurasia.registry.platform.testing.EventSchemas;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Joint ventures over HTTP against real PostgreSQL and Kafka: consent before partnership, the
 * lifecycle, founding agreements the caller may read, money, search, statistics and events.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class VentureResourceTest {

  static final String PATH = "/api/v1/ventures";
  static final Path SCHEMA =
      EventSchemas.file("agreements-service/contract/events/registry.venture.v1.schema.json");

  /** Confidential, between most.gov.pk and gknt.gov.by (seed). */
  static final String CONFIDENTIAL_AGREEMENT = "5eed0000-0000-4000-8000-0000000a0005";

  static RequestSpecification as(String token) {
    return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
  }

  static String code() {
    return "PK-BY/JV/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> terms(String... partnerCodes) {
    List<Map<String, Object>> partners = new ArrayList<>();
    for (String c : partnerCodes) {
      partners.add(Map.of("organizationCode", c, "role", "FOUNDER"));
    }
    Map<String, Object> terms = new HashMap<>();
    terms.put("kind", "JOINT_LABORATORY");
    terms.put("name", Map.of("en", "Test joint laboratory", "ru", "Тестовая лаборатория"));
    terms.put("partners", partners);
    terms.put("fields", List.of("SCIENCE_AND_TECHNOLOGY"));
    terms.put("committed", Map.of("amount", "1000000.50", "currency", "USD"));
    return terms;
  }

  static String propose(String token, Map<String, Object> terms) {
    return as(token)
        .body(Map.of("code", code(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aNamedPartnerShowsAsPartnerOnlyOnceItAccepts() {
    String id = propose(TestTokens.partner("qau.edu.pk"), terms("qau.edu.pk", "bsu.by"));
    given()
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("partners.organizationCode", equalTo(List.of("qau.edu.pk")))
        .body("invitations.organizationCode", equalTo(List.of("bsu.by")))
        .body("committed.amount", equalTo("1000000.50"))
        .body("academic", equalTo(true));
    given()
        .queryParam("organization", "bsu.by")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    // Someone else may not accept for bsu.by; bsu.by accepts the version it read.
    as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(Map.of("organizationCode", "bsu.by"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(403);
    as(TestTokens.partner("bsu.by"))
        .body(Map.of("organizationCode", "bsu.by"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(428);
    as(TestTokens.partner("bsu.by"))
        .header("If-Match", "\"0\"")
        .body(Map.of("organizationCode", "bsu.by"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(200)
        .body("partners.organizationCode", equalTo(List.of("qau.edu.pk", "bsu.by")))
        .body("invitations", equalTo(List.of()));
    as(TestTokens.partner("bsu.by"))
        .header("If-Match", "\"1\"")
        .body(Map.of("organizationCode", "bsu.by"))
        .post(PATH + "/" + id + "/acceptances")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .queryParam("countryPair", "PK-BY")
        .queryParam("limit", 100)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));

    List<ConsumerRecord<String, byte[]>> records =
        KafkaProbe.collect(
            "registry.ventures",
            r -> id.equals(r.key()),
            2,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(2, records.size());
    assertEquals(VentureNotice.PROPOSED, KafkaProbe.header(records.get(0), "ce_type"));
    assertEquals(VentureNotice.PARTNER_ACCEPTED, KafkaProbe.header(records.get(1), "ce_type"));
    records.forEach(r -> EventSchemas.assertValid(SCHEMA, r.value()));
    assertEquals(
        true, payload(records.get(1)).path("partners").path(1).path("consented").asBoolean());
  }

  @Test
  void theLifecycleRunsFromProposedToDissolvedAndRefusesAWrongStepWithAConflict() {
    String partner = TestTokens.partner("qau.edu.pk");
    String id = propose(partner, terms("qau.edu.pk", "bsu.by"));
    // Invited, not yet a partner: bsu.by may not move it.
    as(TestTokens.partner("bsu.by")).post(PATH + "/" + id + "/operation").then().statusCode(403);
    as(partner)
        .post(PATH + "/" + id + "/operation")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("PROPOSED"));
    as(partner)
        .body(Map.of("date", "2026-11-20"))
        .post(PATH + "/" + id + "/establishment")
        .then()
        .statusCode(200)
        .body("status", equalTo("ESTABLISHED"))
        .body("establishedOn", equalTo("2026-11-20"));
    as(partner).post(PATH + "/" + id + "/operation").then().body("status", equalTo("OPERATING"));
    as(partner).post(PATH + "/" + id + "/suspension").then().body("status", equalTo("SUSPENDED"));
    as(partner).delete(PATH + "/" + id + "/suspension").then().statusCode(428);
    as(partner)
        .header("If-Match", "\"3\"")
        .delete(PATH + "/" + id + "/suspension")
        .then()
        .body("status", equalTo("OPERATING"));
    as(partner)
        .post(PATH + "/" + id + "/dissolution")
        .then()
        .statusCode(200)
        .body("status", equalTo("DISSOLVED"))
        .body("allowedTransitions", equalTo(List.of()));
    as(partner)
        .header("If-Match", "\"5\"")
        .body(terms("qau.edu.pk"))
        .put(PATH + "/" + id)
        .then()
        .statusCode(409);
    List<ConsumerRecord<String, byte[]>> records =
        KafkaProbe.collect(
            "registry.ventures",
            r -> id.equals(r.key()),
            6,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(
        List.of(
            VentureNotice.PROPOSED,
            VentureNotice.ESTABLISHED,
            VentureNotice.OPERATING,
            VentureNotice.SUSPENDED,
            VentureNotice.OPERATING,
            VentureNotice.DISSOLVED),
        records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList());
    // Each change is in the venture's history with the operation that made it.
    given()
        .get(PATH + "/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(6))
        .body("items[0].operation", equalTo("proposeVenture"));
  }

  @Test
  void aProposalIsRefusedForOthersUnreadableAgreementsAndBadMoney() {
    // A partner may not propose a venture that does not name its own organization.
    as(TestTokens.partner("pu.edu.pk"))
        .body(Map.of("code", code(), "terms", terms("qau.edu.pk", "bsu.by")))
        .post(PATH)
        .then()
        .statusCode(403);
    // A confidential agreement it is not party to is no agreement to pu.edu.pk.
    Map<String, Object> terms = terms("pu.edu.pk", "bsuir.by");
    terms.put("agreementIds", List.of(CONFIDENTIAL_AGREEMENT));
    as(TestTokens.partner("pu.edu.pk"))
        .body(Map.of("code", code(), "terms", terms))
        .post(PATH)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("agreementIds[0]"));
    Map<String, Object> money = terms("pu.edu.pk");
    money.put("committed", Map.of("amount", "100", "currency", "XYZ"));
    as(TestTokens.partner("pu.edu.pk"))
        .body(Map.of("code", code(), "terms", money))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("committed.currency"));
    Map<String, Object> disbursed = terms("pu.edu.pk");
    disbursed.put("disbursed", Map.of("amount", "100", "currency", "EUR"));
    as(TestTokens.partner("pu.edu.pk"))
        .body(Map.of("code", code(), "terms", disbursed))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("disbursed.currency"));
    Map<String, Object> equity = terms("pu.edu.pk");
    equity.put(
        "partners",
        List.of(
            Map.of("organizationCode", "pu.edu.pk", "role", "FOUNDER", "equitySharePercent", "60"),
            Map.of(
                "organizationCode", "bsuir.by", "role", "INVESTOR", "equitySharePercent", "50")));
    as(TestTokens.partner("pu.edu.pk"))
        .body(Map.of("code", code(), "terms", equity))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("partners"));
  }

  @Test
  void theSeededProjectsAreSearchableCountedAndListedAsCsv() {
    given()
        .queryParam("kind", "INFRASTRUCTURE_PROJECT")
        .queryParam("country", "AF")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.code", hasItem("TM-AF-PK-IN/IP/2015/TAPI"))
        .body("items.code", hasItem("KG-TJ-AF-PK/IP/2016/CASA-1000"));
    // India's ministry is invited to TAPI, not yet a partner.
    given()
        .queryParam("country", "IN")
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.code", not(hasItem("TM-AF-PK-IN/IP/2015/TAPI")));
    given()
        .queryParam("groupBy", "COUNTRY_PAIR")
        .queryParam("kind", "INFRASTRUCTURE_PROJECT")
        .get("/api/v1/statistics/ventures")
        .then()
        .statusCode(200)
        .body("counts.find { it.key == 'AF-PK' }.count", equalTo(2));
    given()
        .accept("text/csv")
        .queryParam("status", "OPERATING")
        .get(PATH)
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("PK-BY/JL/2022/PHOTONICS"));
    given().queryParam("kind", "NOT_A_KIND").get(PATH).then().statusCode(400);
  }

  private static com.fasterxml.jackson.databind.JsonNode payload(
      ConsumerRecord<String, byte[]> record) {
    try {
      return new ObjectMapper().readTree(record.value());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
