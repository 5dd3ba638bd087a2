package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.events.api.EventsApi.DRAFT_MOU;
import static org.eurasia.registry.events.api.EventsApi.MINISTRIES_MOU;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links need rights on what they name. A confidential agreement of the two ministries (and a
 * programme under it, run by qau.edu.pk with bsu.by still to accept) is, for everyone else, exactly
 * as unknown as an id nobody ever used: linking it, reading it through an event, asking for its
 * calendar. A public agreement of others is readable but is linked only by a party that consented
 * to it.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventLinkRightsTest {

  static final String MINISTRY = TestTokens.partner("most.gov.pk");

  /** A programme of the seeded public memorandum, between qau.edu.pk and bsu.by. */
  static final String PUBLIC_PROGRAM = "5eed0000-0000-4000-8000-0000000b0001";

  @Inject EntityManager em;

  UUID secret;
  String secretCode;
  UUID program;
  String programCode;

  /**
   * What agreements-service and exchange-service would have announced, written straight into the
   * projections.
   */
  @BeforeEach
  void aConfidentialAgreementAndItsProgrammeAreKnown() {
    secret = UUID.randomUUID();
    secretCode = "PK-BY/SECRET/" + secret.toString().substring(0, 6).toUpperCase();
    program = UUID.randomUUID();
    programCode = "QAU-BSU/SECRET/" + program.toString().substring(0, 6).toUpperCase();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, version, updated_at)"
                          + " VALUES (?1, ?2, 'SIGNED', 'CONFIDENTIAL', CAST(?3 AS jsonb), 2, now())")
                  .setParameter(1, secret)
                  .setParameter(2, secretCode)
                  .setParameter(
                      3,
                      "[{\"organizationCode\": \"most.gov.pk\", \"country\": \"PK\", \"role\": \"SIGNATORY\", \"signed\": true, \"consented\": true},"
                          + " {\"organizationCode\": \"gknt.gov.by\", \"country\": \"BY\", \"role\": \"SIGNATORY\", \"signed\": true, \"consented\": true}]")
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO program_projection (program_id, code, status, agreement_id, institutions, accepted_institutions,"
                          + " version, updated_at) VALUES (?1, ?2, 'PLANNED', ?3, '[\"qau.edu.pk\", \"bsu.by\"]', '[\"qau.edu.pk\"]', 0, now())")
                  .setParameter(1, program)
                  .setParameter(2, programCode)
                  .setParameter(3, secret)
                  .executeUpdate();
            });
  }

  static Map<String, Object> seminar(String organizer, List<?> agreements, List<?> programs) {
    Map<String, Object> d =
        details(
            "SEMINAR",
            local("Asia/Karachi", Y + "-09-10T10:00:00", Y + "-09-10T12:00:00"),
            40,
            false);
    d.put("organizers", List.of(organizer));
    d.put("linkedAgreements", agreements);
    d.put("linkedPrograms", programs);
    return d;
  }

  /** The problem as compared: everything but the id the caller sent. */
  static String withoutId(Response r, Object id) {
    return r.asString().replace(id.toString(), "<id>");
  }

  @Test
  void aConfidentialAgreementAnswersExactlyLikeAnUnknownIdToOutsiders() {
    UUID nobody = UUID.randomUUID();
    Response unknown =
        create(ORGANIZER_TOKEN, "SAME/CODE/1", seminar(ORGANIZER, List.of(nobody), List.of()));
    Response hidden =
        create(ORGANIZER_TOKEN, "SAME/CODE/1", seminar(ORGANIZER, List.of(secret), List.of()));
    unknown
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:eurasia-registry:problem:unknown-reference"))
        .body("errors[0].field", equalTo("linkedAgreements[0]"));
    assertEquals(unknown.statusCode(), hidden.statusCode());
    assertEquals(withoutId(unknown, nobody), withoutId(hidden, secret));
    assertFalse(
        hidden.asString().contains(secretCode) || hidden.asString().contains("SIGNED"),
        "no code or status of a confidential agreement");

    // At revision too, for a link added.
    String event =
        create(ORGANIZER_TOKEN, seminar(ORGANIZER, List.of(), List.of()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String etag =
        as(ORGANIZER_TOKEN).get("/api/v1/events/" + event).then().extract().header("ETag");
    Response revised =
        as(ORGANIZER_TOKEN)
            .header("If-Match", etag)
            .body(seminar(ORGANIZER, List.of(secret), List.of()))
            .put("/api/v1/events/" + event);
    Response revisedUnknown =
        as(ORGANIZER_TOKEN)
            .header("If-Match", etag)
            .body(seminar(ORGANIZER, List.of(nobody), List.of()))
            .put("/api/v1/events/" + event);
    assertEquals(422, revised.statusCode());
    assertEquals(withoutId(revisedUnknown, nobody), withoutId(revised, secret));

    // A party that signed links it.
    create(MINISTRY, seminar("most.gov.pk", List.of(secret), List.of()))
        .then()
        .statusCode(201)
        .body("linkedAgreements[0].code", equalTo(secretCode))
        .body("linkedAgreements[0].status", equalTo("SIGNED"));
  }

  @Test
  void aPublicAgreementOfOthersIsReadableButLinkedOnlyByAPartyThatConsented() {
    create(ORGANIZER_TOKEN, seminar(ORGANIZER, List.of(MINISTRIES_MOU), List.of()))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    create(MINISTRY, seminar("most.gov.pk", List.of(MINISTRIES_MOU), List.of()))
        .then()
        .statusCode(201);
    create(TestTokens.registrar(), seminar(ORGANIZER, List.of(MINISTRIES_MOU), List.of()))
        .then()
        .statusCode(201);

    // The draft memorandum nobody has signed: its signatory qau.edu.pk links it only to the
    // ceremony where it signs.
    create(TestTokens.partner("qau.edu.pk"), seminar("qau.edu.pk", List.of(DRAFT_MOU), List.of()))
        .then()
        .statusCode(403);
    Map<String, Object> ceremony = seminar("qau.edu.pk", List.of(DRAFT_MOU), List.of());
    ceremony.put("kind", "SIGNING_CEREMONY");
    create(TestTokens.partner("qau.edu.pk"), ceremony).then().statusCode(201);
    ceremony.put("organizers", List.of(ORGANIZER));
    create(ORGANIZER_TOKEN, ceremony).then().statusCode(403);

    // A revision adding the link is refused as a creation is; one keeping a link the registrar made
    // is not.
    String event =
        create(TestTokens.registrar(), seminar(ORGANIZER, List.of(MINISTRIES_MOU), List.of()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String etag =
        as(ORGANIZER_TOKEN).get("/api/v1/events/" + event).then().extract().header("ETag");
    Map<String, Object> renamed = seminar(ORGANIZER, List.of(MINISTRIES_MOU), List.of());
    renamed.put("title", Map.of("en", "Renamed seminar"));
    as(ORGANIZER_TOKEN)
        .header("If-Match", etag)
        .body(renamed)
        .put("/api/v1/events/" + event)
        .then()
        .statusCode(200)
        .body("linkedAgreements[0].code", equalTo("PK-BY/MOU/2021/ST-014"));
    String mine =
        create(ORGANIZER_TOKEN, seminar(ORGANIZER, List.of(), List.of()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String mineTag =
        as(ORGANIZER_TOKEN).get("/api/v1/events/" + mine).then().extract().header("ETag");
    as(ORGANIZER_TOKEN)
        .header("If-Match", mineTag)
        .body(seminar(ORGANIZER, List.of(MINISTRIES_MOU), List.of()))
        .put("/api/v1/events/" + mine)
        .then()
        .statusCode(403);
  }

  @Test
  void aProgrammeUnderAConfidentialAgreementIsHiddenAndLinkedOnlyByThoseWithTheRight() {
    UUID nobody = UUID.randomUUID();
    Response unknown =
        create(ORGANIZER_TOKEN, "SAME/CODE/2", seminar(ORGANIZER, List.of(), List.of(nobody)));
    Response hidden =
        create(ORGANIZER_TOKEN, "SAME/CODE/2", seminar(ORGANIZER, List.of(), List.of(program)));
    unknown.then().statusCode(422).body("errors[0].field", equalTo("linkedPrograms[0]"));
    assertEquals(withoutId(unknown, nobody), withoutId(hidden, program));
    assertFalse(hidden.asString().contains(programCode));

    // Readable but not theirs: an institution still invited, a public programme of others.
    create(TestTokens.partner("bsu.by"), seminar("bsu.by", List.of(), List.of(program)))
        .then()
        .statusCode(403);
    create(ORGANIZER_TOKEN, seminar(ORGANIZER, List.of(), List.of(PUBLIC_PROGRAM)))
        .then()
        .statusCode(403);
    // The institution that accepted it, and a party of its agreement that signed, link it.
    create(TestTokens.partner("qau.edu.pk"), seminar("qau.edu.pk", List.of(), List.of(program)))
        .then()
        .statusCode(201);
    String event =
        create(MINISTRY, seminar("most.gov.pk", List.of(), List.of(program)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(MINISTRY).post("/api/v1/events/" + event + "/publication").then().statusCode(200);

    // The published event shows the programme's code and status only to those who may read the
    // programme.
    for (String outsider : new String[] {null, ORGANIZER_TOKEN, TestTokens.partner("cuc.edu.cn")}) {
      (outsider == null ? given() : as(outsider))
          .get("/api/v1/events/" + event)
          .then()
          .statusCode(200)
          .body("linkedPrograms[0].programId", equalTo(program.toString()))
          .body("linkedPrograms[0].code", nullValue())
          .body("linkedPrograms[0].status", nullValue());
      String body =
          (outsider == null ? given() : as(outsider))
              .queryParam("programId", program.toString())
              .get("/api/v1/events")
              .asString();
      assertFalse(body.contains(programCode), "no programme code in lists either");
    }
    for (String reader :
        new String[] {MINISTRY, TestTokens.partner("bsu.by"), TestTokens.registrar()}) {
      as(reader)
          .get("/api/v1/events/" + event)
          .then()
          .body("linkedPrograms[0].code", equalTo(programCode))
          .body("linkedPrograms[0].status", equalTo("PLANNED"));
    }
  }

  @Test
  void theCalendarOfAConfidentialAgreementAnswersExactlyLikeAnUnknownOne() {
    UUID nobody = UUID.randomUUID();
    create(MINISTRY, seminar("most.gov.pk", List.of(secret), List.of())).then().statusCode(201);
    for (String outsider : new String[] {null, ORGANIZER_TOKEN}) {
      Response unknown =
          (outsider == null ? given() : as(outsider))
              .get("/api/v1/calendars/agreements/" + nobody + ".ics");
      Response hidden =
          (outsider == null ? given() : as(outsider))
              .get("/api/v1/calendars/agreements/" + secret + ".ics");
      assertEquals(404, unknown.statusCode());
      assertEquals(unknown.statusCode(), hidden.statusCode());
      assertEquals(unknown.contentType(), hidden.contentType());
      assertEquals(withoutId(unknown, nobody), withoutId(hidden, secret));
    }
    as(MINISTRY).get("/api/v1/calendars/agreements/" + secret + ".ics").then().statusCode(200);
  }
}
