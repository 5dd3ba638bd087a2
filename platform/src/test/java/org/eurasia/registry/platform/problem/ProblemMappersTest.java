package org.eurasia.registry.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;

/**
 * The last-resort mapper: database constraint violations that got past the code's checks are
 * conflicts, never 500s.
 */
class ProblemMappersTest {

  static final UriInfo URI =
      (UriInfo)
          Proxy.newProxyInstance(
              ProblemMappersTest.class.getClassLoader(),
              new Class<?>[] {UriInfo.class},
              (proxy, method, args) ->
                  method.getName().equals("getPath") ? "/api/v1/things" : null);

  static final ObjectMapper JSON = new ObjectMapper();

  static ProblemMappers mappers() {
    ProblemMappers mappers = new ProblemMappers();
    mappers.json = JSON;
    return mappers;
  }

  static JsonNode body(Response response) throws Exception {
    assertEquals("application/problem+json", response.getMediaType().toString());
    return JSON.readTree((String) response.getEntity());
  }

  static JsonNode mapped(ConstraintKind kind, String sqlState) throws Exception {
    RuntimeException wrapped =
        new RuntimeException(
            new ConstraintViolationException(
                "violated", new SQLException("violated", sqlState), "UPDATE x", kind, "x_check"));
    return body(mappers().unexpected(wrapped, URI));
  }

  @Test
  void aCheckConstraintRefusingARacingWriteIsAConflict() throws Exception {
    JsonNode problem = mapped(ConstraintKind.CHECK, "23514");
    assertEquals(409, problem.get("status").asInt());
    assertEquals("urn:eurasia-registry:problem:conflict", problem.get("type").asText());
  }

  @Test
  void uniqueAndForeignKeyViolationsAreConflictsToo() throws Exception {
    assertEquals(409, mapped(ConstraintKind.UNIQUE, "23505").get("status").asInt());
    assertEquals(409, mapped(ConstraintKind.FOREIGN_KEY, "23503").get("status").asInt());
  }

  @Test
  void aFullConnectionPoolIsA503WithRetryAfterNotA500() throws Exception {
    // Agroal's own words when every connection is busy for the whole acquisition timeout, and when
    // none can be made.
    for (String message :
        new String[] {
          "Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection"
        }) {
      Response response =
          mappers().unexpected(new RuntimeException(new SQLException(message)), URI);
      assertEquals(503, body(response).get("status").asInt());
      assertEquals("5", response.getHeaderString("Retry-After"));
    }
  }

  @Test
  void aStatementCancelledByItsTimeoutIsA503WithRetryAfter() throws Exception {
    Response response =
        mappers()
            .unexpected(
                new RuntimeException(
                    new SQLException("canceling statement due to statement timeout", "57014")),
                URI);
    assertEquals(503, body(response).get("status").asInt());
    assertEquals(
        "urn:eurasia-registry:problem:service-unavailable", body(response).get("type").asText());
    assertEquals("10", response.getHeaderString("Retry-After"));
  }

  @Test
  void anythingElseIsAnInternalErrorWithAnErrorId() throws Exception {
    JsonNode problem = body(mappers().unexpected(new IllegalStateException("boom"), URI));
    assertEquals(500, problem.get("status").asInt());
    assertEquals(true, problem.has("errorId"));
  }
}
