package org.eurasia.registry.platform.api;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.platform.idempotency.IdempotentRequests;

/**
 * The retry key of an {@link Idempotent} operation that takes no other command header (a create, or
 * a command whose {@code If-Match} is required and documented with the operation):
 * {@code @BeanParam IdempotencyKey idempotencyKey}.
 */
public record IdempotencyKey(
    @HeaderParam(IdempotentRequests.HEADER)
        @Parameter(in = ParameterIn.HEADER, description = IdempotencyKey.HELP)
        String idempotencyKey)
    implements CarriesIdempotencyKey {

  static final String HELP =
      "A fresh UUID per request (no fixed example: a key someone else already used with another body is"
          + " a 422); send the same key again only to retry that request, and get its first response.";
}
