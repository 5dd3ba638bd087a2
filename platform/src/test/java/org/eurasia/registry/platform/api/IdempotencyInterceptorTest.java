package org.eurasia.registry.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.UUID;
import org.eurasia.registry.platform.api.IdempotencyInterceptor.Operation;
import org.junit.jupiter.api.Test;

/** What the interceptor reads from a resource method's declaration. */
class IdempotencyInterceptorTest {

  record Body(String code) {}

  @Path(ApiPaths.V1 + "/things")
  static class Things {

    @POST
    @Idempotent
    public Response create(@BeanParam IdempotencyKey key, Body body) {
      return null;
    }

    @POST
    @Path("/{id}/signatures")
    @Idempotent
    public Response sign(
        @PathParam("id") UUID id,
        @HeaderParam("If-Match") String ifMatch,
        @BeanParam IdempotencyKey key,
        Body body) {
      return null;
    }

    @DELETE
    @Path("{thing}/parts/{part: [a-z]+}/")
    @Idempotent
    public Response detach(
        @PathParam("part") String part,
        @QueryParam("reason") String reason,
        @PathParam("thing") UUID thing,
        @BeanParam CommandHeaders headers) {
      return null;
    }

    @POST
    @Path("/{id}/broken")
    @Idempotent
    public Response withoutKey(@PathParam("id") UUID id, Body body) {
      return null;
    }

    @POST
    @Path("/{id}/unnamed")
    @Idempotent
    public Response placeholderWithoutParameter(@BeanParam IdempotencyKey key) {
      return null;
    }

    @POST
    @Idempotent
    public Body notAResponse(@BeanParam IdempotencyKey key, Body body) {
      return body;
    }
  }

  private static Method method(String name) {
    for (Method method : Things.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void namesTheOperationAsKeysWereStoredBeforeWithoutTheApiPrefix() {
    Operation create = Operation.of(method("create"));
    Body body = new Body("x");
    Object[] arguments = {new IdempotencyKey("k-1"), body};
    assertEquals("POST /things", create.name(arguments));
    assertEquals("k-1", create.key(arguments));
    assertEquals(body, create.body(arguments));
  }

  @Test
  void fillsPathParametersInWhereverTheyAreDeclared() {
    UUID id = UUID.fromString("5eed0000-0000-4000-8000-0000000a0001");
    Operation sign = Operation.of(method("sign"));
    Object[] arguments = {id, "\"0\"", new IdempotencyKey(null), new Body("y")};
    assertEquals("POST /things/" + id + "/signatures", sign.name(arguments));
    assertNull(sign.key(arguments), "no header, no key: the action simply runs");

    Operation detach = Operation.of(method("detach"));
    Object[] detachArguments = {"wheel", "worn", id, new CommandHeaders("\"2\"", "k-2")};
    assertEquals("DELETE /things/" + id + "/parts/wheel", detach.name(detachArguments));
    assertEquals("k-2", detach.key(detachArguments));
    assertNull(detach.body(detachArguments), "query and path parameters are not a body");
  }

  @Test
  void refusesDeclarationsItCannotApply() {
    for (String name : new String[] {"withoutKey", "placeholderWithoutParameter", "notAResponse"}) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class, () -> IdempotencyInterceptor.verify(method(name)));
      assertTrue(refused.getMessage().contains("Things." + name), refused.getMessage());
    }
  }
}
