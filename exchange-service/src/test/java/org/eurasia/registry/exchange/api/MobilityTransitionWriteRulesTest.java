package org.eurasia.registry.exchange.api;

import static org.eurasia.registry.exchange.api.ExchangeApi.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A mobility's transitions are lifecycle commands like every other: If-Match is optional, and when
 * sent it must be the mobility's current ETag (412 otherwise), so an institution acting on what it
 * read last cannot overrule a change it has not seen.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MobilityTransitionWriteRulesTest {

  static final String QAU = TestTokens.partner("qau.edu.pk");
  static final String BSU = TestTokens.partner("bsu.by");

  @Test
  void aTransitionBasedOnAnOldVersionOfTheMobilityIsRefusedAndOneOnTheCurrentVersionActs() {
    String program = ExchangeApi.openProgram(2, 2);
    String mobility = ExchangeApi.nominate(program, "SENDING_TO_RECEIVING", 7);
    String path = "/api/v1/mobilities/" + mobility;
    String nominated = ExchangeApi.etag(path);

    as(BSU).header("If-Match", "\"999\"").post(path + "/acceptance").then().statusCode(412);
    String accepted =
        as(BSU)
            .header("If-Match", nominated)
            .post(path + "/acceptance")
            .then()
            .statusCode(200)
            .body("status", equalTo("ACCEPTED"))
            .extract()
            .header("ETag");

    Map<String, Object> cancellation = Map.of("reason", "Visa refused");
    as(QAU)
        .header("If-Match", nominated)
        .body(cancellation)
        .post(path + "/cancellation")
        .then()
        .statusCode(412);
    as(QAU)
        .header("If-Match", accepted)
        .body(cancellation)
        .post(path + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }
}
