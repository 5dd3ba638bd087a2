package org.eurasia.registry.events.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.eurasia.registry.platform.testing.CsvAnswers;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Events' list and statistics answer {@code text/csv} with the JSON answer's rows: a never
 * published event (the seeded workshop draft of pu.edu.pk) stays out of an outsider's CSV.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsCsvTest {

  private static final String DRAFT_CODE = "PU-BSUIR/WORKSHOP/2027";

  @Test
  void theEventListInCsvHasTheJsonRowsAndNoDraftForOutsiders() {
    // Two reads of a list that earlier tests' jobs may still be changing (and anonymous reads
    // may be served from the read cache, up to its staleness): compared once they agree.
    String body =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> {
                  List<String> json =
                      given()
                          .queryParam("limit", 100)
                          .get("/api/v1/events")
                          .jsonPath()
                          .getList("items.code");
                  Response csv =
                      given().accept("text/csv").queryParam("limit", 100).get("/api/v1/events");
                  csv.then().statusCode(200).contentType(startsWith("text/csv"));
                  String text = csv.asString();
                  boolean same =
                      json.size() + 1 == records(text) && json.stream().allMatch(text::contains);
                  return same ? text : null;
                },
                text -> text != null);
    assertThat(body, startsWith("\uFEFF"));
    assertThat(body, not(containsString(DRAFT_CODE)));
    assertThat(
        given()
            .accept("text/csv")
            .header("Authorization", TestTokens.bearer(TestTokens.partner("pu.edu.pk")))
            .queryParam("organization", "pu.edu.pk")
            .get("/api/v1/events")
            .asString(),
        containsString(DRAFT_CODE));
  }

  /**
   * Records in an RFC 4180 document: line ends outside quotes (descriptions may hold line breaks,
   * quoted within their cell; earlier tests create such events).
   */
  private static int records(String csv) {
    int records = 0;
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        records++;
        i++;
      }
    }
    return csv.endsWith("\r\n") ? records : records + 1;
  }

  @Test
  void eventStatisticsAnswerInCsvOneRowPerJsonRow() {
    int rows = given().get("/api/v1/statistics/events").jsonPath().getList("$").size();
    String csv = given().accept("text/csv").get("/api/v1/statistics/events").asString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0], startsWith("\uFEFFkind,"));
    assertEquals(rows + 1, lines.length, csv);
  }

  @Test
  void eventCountsAnswerInCsvOneRowPerCount() {
    int counts =
        given()
            .queryParam("groupBy", "COUNTRY")
            .get("/api/v1/statistics/events/counts")
            .jsonPath()
            .getList("counts")
            .size();
    String csv =
        given()
            .accept("text/csv")
            .queryParam("groupBy", "COUNTRY")
            .get("/api/v1/statistics/events/counts")
            .asString();
    String[] lines = csv.split("\r\n");
    assertEquals("\uFEFFkey,count", lines[0]);
    assertEquals(counts + 1, lines.length, csv);
  }

  @Test
  void theAgendaInCsvHasTheJsonSessionsWithSpeakersFlattened() {
    String agenda = "/api/v1/events/" + EventResource.EXAMPLE_ID + "/sessions";
    Response csv = given().accept("text/csv").get(agenda);
    List<String> header = CsvAnswers.header(csv);
    assertThat(header.toString(), containsString("speakers.name"));
    assertEquals(given().get(agenda).jsonPath().getList("items.id"), CsvAnswers.column(csv, "id"));
    // A speaker's name holding a comma is one quoted cell, read back whole.
    assertThat(csv.asString(), containsString("\"Director, National Centre for Physics\""));
    assertEquals(
        "Director, National Centre for Physics", CsvAnswers.column(csv, "speakers.name").get(0));
  }
}
