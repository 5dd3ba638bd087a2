package org.eurasia.registry.events.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of the link a person registered by someone else receives, to see and cancel their own
 * registration without an account. 256 random bits, URL-safe; the registration keeps only its
 * SHA-256 (the pending mail holds the token itself until it is sent), and a comparison takes the
 * same time whatever the guess.
 */
public final class SelfServiceToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfServiceToken() {}

  /** A new token, as it goes into the link. */
  public static String issue() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** What the registration keeps of {@code token}: its SHA-256, in hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether {@code token} (null when the link had none) is the one {@code hash} was made of. */
  public static boolean matches(String hash, String token) {
    if (hash == null || token == null || token.isEmpty() || token.length() > 100) {
      return false;
    }
    return MessageDigest.isEqual(
        hash.getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
  }
}
