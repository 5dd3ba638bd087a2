package org.eurasia.registry.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the response bodies idempotency records keep (AES-GCM, a fresh 96-bit nonce per body,
 * stored before the ciphertext): they may hold personal data, which must not sit in the database in
 * clear for the day a key is remembered. Opening a body sealed under another key (another
 * instance's random key, or a rotated one) yields nothing rather than failing.
 */
final class SealedBodies {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  SealedBodies(SecretKey key) {
    this.key = key;
  }

  /** The configured key, or a random one for this process when none is configured. */
  static SealedBodies of(Optional<String> base64Key) {
    byte[] raw;
    if (base64Key.isPresent() && !base64Key.get().isBlank()) {
      raw = Base64.getDecoder().decode(base64Key.get().strip());
      if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
        throw new IllegalArgumentException(
            "registry.idempotency.encryption-key must be the Base64 of 16, 24 or 32 bytes");
      }
    } else {
      raw = new byte[32];
      new SecureRandom().nextBytes(raw);
    }
    return new SealedBodies(new SecretKeySpec(raw, "AES"));
  }

  byte[] seal(String body) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a response body", e);
    }
  }

  /** The body, or empty when it was sealed under another key (or tampered with). */
  Optional<String> open(byte[] sealed) {
    if (sealed == null || sealed.length <= NONCE_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      byte[] body = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return Optional.of(new String(body, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
