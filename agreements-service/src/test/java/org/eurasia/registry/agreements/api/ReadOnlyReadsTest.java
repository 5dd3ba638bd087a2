package org.eurasia.registry.agreements.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * GET requests load entities read-only (platform {@code ReadOnlyReads}); other methods do not.
 * Asked of the session the resource method itself sees, on its worker thread, through a test-only
 * resource hidden from the contract.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReadOnlyReadsTest {

  @Path("/test-only/session")
  public static class SessionProbe {
    @Inject Session session;

    @GET
    @Operation(hidden = true)
    public boolean onGet() {
      return session.isDefaultReadOnly();
    }

    @POST
    @Operation(hidden = true)
    public boolean onPost() {
      return session.isDefaultReadOnly();
    }
  }

  @Test
  void aGetSeesAReadOnlySession() {
    given().get("/test-only/session").then().statusCode(200).body(equalTo("true"));
  }

  @Test
  void aPostDoesNot() {
    given().post("/test-only/session").then().statusCode(200).body(equalTo("false"));
  }
}
