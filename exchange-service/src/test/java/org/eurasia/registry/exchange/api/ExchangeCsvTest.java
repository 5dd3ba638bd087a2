package org.eurasia.registry.exchange.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.eurasia.registry.platform.testing.CsvAnswers;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A sub-list (a scholarship's applications) answers {@code text/csv} with its JSON rows. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ExchangeCsvTest {

  @Test
  void aScholarshipsApplicationsInCsvAreItsJsonRows() {
    String applications =
        "/api/v1/scholarships/" + ScholarshipResource.EXAMPLE_ID + "/applications";
    String bearer = TestTokens.bearer(TestTokens.registrar());
    List<String> json =
        given().header("Authorization", bearer).get(applications).jsonPath().getList("items.id");
    assertTrue(!json.isEmpty(), "the seed holds an application");
    Response csv = given().header("Authorization", bearer).accept("text/csv").get(applications);
    assertEquals(json, CsvAnswers.column(csv, "id"));
    assertEquals("id", CsvAnswers.header(csv).get(0));
  }
}
