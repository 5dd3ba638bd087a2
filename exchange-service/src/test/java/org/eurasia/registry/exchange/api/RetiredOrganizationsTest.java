package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.MINISTRIES_MOU;
import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.eurasia.registry.exchange.api.ExchangeApi.create;
import static org.eurasia.registry.exchange.api.ExchangeApi.etag;
import static org.eurasia.registry.exchange.api.ExchangeApi.nomination;
import static org.eurasia.registry.exchange.api.ExchangeApi.program;
import static org.eurasia.registry.exchange.api.ExchangeApi.terms;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.eurasia.registry.exchange.messaging.OrganizationFixtures;
import org.eurasia.registry.exchange.messaging.OrganizationFixtures.Registered;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 over HTTP against real PostgreSQL and Kafka: a new record may name only an organization
 * in the directory that is not retired, and says which of the two it is not, naming the field;
 * records that named an organization before it was retired are read and managed as before. Each
 * test registers (and retires) its own Pakistani university through organization events, under the
 * ministries' memorandum that covers Pakistan's institutions.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RetiredOrganizationsTest {

  static final String REGISTRAR = TestTokens.registrar();
  static final String BSU = TestTokens.partner("bsu.by");

  @Inject EntityManager entities;

  Registered university(String prefix) {
    Registered university =
        OrganizationFixtures.register(OrganizationFixtures.freshCode(prefix), "UNIVERSITY", "PK");
    OrganizationFixtures.awaitCopy(entities, university, 0);
    return university;
  }

  void retire(Registered organization) {
    OrganizationFixtures.retire(organization, 1);
    OrganizationFixtures.awaitCopy(entities, organization, 1);
  }

  static ValidatableResponse refused(
      ValidatableResponse response, String condition, String detail) {
    return response
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eurasia-registry:problem:rule-violated"))
        .body("condition", equalTo(condition))
        .body("detail", equalTo(detail));
  }

  @Test
  void aNewProgrammeNamingARetiredInstitutionIsRefusedDistinctlyFromAnUnknownOne() {
    Registered retired = university("closed");
    retire(retired);

    refused(
        create(REGISTRAR, program(MINISTRIES_MOU, retired.code(), "bsu.by", terms(3, 3))).then(),
        "institution-retired",
        "sendingInstitution: organization '" + retired.code() + "' is retired");
    // Its own partner is no better placed.
    refused(
        create(
                TestTokens.partner(retired.code()),
                program(MINISTRIES_MOU, retired.code(), "bsu.by", terms(3, 3)))
            .then(),
        "institution-retired",
        "sendingInstitution: organization '" + retired.code() + "' is retired");
    String unknown = OrganizationFixtures.freshCode("never");
    refused(
        create(REGISTRAR, program(MINISTRIES_MOU, "bsu.by", unknown, terms(3, 3))).then(),
        "institution-unknown",
        "receivingInstitution: no organization '" + unknown + "' in the directory");
  }

  @Test
  void aScholarshipWithARetiredFunderIsRefusedDistinctlyFromAnUnknownOne() {
    Registered retired = university("unfunded");
    retire(retired);

    Map<String, Object> body = ScholarshipResourceTest.scholarship(2, "1000", "PKR");
    body.put("funder", retired.code());
    refused(
        as(REGISTRAR).body(body).post("/api/v1/scholarships").then(),
        "funder-retired",
        "funder: organization '" + retired.code() + "' is retired");
    String unknown = OrganizationFixtures.freshCode("never");
    body.put("funder", unknown);
    refused(
        as(REGISTRAR).body(body).post("/api/v1/scholarships").then(),
        "funder-unknown",
        "funder: no organization '" + unknown + "' in the directory");
  }

  @Test
  void anInstitutionRetiredAfterItWasNamedMayNotAcceptTheProgrammeAnyMore() {
    Registered retiring = university("pending");
    // bsu.by's partner names it: it is invited, not bound.
    String id =
        create(BSU, program(MINISTRIES_MOU, retiring.code(), "bsu.by", terms(3, 3)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    retire(retiring);

    String path = "/api/v1/programs/" + id;
    refused(
        as(TestTokens.partner(retiring.code()))
            .header("If-Match", etag(path))
            .body(Map.of("organizationCode", retiring.code()))
            .post(path + "/acceptances")
            .then(),
        "institution-retired",
        "organizationCode: organization '" + retiring.code() + "' is retired");
    as(REGISTRAR)
        .get(path)
        .then()
        .statusCode(200)
        .body("pendingInstitutions[0]", equalTo(retiring.code()));
  }

  @Test
  void aProgrammeWhoseInstitutionIsRetiredLaterStaysReadableAndManageableButTakesNoNewMobility() {
    Registered retiring = university("merged");
    // A registrar's creation binds both institutions; bsu.by manages it from then on.
    String id =
        create(REGISTRAR, program(MINISTRIES_MOU, retiring.code(), "bsu.by", terms(3, 3)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/programs/" + id;
    as(BSU).post(path + "/opening").then().statusCode(200);
    String nominated =
        as(BSU)
            .body(nomination(id, "SENDING_TO_RECEIVING", 7))
            .post("/api/v1/mobilities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    retire(retiring);

    as(BSU)
        .get(path)
        .then()
        .statusCode(200)
        .body("sendingInstitution", equalTo(retiring.code()))
        .body("status", equalTo("OPEN"));
    // No new mobility names it, from either side.
    refused(
        as(BSU).body(nomination(id, "SENDING_TO_RECEIVING", 7)).post("/api/v1/mobilities").then(),
        "institution-retired",
        "homeInstitution: organization '" + retiring.code() + "' is retired");
    refused(
        as(BSU).body(nomination(id, "RECEIVING_TO_SENDING", 7)).post("/api/v1/mobilities").then(),
        "institution-retired",
        "hostInstitution: organization '" + retiring.code() + "' is retired");
    // The mobility nominated before is managed as before: its host accepts it.
    as(BSU)
        .post("/api/v1/mobilities/" + nominated + "/acceptance")
        .then()
        .statusCode(200)
        .body("homeInstitution", equalTo(retiring.code()));
    // An application recorded for the retired home institution is a new record naming it; the host
    // may still apply for its mobility.
    String scholarship =
        as(REGISTRAR)
            .body(ScholarshipResourceTest.scholarship(2, "1000", "PKR"))
            .post("/api/v1/scholarships")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String applications = "/api/v1/scholarships/" + scholarship + "/applications";
    refused(
        as(REGISTRAR).body(Map.of("mobilityId", nominated)).post(applications).then(),
        "institution-retired",
        "appliedBy: organization '" + retiring.code() + "' is retired");
    as(BSU)
        .body(Map.of("mobilityId", nominated))
        .post(applications)
        .then()
        .statusCode(201)
        .body("appliedBy", equalTo("bsu.by"));
    // The programme is still managed: suspended, resumed, closed.
    as(BSU).body(Map.of("reason", "Merger")).post(path + "/suspension").then().statusCode(200);
    as(BSU).delete(path + "/suspension").then().statusCode(200).body("status", equalTo("OPEN"));
    as(BSU).post(path + "/closing").then().statusCode(200).body("status", equalTo("CLOSED"));
  }
}
