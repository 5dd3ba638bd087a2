package org.eurasia.registry.platform.api;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that could not be converted. JAX-RS would answer 404 for an
 * unconvertible query parameter; the registry answers 400 naming the parameter, which is what a
 * caller can act on.
 */
public class InvalidParameterException extends BadRequestException {

  private final String parameter;
  private final String reason;

  public InvalidParameterException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }

  public String parameter() {
    return parameter;
  }

  public String reason() {
    return reason;
  }
}
