package org.eurasia.registry.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signs tokens with the key {@link TestInfrastructure} generated, the way a partner system's identity provider would.
 * Only for tests: the private key never leaves the test JVM's temporary directory.
 */
public final class TestTokens {

  private TestTokens() {}

  public static String registrar() {
    return token("registrar@registry.test", null, Set.of("registrar"));
  }

  public static String partner(String organization) {
    return token("system@" + organization, organization, Set.of("partner"));
  }

  public static String expired(String organization) {
    return Jwt.upn("system@" + organization)
        .issuer(TestInfrastructure.ISSUER)
        .groups(Set.of("partner"))
        .claim("org", organization)
        .issuedAt(Instant.now().minus(Duration.ofHours(2)))
        .expiresAt(Instant.now().minus(Duration.ofHours(1)))
        .sign();
  }

  public static String withIssuer(String issuer, String organization) {
    return Jwt.upn("system@" + organization)
        .issuer(issuer)
        .groups(Set.of("partner"))
        .claim("org", organization)
        .expiresIn(Duration.ofHours(1))
        .sign();
  }

  /** A partner token for another audience: valid signature and issuer, meant for some other system. */
  public static String withAudience(String audience, String organization) {
    return Jwt.upn("system@" + organization)
        .issuer(TestInfrastructure.ISSUER)
        .audience(audience)
        .groups(Set.of("partner"))
        .claim("org", organization)
        .expiresIn(Duration.ofHours(1))
        .sign();
  }

  /** A well-formed partner token signed by a key the services have never seen. */
  public static String signedByUnknownKey(String organization) {
    try {
      var generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return Jwt.upn("system@" + organization)
          .issuer(TestInfrastructure.ISSUER)
          .groups(Set.of("partner"))
          .claim("org", organization)
          .expiresIn(Duration.ofHours(1))
          .sign(generator.generateKeyPair().getPrivate());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String token(String subject, String organization, Set<String> roles) {
    var claims = Jwt.upn(subject).issuer(TestInfrastructure.ISSUER).groups(roles).expiresIn(Duration.ofHours(1));
    if (organization != null) {
      claims.claim("org", organization);
    }
    return claims.sign();
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }
}
