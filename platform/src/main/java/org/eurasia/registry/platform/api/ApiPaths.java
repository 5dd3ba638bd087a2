package org.eurasia.registry.platform.api;

/** Where the services' public API lives; every resource path starts with it. */
public final class ApiPaths {

  public static final String V1 = "/api/v1";

  private ApiPaths() {}
}
