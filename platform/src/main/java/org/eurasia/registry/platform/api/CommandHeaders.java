package org.eurasia.registry.platform.api;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.idempotency.IdempotentRequests;

/**
 * The headers of a lifecycle command on an existing resource: the version it was based on, optional
 * because the command's own rules guard against lost updates, and the retry key. {@code @BeanParam
 * CommandHeaders headers} on an {@link Idempotent} operation.
 */
public record CommandHeaders(
    @HeaderParam("If-Match")
        @Parameter(
            in = ParameterIn.HEADER,
            description = "The ETag last read; optional for lifecycle commands.")
        String ifMatch,
    @HeaderParam(IdempotentRequests.HEADER)
        @Parameter(in = ParameterIn.HEADER, description = IdempotencyKey.HELP)
        String idempotencyKey)
    implements CarriesIdempotencyKey {

  /** The version from If-Match, or any version when the header is absent. */
  public ExpectedVersion expectedVersion() {
    return ExpectedVersion.fromOptionalIfMatch(ifMatch);
  }
}
