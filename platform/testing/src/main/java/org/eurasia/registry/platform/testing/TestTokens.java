package org.eurasia.registry.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs tokens with the key {@link TestInfrastructure} generated, the way a partner system's
 * identity provider would. Only for tests: the private key never leaves the test JVM's temporary
 * directory.
 */
public final class TestTokens {

  private TestTokens() {}

  public static String registrar() {
    return token("registrar@registry.test", null, Set.of("registrar"));
  }

  /** The registry's operator: parked events and dead letters, no organization. */
  public static String operator() {
    return token("ops@registry.test", null, Set.of("operator"));
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

  /**
   * A partner token for another audience: valid signature and issuer, meant for some other system.
   */
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
    var claims =
        Jwt.upn(subject)
            .issuer(TestInfrastructure.ISSUER)
            .groups(roles)
            .expiresIn(Duration.ofHours(1));
    if (organization != null) {
      claims.claim("org", organization);
    }
    return claims.sign();
  }

  /**
   * A person's token: attendee role, the organisation they belong to in {@code org} (an
   * affiliation, not a right).
   */
  public static String attendee(String subject, String affiliation) {
    return token(subject, affiliation, Set.of("attendee"));
  }

  /** A valid token naming an organisation but carrying no role at all. */
  public static String roleless(String organization) {
    return token("system@" + organization, organization, Set.of());
  }

  /** A partner token without a signature ({@code alg: none}): must never be accepted. */
  public static String unsigned(String organization) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
        + "."
        + encode(partnerClaims(organization, true))
        + ".";
  }

  /**
   * A partner token signed with HS256 whose secret is the services' RSA public key (as PEM text, as
   * published): the algorithm-confusion attack. Must never be accepted.
   */
  public static String hmacSignedWithPublicKey(String organization) {
    try {
      String location =
          ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
      byte[] publicKey = Files.readAllBytes(Path.of(URI.create(location)));
      String signingInput =
          encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
              + "."
              + encode(partnerClaims(organization, true));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
      return signingInput
          + "."
          + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A partner token correctly signed with the test key but without an expiry ({@code exp}): must be
   * refused.
   */
  public static String withoutExpiry(String organization) {
    return handSigned(organization, false);
  }

  /**
   * The same hand-built claims as the refused tokens above, signed correctly and with an expiry:
   * must be accepted. The positive control that shows those tokens are refused for their one flaw,
   * not for a typo in their claims.
   */
  public static String handSigned(String organization) {
    return handSigned(organization, true);
  }

  private static String handSigned(String organization, boolean withExpiry) {
    try {
      String location =
          ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
      String pem = Files.readString(Path.of(URI.create(location)));
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      String signingInput =
          encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")
              + "."
              + encode(partnerClaims(organization, withExpiry));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String partnerClaims(String organization, boolean withExpiry) {
    long now = Instant.now().getEpochSecond();
    return "{\"iss\":\""
        + TestInfrastructure.ISSUER
        + "\",\"aud\":\"registry\",\"upn\":\"system@"
        + organization
        + "\",\"sub\":\"system@"
        + organization
        + "\",\"groups\":[\"partner\"],\"org\":\""
        + organization
        + "\",\"iat\":"
        + now
        + (withExpiry ? ",\"exp\":" + (now + 3600) : "")
        + "}";
  }

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }
}
