package org.eurasia.registry.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The states the cross-service tests start from, reached through the running services' APIs as a
 * registrar and the partners would reach them: universities, a memorandum in force between two, an
 * open programme under it, a mobility under way, a published webinar. What exchange-service and
 * events-service know of the directory and the agreements they learn from agreements-service's
 * events, so the steps in those services wait for them to arrive.
 */
public final class RegistryScenarios {

  public static final String AGREEMENTS = "agreements-service";
  public static final String EXCHANGE = "exchange-service";
  public static final String EVENTS = "events-service";

  /** How long a step waits for another service's events to arrive. */
  public static final Duration EVENTS_ARRIVE = Duration.ofSeconds(90);

  private final RunningSuite suite;

  public RegistryScenarios(RunningSuite suite) {
    this.suite = suite;
  }

  /** Six characters that make codes of one test run unique. */
  public static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /** Registers a university with agreements-service; returns its id. */
  public String university(String code, String country) {
    return suite
        .asRegistrar(AGREEMENTS)
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "UNIVERSITY",
                "names",
                Map.of("en", "University " + code),
                "country",
                country))
        .post("/api/v1/organizations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * Retires an organization in agreements-service's directory, as a registrar does when it closes
   * or merges: it stays readable, and no new record anywhere in the suite may name it.
   */
  public void retire(String organizationId) {
    String etag =
        suite
            .asRegistrar(AGREEMENTS)
            .get("/api/v1/organizations/" + organizationId)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    suite
        .asRegistrar(AGREEMENTS)
        .header("If-Match", etag)
        .post("/api/v1/organizations/" + organizationId + "/retirement")
        .then()
        .statusCode(200);
  }

  /**
   * A memorandum between two registered universities (home in Pakistan, host in Belarus), drafted
   * by a registrar, signed by each party's own partner and entered into force; returns its id.
   */
  public String agreementInForce(String home, String host) {
    String agreement =
        suite
            .asRegistrar(AGREEMENTS)
            .body(
                Map.of(
                    "code",
                    "PK-BY/MOU/2026/S-" + suffix().toUpperCase(),
                    "terms",
                    Map.of(
                        "kind", "MEMORANDUM_OF_UNDERSTANDING",
                        "title", Map.of("en", "Memorandum on academic exchange"),
                        "parties",
                            List.of(
                                Map.of("organizationCode", home, "role", "SIGNATORY"),
                                Map.of("organizationCode", host, "role", "SIGNATORY")),
                        "fields", List.of("HIGHER_EDUCATION"))))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (String party : List.of(home, host)) {
      // A signature binds the version the signer read: If-Match names it.
      String etag =
          suite
              .asRegistrar(AGREEMENTS)
              .get("/api/v1/agreements/" + agreement)
              .then()
              .statusCode(200)
              .extract()
              .header("ETag");
      suite
          .asPartner(AGREEMENTS, party)
          .header("If-Match", etag)
          .body(Map.of("organizationCode", party, "date", "2026-11-01"))
          .post("/api/v1/agreements/" + agreement + "/signatures")
          .then()
          .statusCode(200);
    }
    suite
        .asRegistrar(AGREEMENTS)
        .body(Map.of("date", "2026-11-15"))
        .post("/api/v1/agreements/" + agreement + "/entry-into-force")
        .then()
        .statusCode(200);
    return agreement;
  }

  /**
   * The body of a new student exchange home → host under the agreement, with a fresh code; no
   * number of places, so a test may nominate as many as it needs.
   */
  public static Map<String, Object> programme(String agreement, String home, String host) {
    return Map.of(
        "code",
        "S/" + suffix().toUpperCase(),
        "kind",
        "STUDENT_EXCHANGE",
        "agreementId",
        agreement,
        "sendingInstitution",
        home,
        "receivingInstitution",
        host,
        "terms",
        Map.of(
            "title",
            Map.of("en", "Student exchange"),
            "academicYears",
            List.of("2026/2027"),
            "quotas",
            List.of(Map.of("academicYear", "2026/2027", "direction", "SENDING_TO_RECEIVING")),
            "duration",
            Map.of("amount", 5, "unit", "MONTHS")));
  }

  /**
   * A programme home → host under the agreement, created by home's partner once the organization
   * and agreement events have reached exchange-service, accepted by host's partner (naming the host
   * institution did not bind it) and opened; returns its id.
   */
  public String openProgramme(String agreement, String home, String host) {
    Map<String, Object> programme = programme(agreement, home, host);
    String program =
        await()
            .atMost(EVENTS_ARRIVE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> suite.asPartner(EXCHANGE, home).body(programme).post("/api/v1/programs"),
                r -> r.statusCode() == 201)
            .path("id");
    String etag =
        suite
            .asRegistrar(EXCHANGE)
            .get("/api/v1/programs/" + program)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    suite
        .asPartner(EXCHANGE, host)
        .header("If-Match", etag)
        .body(Map.of("organizationCode", host))
        .post("/api/v1/programs/" + program + "/acceptances")
        .then()
        .statusCode(200);
    suite
        .asPartner(EXCHANGE, home)
        .post("/api/v1/programs/" + program + "/opening")
        .then()
        .statusCode(200);
    return program;
  }

  /** A student of home nominated to the programme; returns the mobility's id. */
  public String nominate(String program, String home) {
    return suite
        .asPartner(EXCHANGE, home)
        .body(
            Map.of(
                "programId",
                program,
                "academicYear",
                "2026/2027",
                "direction",
                "SENDING_TO_RECEIVING",
                "participant",
                Map.of("givenName", "Ayesha", "familyName", "Khan"),
                "plannedStart",
                "2027-02-01",
                "plannedEnd",
                "2027-06-30"))
        .post("/api/v1/mobilities")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A mobility nominated by home, accepted by host and started; returns its id. */
  public String runningMobility(String program, String home, String host) {
    String mobility = nominate(program, home);
    suite
        .asPartner(EXCHANGE, host)
        .post("/api/v1/mobilities/" + mobility + "/acceptance")
        .then()
        .statusCode(200);
    suite
        .asPartner(EXCHANGE, home)
        .body(Map.of("startedOn", "2026-11-20"))
        .post("/api/v1/mobilities/" + mobility + "/start")
        .then()
        .statusCode(200);
    return mobility;
  }

  /** The programme's status as exchange-service reports it. */
  public String programStatus(String program) {
    return suite
        .asRegistrar(EXCHANGE)
        .get("/api/v1/programs/" + program)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** The details of an online webinar next year organized by one organization. */
  public static Map<String, Object> webinar(String organizer) {
    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue() + 1);
    return Map.of(
        "code",
        "W/" + suffix().toUpperCase(),
        "details",
        Map.of(
            "kind",
            "WEBINAR",
            "title",
            Map.of("en", "Webinar of " + organizer),
            "organizers",
            List.of(organizer),
            "format",
            "ONLINE",
            "joinUrl",
            "https://meet.example.org/webinar",
            "schedule",
            Map.of(
                "timeZone",
                "Asia/Karachi",
                "startLocal",
                year + "-03-01T14:00:00",
                "endLocal",
                year + "-03-01T15:00:00"),
            "registration",
            Map.of("capacity", 1000)));
  }

  /**
   * A webinar created by its organizer's partner once the organization's event has reached
   * events-service (it refuses organizers its directory does not know), then published; returns its
   * id.
   */
  public String publishedWebinar(String organizer) {
    Map<String, Object> webinar = webinar(organizer);
    String event =
        await()
            .atMost(EVENTS_ARRIVE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> suite.asPartner(EVENTS, organizer).body(webinar).post("/api/v1/events"),
                r -> r.statusCode() == 201)
            .path("id");
    suite
        .asPartner(EVENTS, organizer)
        .post("/api/v1/events/" + event + "/publication")
        .then()
        .statusCode(200);
    return event;
  }
}
