package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.events.messaging.DirectoryEvents;
import org.eurasia.registry.platform.testing.HostilePartnerSweepTest;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;

/**
 * The hostile-partner sweep for events-service: a partner of uet.edu.pk, named in no seeded record
 * (the directory learns of it from its registration event, as of any new organization), sends every
 * write operation with path ids and id-valued body fields pointing at other organizations' events,
 * sessions, registrations, agreements and programmes — public ones, and private ones (a draft of
 * pu.edu.pk, a confidential agreement of the ministries and a programme under it). Co-organizers
 * named in {@code details.organizers} are only invited (proven by {@link EventConsentTest}), so
 * that field is not substituted.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsHostilePartnerTest extends HostilePartnerSweepTest {

  static final String HOSTILE = "uet.edu.pk";
  static final String HOSTILE_TOKEN = TestTokens.partner(HOSTILE);

  /**
   * Seeded: a published webinar of ncp.edu.pk, its first session and a registration; the private
   * draft of pu.edu.pk.
   */
  static final String PUBLIC_EVENT = "5eed0000-0000-4000-8000-0000000e0a01";

  static final String PUBLIC_SESSION = "5eed0000-0000-4000-8000-0000000e0c01";
  static final String OTHERS_REGISTRATION = "5eed0000-0000-4000-8000-0000000e0b01";
  static final String PRIVATE_DRAFT = "5eed0000-0000-4000-8000-0000000e0a05";
  static final String SECRET_AGREEMENT = "5eed0000-0000-4000-8000-00000000cf01";
  static final String SECRET_PROGRAM = "5eed0000-0000-4000-8000-00000000cf02";

  @Inject EntityManager em;

  private Map<String, Own> own;

  static Map<String, Object> details(String organizer, String other) {
    Map<String, Object> d =
        EventsApi.details(
            "WEBINAR",
            EventsApi.local("Asia/Karachi", Y + "-08-10T14:00:00", Y + "-08-10T16:00:00"),
            20,
            true);
    d.put("organizers", other == null ? List.of(organizer) : List.of(organizer, other));
    d.put("linkedAgreements", new ArrayList<>());
    d.put("linkedPrograms", new ArrayList<>());
    return d;
  }

  /**
   * A confidential agreement of the two ministries and a programme under it, as their owners would
   * have announced.
   */
  void confidentialRecordsOfOthersAreKnown() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, version, updated_at)"
                          + " VALUES (CAST(?1 AS uuid), 'PK-BY/SECRET/2027', 'IN_FORCE', 'CONFIDENTIAL', CAST(?2 AS jsonb), 3, now()) ON CONFLICT DO NOTHING")
                  .setParameter(1, SECRET_AGREEMENT)
                  .setParameter(
                      2,
                      "[{\"organizationCode\": \"most.gov.pk\", \"country\": \"PK\", \"role\": \"SIGNATORY\", \"signed\": true, \"consented\": true},"
                          + " {\"organizationCode\": \"gknt.gov.by\", \"country\": \"BY\", \"role\": \"SIGNATORY\", \"signed\": true, \"consented\": true}]")
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO program_projection (program_id, code, status, agreement_id, institutions, accepted_institutions,"
                          + " version, updated_at) VALUES (CAST(?1 AS uuid), 'QAU-BSU/SECRET/2027', 'OPEN', CAST(?2 AS uuid),"
                          + " '[\"qau.edu.pk\", \"bsu.by\"]', '[\"qau.edu.pk\", \"bsu.by\"]', 1, now()) ON CONFLICT DO NOTHING")
                  .setParameter(1, SECRET_PROGRAM)
                  .setParameter(2, SECRET_AGREEMENT)
                  .executeUpdate();
            });
  }

  @Override
  protected String hostile() {
    return HOSTILE_TOKEN;
  }

  @Override
  protected synchronized Map<String, Own> own() {
    if (own != null) {
      return own;
    }
    confidentialRecordsOfOthersAreKnown();
    DirectoryEvents.registered(HOSTILE);
    // The hostile partner's own records: a draft, a published moderated event with a session and a
    // pending registration,
    // and an event of ncp.edu.pk that invites it as co-organizer.
    String draft =
        EventsApi.create(HOSTILE_TOKEN, details(HOSTILE, null))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String event =
        EventsApi.create(HOSTILE_TOKEN, details(HOSTILE, null))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(HOSTILE_TOKEN).post("/api/v1/events/" + event + "/publication").then().statusCode(200);
    String session =
        as(HOSTILE_TOKEN)
            .body(
                Map.of(
                    "title",
                    Map.of("en", "Opening"),
                    "startLocal",
                    Y + "-08-10T14:00:00",
                    "endLocal",
                    Y + "-08-10T14:30:00"))
            .post("/api/v1/events/" + event + "/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String registration =
        as(EventsApi.person(1))
            .body(Map.of("eventId", event, "name", "Guest"))
            .post("/api/v1/registrations")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String invitation =
        EventsApi.create(EventsApi.ORGANIZER_TOKEN, details(EventsApi.ORGANIZER, HOSTILE))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String e = "/api/v1/events/" + event;
    String reg = "/api/v1/registrations/" + registration;
    Map<String, Own> o = new LinkedHashMap<>();
    o.put(
        "createEvent",
        new Own(
            "/api/v1/events",
            () -> Map.of("code", EventsApi.code(), "details", details(HOSTILE, null))));
    o.put("updateEvent", new Own("/api/v1/events/" + draft, () -> details(HOSTILE, null)));
    o.put("publishEvent", new Own("/api/v1/events/" + draft + "/publication", () -> null));
    o.put(
        "rescheduleEvent",
        new Own(
            e + "/reschedule",
            () ->
                Map.of(
                    "schedule",
                    EventsApi.local("Asia/Karachi", Y + "-08-10T14:00:00", Y + "-08-10T16:00:00"),
                    "reason",
                    "Sweep")));
    o.put(
        "cancelEvent",
        new Own("/api/v1/events/" + draft + "/cancellation", () -> Map.of("reason", "Sweep")));
    o.put("completeEvent", new Own(e + "/completion", () -> null));
    o.put(
        "acceptEvent",
        new Own(
            "/api/v1/events/" + invitation + "/acceptances",
            () -> Map.of("organizationCode", HOSTILE)));
    o.put(
        "addEventSession",
        new Own(
            e + "/sessions",
            () ->
                Map.of(
                    "title",
                    Map.of("en", "Panel"),
                    "startLocal",
                    Y + "-08-10T14:30:00",
                    "endLocal",
                    Y + "-08-10T15:00:00")));
    o.put("removeEventSession", new Own(e + "/sessions/" + session, () -> null));
    o.put(
        "registerForEvent",
        new Own("/api/v1/registrations", () -> Map.of("eventId", event, "name", "Hostile")));
    o.put(
        "registerDelegation",
        new Own(
            "/api/v1/registrations/delegations",
            () ->
                Map.of(
                    "eventId",
                    event,
                    "organization",
                    HOSTILE,
                    "members",
                    List.of(
                        Map.of(
                            "name",
                            "Delegate",
                            "email",
                            "delegate-" + UUID.randomUUID() + "@uet.example.org")))));
    o.put("approveRegistration", new Own(reg + "/approval", () -> null));
    o.put("declineRegistration", new Own(reg + "/decline", () -> null));
    o.put("checkInRegistration", new Own(reg + "/check-in", () -> null));
    o.put("cancelRegistration", new Own(reg + "/cancellation", () -> null));
    awarenessProgrammes(o, event);
    String publication = PublicationResourceTest.create(HOSTILE_TOKEN, HOSTILE);
    o.put("createPublication", new Own("/api/v1/publications", () -> ownPublication(event)));
    o.put(
        "updatePublication",
        new Own("/api/v1/publications/" + publication, () -> ownPublication(event)));
    o.put("eraseRegistrantData", new Own(reg + "/personal-data", () -> null));
    own = o;
    return o;
  }

  /**
   * The hostile partner's own awareness programmes: a draft, announced ones (one to run and close,
   * one an event joins, one its published event is in), and one of ncp.edu.pk that invites it.
   */
  private static void awarenessProgrammes(Map<String, Own> o, String event) {
    String draft = AwarenessProgrammeResourceTest.create(HOSTILE_TOKEN, List.of(HOSTILE));
    String running = announcedProgramme();
    String joining = announcedProgramme();
    String leaving = announcedProgramme();
    as(HOSTILE_TOKEN)
        .body(Map.of("eventId", event))
        .post("/api/v1/awareness-programmes/" + leaving + "/events")
        .then()
        .statusCode(200);
    String invitation =
        AwarenessProgrammeResourceTest.create(
            EventsApi.ORGANIZER_TOKEN, List.of(EventsApi.ORGANIZER, HOSTILE));
    String p = "/api/v1/awareness-programmes/";
    o.put(
        "createAwarenessProgramme",
        new Own(
            "/api/v1/awareness-programmes",
            () ->
                Map.of(
                    "code",
                    AwarenessProgrammeResourceTest.code(),
                    "details",
                    AwarenessProgrammeResourceTest.details(List.of(HOSTILE)))));
    o.put(
        "updateAwarenessProgramme",
        new Own(p + draft, () -> AwarenessProgrammeResourceTest.details(List.of(HOSTILE))));
    o.put("announceAwarenessProgramme", new Own(p + draft + "/announcement", () -> null));
    o.put("startAwarenessProgramme", new Own(p + running + "/start", () -> null));
    o.put("closeAwarenessProgramme", new Own(p + running + "/closure", () -> null));
    o.put(
        "acceptAwarenessProgramme",
        new Own(p + invitation + "/acceptances", () -> Map.of("organizationCode", HOSTILE)));
    o.put(
        "linkAwarenessProgrammeEvent",
        new Own(p + joining + "/events", () -> Map.of("eventId", event)));
    o.put("unlinkAwarenessProgrammeEvent", new Own(p + leaving + "/events/" + event, () -> null));
  }

  /** A publication of the hostile partner about its own event and the public memorandum. */
  private static Map<String, Object> ownPublication(String event) {
    Map<String, Object> d = PublicationResourceTest.report(HOSTILE);
    d.put("linkedEvents", List.of(event));
    d.put("linkedAgreements", new ArrayList<>(List.of(EventsApi.MINISTRIES_MOU)));
    d.put("linkedVentures", List.of(PublicationResourceTest.PHOTONICS_LAB));
    return d;
  }

  private static String announcedProgramme() {
    String id = AwarenessProgrammeResourceTest.create(HOSTILE_TOKEN, List.of(HOSTILE));
    as(HOSTILE_TOKEN)
        .post("/api/v1/awareness-programmes/" + id + "/announcement")
        .then()
        .statusCode(200);
    return id;
  }

  @Override
  protected Map<String, List<Foreign>> foreign() {
    return Map.of(
        "events",
            List.of(
                Foreign.open(PUBLIC_EVENT, "ncp.edu.pk's published webinar"),
                Foreign.confidential(PRIVATE_DRAFT, "pu.edu.pk's draft workshop")),
        // A public event of others is open for anyone to register: only events the caller may not
        // see are foreign here.
        "unseen-events", List.of(Foreign.confidential(PRIVATE_DRAFT, "pu.edu.pk's draft workshop")),
        "sessions", List.of(Foreign.open(PUBLIC_SESSION, "a session of ncp.edu.pk's webinar")),
        "registrations",
            List.of(
                Foreign.confidential(
                    OTHERS_REGISTRATION, "bsu.by's registration for ncp.edu.pk's webinar")),
        "agreements",
            List.of(
                Foreign.open(EventsApi.MINISTRIES_MOU, "the ministries' public memorandum"),
                Foreign.confidential(SECRET_AGREEMENT, "the ministries' confidential agreement")),
        "programs",
            List.of(
                Foreign.open("5eed0000-0000-4000-8000-0000000b0001", "QAU-BSU/TEACH/2025"),
                Foreign.confidential(
                    SECRET_PROGRAM, "a programme under the confidential agreement")),
        "awareness-programmes",
            List.of(
                Foreign.open(
                    AwarenessProgrammeResourceTest.SEEDED_SERIES, "ncp.edu.pk's announced series"),
                Foreign.confidential(
                    AwarenessProgrammeResourceTest.SEEDED_DRAFT, "cuc.edu.cn's draft programme")),
        // Publications link what the caller may read: only records it may not see are foreign
        // there.
        "confidential-agreements",
            List.of(
                Foreign.confidential(SECRET_AGREEMENT, "the ministries' confidential agreement")),
        "organizations:code",
            List.of(
                Foreign.open("most.gov.pk", "most.gov.pk"),
                Foreign.open("ncp.edu.pk", "ncp.edu.pk")));
  }

  @Override
  protected Map<String, Map<String, Field>> fields() {
    Naming invited =
        new Naming("co-organizers named by someone else are invited, not bound (EventConsentTest)");
    Map<String, Field> eventDetails =
        Map.of(
            "details.organizers[]", invited,
            "details.linkedAgreements[]", new ActingFor("agreements"),
            "details.linkedPrograms[]", new ActingFor("programs"));
    Map<String, Field> revisedDetails =
        Map.of(
            "organizers[]", invited,
            "linkedAgreements[]", new ActingFor("agreements"),
            "linkedPrograms[]", new ActingFor("programs"));
    return Map.ofEntries(
        Map.entry("createEvent", eventDetails),
        Map.entry("updateEvent", revisedDetails),
        Map.entry("acceptEvent", Map.of("organizationCode", new ActingFor("organizations:code"))),
        Map.entry("registerForEvent", Map.of("eventId", new ActingFor("unseen-events"))),
        Map.entry(
            "registerDelegation",
            Map.of(
                "eventId",
                new ActingFor("unseen-events"),
                "organization",
                new ActingFor("organizations:code"))),
        Map.entry("createAwarenessProgramme", Map.of("details.organizers[]", invited)),
        Map.entry("updateAwarenessProgramme", Map.of("organizers[]", invited)),
        Map.entry(
            "acceptAwarenessProgramme",
            Map.of("organizationCode", new ActingFor("organizations:code"))),
        Map.entry("linkAwarenessProgrammeEvent", Map.of("eventId", new ActingFor("events"))),
        Map.entry("createPublication", publicationLinks()),
        Map.entry("updatePublication", publicationLinks()));
  }

  /**
   * A publication names events (only those the caller may see and published: a public event of
   * others may be written about), agreements (only readable ones) and ventures (public records of
   * agreements-service, linked by anyone), and organizations as publisher (acting for it) or as an
   * author's affiliation (a byline binds nobody).
   */
  private static Map<String, Field> publicationLinks() {
    return Map.of(
        "publisher", new ActingFor("organizations:code"),
        "authors[].affiliation",
            new Naming(
                "an author's affiliation is the byline of a published work; it binds nobody"),
        "linkedEvents[]", new ActingFor("unseen-events"),
        "linkedAgreements[]", new ActingFor("confidential-agreements"),
        "linkedVentures[]",
            new Naming(
                "ventures are public records of agreements-service; a link writes nothing on one"));
  }

  @Override
  protected List<String> secrets() {
    return List.of(
        "PU-BSUIR/WORKSHOP/2027",
        "microelectronics",
        "PK-BY/SECRET/2027",
        "QAU-BSU/SECRET/2027",
        "CUC-COMSATS/MEDIA/2027");
  }
}
