package org.eurasia.registry.events.suite;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.testing.RegistryScenarios;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, organizations: the directory is agreements-service's, and the other two services hold
 * to it through its events alone. Once an organization is retired there, no service lets a new
 * record name it, and every record that already names it stays readable and in its state. The three
 * packaged services run as separate processes on one real PostgreSQL and one real Kafka.
 */
class DirectoryAcrossTheSuiteIT {

  static final String AGREEMENTS = RegistryScenarios.AGREEMENTS;
  static final String EXCHANGE = RegistryScenarios.EXCHANGE;
  static final String EVENTS = RegistryScenarios.EVENTS;

  static RunningSuite suite;
  static RegistryScenarios scenarios;

  @BeforeAll
  static void startTheSuite() throws Exception {
    suite = RunningSuite.create("directory");
    suite.start(AGREEMENTS, RunningSuite.sibling(AGREEMENTS), Map.of());
    suite.start(EXCHANGE, RunningSuite.sibling(EXCHANGE), Map.of());
    suite.start(EVENTS, Path.of("").toAbsolutePath(), Map.of());
    scenarios = new RegistryScenarios(suite);
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void anOrganizationRetiredInTheDirectoryIsRefusedByEveryServiceForNewRecordsOnly() {
    String s = RegistryScenarios.suffix();
    String home = "d" + s + ".edu.pk";
    String host = "d" + s + ".by";
    String homeId = scenarios.university(home, "PK");
    scenarios.university(host, "BY");
    String agreement = scenarios.agreementInForce(home, host);
    String program = scenarios.openProgramme(agreement, home, host);
    String webinar = scenarios.publishedWebinar(home);
    Map<String, Object> secondProgramme = RegistryScenarios.programme(agreement, home, host);
    // Before the retirement the very requests refused below are taken: the refusals are about it.
    assertEquals(201, newProgramme(home, secondProgramme).statusCode());

    scenarios.retire(homeId);

    // agreements-service refuses at once; the others once the retirement event has reached them.
    suite
        .asRegistrar(AGREEMENTS)
        .body(
            Map.of(
                "code",
                "PK-BY/MOU/2026/R-" + s.toUpperCase(),
                "terms",
                Map.of(
                    "kind", "MEMORANDUM_OF_UNDERSTANDING",
                    "title", Map.of("en", "After the retirement"),
                    "parties",
                        List.of(
                            Map.of("organizationCode", home, "role", "SIGNATORY"),
                            Map.of("organizationCode", host, "role", "SIGNATORY")),
                    "fields", List.of("HIGHER_EDUCATION"))))
        .post("/api/v1/agreements")
        .then()
        .statusCode(422)
        .body(containsString("retired"));
    Response refusedProgramme =
        await()
            .atMost(RegistryScenarios.EVENTS_ARRIVE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> newProgramme(home, RegistryScenarios.programme(agreement, home, host)),
                r -> r.statusCode() != 201);
    assertEquals(422, refusedProgramme.statusCode(), refusedProgramme.asString());
    assertContains(refusedProgramme, "retired");
    Response refusedEvent =
        await()
            .atMost(RegistryScenarios.EVENTS_ARRIVE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    suite
                        .asPartner(EVENTS, home)
                        .body(RegistryScenarios.webinar(home))
                        .post("/api/v1/events"),
                r -> r.statusCode() != 201);
    assertEquals(422, refusedEvent.statusCode(), refusedEvent.asString());
    assertContains(refusedEvent, "retired");

    // What named it before stays as it was.
    assertEquals("IN_FORCE", statusOf(AGREEMENTS, "/api/v1/agreements/" + agreement));
    assertEquals("OPEN", statusOf(EXCHANGE, "/api/v1/programs/" + program));
    assertEquals("PUBLISHED", statusOf(EVENTS, "/api/v1/events/" + webinar));
    assertEquals(
        "RETIRED",
        suite
            .asRegistrar(AGREEMENTS)
            .get("/api/v1/organizations/" + homeId)
            .then()
            .statusCode(200)
            .extract()
            .path("status"));
  }

  static Response newProgramme(String home, Map<String, Object> programme) {
    return suite.asPartner(EXCHANGE, home).body(programme).post("/api/v1/programs");
  }

  static String statusOf(String service, String path) {
    return suite.asRegistrar(service).get(path).then().statusCode(200).extract().path("status");
  }

  static void assertContains(Response response, String text) {
    String body = response.asString();
    if (!body.contains(text)) {
      throw new AssertionError("expected '" + text + "' in " + body);
    }
  }
}
