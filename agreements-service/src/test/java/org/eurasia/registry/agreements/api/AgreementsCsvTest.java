package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.PATH;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.as;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.terms;
import static org.eurasia.registry.agreements.api.AgreementResourceTest.uniqueCode;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Lists and statistics answer {@code Accept: text/csv} as a spreadsheet opens them, with the JSON
 * answer's rows and visibility, at most the caller's ceiling per answer (the test profile sets 3
 * anonymous, 4 authenticated) and a {@code Link: rel="next"} to the rest.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsCsvTest {

  private static final String CSV = "text/csv";

  @Test
  void aListAnswersInCsvWithBomHeaderAndRfc4180Quoting() {
    String marker = marker();
    Map<String, Object> terms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    terms.put("title", Map.of("en", "=Physics, \"joint\" " + marker, "ru", "Физика " + marker));
    terms.put("summary", Map.of("en", "Two lines:\nlabs and schools"));
    String code = uniqueCode();
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201);

    Response csv = given().accept(CSV).queryParam("q", marker).get(PATH);

    csv.then().statusCode(200).contentType(startsWith(CSV));
    byte[] bytes = csv.asByteArray();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    String body = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<String> header = cells(body.substring(0, body.indexOf("\r\n")));
    assertThat(header, hasItems("code", "title.en", "title.ru", "parties.organizationCode"));
    assertThat(body, containsString("\"'=Physics, \"\"joint\"\" " + marker + "\""));
    assertThat(body, containsString("\"Two lines:\nlabs and schools\""));
    assertThat(body, containsString("qau.edu.pk;bsu.by"));
    assertThat(body, containsString(code));
    assertThat(records(body), hasSize(2));
  }

  @Test
  void csvHoldsTheSameRowsAsJsonInTheSameOrder() {
    String marker = marker();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(draftPublic(marker));
    }
    List<String> json =
        given()
            .queryParam("q", marker)
            .queryParam("limit", 3)
            .get(PATH)
            .jsonPath()
            .getList("items.code");
    List<String> csv =
        column(
            given().accept(CSV).queryParam("q", marker).queryParam("limit", 3).get(PATH), "code");
    assertThat(json, containsInAnyOrder(codes.toArray()));
    assertEquals(json, csv);
  }

  @Test
  void aConfidentialAgreementIsAbsentFromAnOutsidersCsv() {
    String marker = marker();
    Map<String, Object> terms = terms("CONFIDENTIAL", "qau.edu.pk", "bsu.by");
    terms.put("title", Map.of("en", "Memorandum " + marker));
    String code = uniqueCode();
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201);

    for (String outsider : Arrays.asList(null, TestTokens.partner("cuc.edu.cn"))) {
      Response answer = csvAs(outsider).queryParam("q", marker).get(PATH);
      assertEquals(200, answer.statusCode());
      assertThat(answer.asString(), not(containsString(marker)));
      assertThat(answer.asString(), not(containsString(code)));
      assertThat(records(answer.asString()), hasSize(1));
    }
    assertThat(
        column(csvAs(TestTokens.partner("bsu.by")).queryParam("q", marker).get(PATH), "code"),
        contains(code));
  }

  @Test
  void aCsvAnswerStopsAtTheCallersCeilingAndLinksTheRest() {
    String marker = marker();
    for (int i = 0; i < 5; i++) {
      draftPublic(marker);
    }
    Response anonymous = given().accept(CSV).queryParam("q", marker).get(PATH);
    assertThat(column(anonymous, "code"), hasSize(3));
    String link = anonymous.header("Link");
    assertThat(link, startsWith("<" + PATH + "?"));
    assertThat(link, endsWith(">; rel=\"next\""));
    String next = link.substring(1, link.indexOf('>'));
    assertThat(column(given().accept(CSV).get(next), "code"), hasSize(2));
    assertThat(
        column(
            given().accept(CSV).queryParam("q", marker).queryParam("limit", 50).get(PATH), "code"),
        hasSize(3));

    Response partner = csvAs(TestTokens.partner("bsu.by")).queryParam("q", marker).get(PATH);
    assertThat(column(partner, "code"), hasSize(4));
    // JSON keeps its own page size.
    assertThat(
        given()
            .queryParam("q", marker)
            .queryParam("limit", 5)
            .get(PATH)
            .jsonPath()
            .getList("items"),
        hasSize(5));
  }

  @Test
  void statisticsAnswerInCsvOneRowPerValue() {
    Response csv =
        given().accept(CSV).queryParam("groupBy", "FIELD").get("/api/v1/statistics/agreements");
    assertEquals(200, csv.statusCode(), csv.asString());
    List<String> rows = records(csv.asString());
    assertEquals("\uFEFFkey,count", rows.get(0));
    assertEquals(
        given()
            .queryParam("groupBy", "FIELD")
            .get("/api/v1/statistics/agreements")
            .jsonPath()
            .getList("counts")
            .size(),
        rows.size() - 1);
  }

  @Test
  void aHistoryAnswersInCsvWithTheJsonRowsAndItsChangeAsOneJsonCell() {
    Map<String, Object> terms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    String id =
        as(TestTokens.partner("qau.edu.pk"))
            .body(Map.of("code", uniqueCode(), "terms", terms))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    terms.put("durationMonths", 24);
    as(TestTokens.partner("qau.edu.pk"))
        .header("If-Match", "\"0\"")
        .body(terms)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200);
    String history = PATH + "/" + id + "/history";
    Response csv = csvAs(TestTokens.partner("qau.edu.pk")).get(history);
    csv.then().statusCode(200).contentType(startsWith(CSV));
    byte[] bytes = csv.asByteArray();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    List<String> json =
        as(TestTokens.partner("qau.edu.pk")).get(history).jsonPath().getList("items.operation");
    assertEquals(List.of("draftAgreement", "reviseAgreement"), json);
    assertEquals(json, column(csv, "operation"));
    // The payload, whose members differ per event type, is one RFC 4180-quoted cell of JSON.
    List<String> changes = column(csv, "change");
    assertTrue(
        changes.stream().allMatch(c -> c.startsWith("{") && c.endsWith("}")), changes.toString());
    assertThat(csv.asString(), containsString(",\"{\"\""));
  }

  @Test
  void theChangeFeedAnswersInCsvAndLinksTheRest() {
    Response json = given().queryParam("limit", 2).get("/api/v1/changes");
    assertEquals(200, json.statusCode(), json.asString());
    assertTrue(json.jsonPath().getBoolean("hasMore"), "the seed announced more than two changes");
    Response csv = given().accept(CSV).queryParam("limit", 2).get("/api/v1/changes");
    assertEquals(json.jsonPath().getList("items.id"), column(csv, "id"));
    String link = csv.header("Link");
    assertThat(link, startsWith("</api/v1/changes?"));
    assertThat(link, containsString("after=" + json.jsonPath().getString("cursor")));
    assertThat(json.jsonPath().getString("next"), startsWith("/api/v1/changes?"));
  }

  private static String draftPublic(String marker) {
    Map<String, Object> terms = terms("PUBLIC", "qau.edu.pk", "bsu.by");
    terms.put("title", Map.of("en", "Memorandum " + marker));
    String code = uniqueCode();
    as(TestTokens.partner("qau.edu.pk"))
        .body(Map.of("code", code, "terms", terms))
        .post(PATH)
        .then()
        .statusCode(201);
    return code;
  }

  private static RequestSpecification csvAs(String token) {
    RequestSpecification request = given().accept(CSV);
    return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
  }

  private static String marker() {
    return "zqcsv" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The CSV's records (a quoted line break stays inside its record). */
  static List<String> records(String body) {
    List<String> records = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
        records.add(record.toString());
        record.setLength(0);
        i++;
      } else {
        record.append(c);
      }
    }
    if (record.length() > 0) {
      records.add(record.toString());
    }
    return records;
  }

  /** One column's values, unquoted. */
  static List<String> column(Response csv, String name) {
    assertEquals(200, csv.statusCode(), csv.asString());
    List<String> records = records(csv.asString());
    List<String> header = cells(records.get(0).replace("\uFEFF", ""));
    int index = header.indexOf(name);
    assertTrue(index >= 0, "column " + name + " in " + header);
    return records.subList(1, records.size()).stream().map(r -> cells(r).get(index)).toList();
  }

  /** RFC 4180 fields of one record. */
  static List<String> cells(String record) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
