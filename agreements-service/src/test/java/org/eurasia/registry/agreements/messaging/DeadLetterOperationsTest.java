package org.eurasia.registry.agreements.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Dead letters are not a graveyard: an operator lists them, reads one with its data, and once the
 * cause is fixed replays it through the same exactly-once path as a live event: applied once, and a
 * second replay changes nothing.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DeadLetterOperationsTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String OPERATOR = TestTokens.bearer(TestTokens.operator());

  /** Every dead letter of the subject, reading all pages. */
  static List<Map<String, Object>> lettersOf(String subject) {
    List<Map<String, Object>> found = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var request = given().header("Authorization", OPERATOR).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .get("/api/v1/operations/dead-letters")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      items.stream().filter(i -> subject.equals(i.get("subject"))).forEach(found::add);
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return found;
  }

  @Test
  void anOperatorListsReadsAndReplaysADeadLetterExactlyOnce() {
    String subject = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();
    KafkaProbe.send(EventConsumerTest.event(id, ProbeHandler.HEALABLE, subject));
    List<Map<String, Object>> letters =
        await().atMost(WAIT).until(() -> lettersOf(subject), l -> !l.isEmpty());
    assertEquals(1, letters.size());
    Map<String, Object> letter = letters.get(0);
    assertEquals(id, letter.get("eventId"));
    assertEquals(EventConsumerTest.TOPIC, letter.get("originalTopic"));
    assertEquals(false, letter.get("appliedSince"));
    String position = (String) letter.get("position");

    given()
        .header("Authorization", OPERATOR)
        .get("/api/v1/operations/dead-letters/" + position)
        .then()
        .statusCode(200)
        .body("eventId", equalTo(id))
        .body("error", containsString("not healed yet"))
        .body("data", equalTo("{}"));
    // Still broken: the replay says why and changes nothing.
    given()
        .header("Authorization", OPERATOR)
        .post("/api/v1/operations/dead-letters/" + position + "/replay")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("not healed yet"));
    assertEquals(0, ProbeHandler.applied(subject));

    ProbeHandler.HEALED.add(subject);
    given()
        .header("Authorization", OPERATOR)
        .post("/api/v1/operations/dead-letters/" + position + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("APPLIED"));
    given()
        .header("Authorization", OPERATOR)
        .post("/api/v1/operations/dead-letters/" + position + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("ALREADY_APPLIED"));
    assertEquals(1, ProbeHandler.applied(subject), "applied once over two replays");
    assertEquals(true, lettersOf(subject).get(0).get("appliedSince"));
  }

  @Test
  void partnersSeeNoDeadLettersAndUnknownPositionsAreNotFound() {
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.partner("pu.edu.pk")))
        .get("/api/v1/operations/dead-letters")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", OPERATOR)
        .get("/api/v1/operations/dead-letters/0-999999999")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", OPERATOR)
        .get("/api/v1/operations/dead-letters/99-0")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", OPERATOR)
        .get("/api/v1/operations/dead-letters/not-a-position")
        .then()
        .statusCode(400);
  }
}
