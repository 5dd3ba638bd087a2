package org.eurasia.registry.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 24: replayed responses are sealed at rest and open only under the key that sealed them. */
class SealedBodiesTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String BODY =
      "{\"participant\":{\"givenName\":\"Ayesha\",\"email\":\"a@example.org\"}}";

  @Test
  void aSealedBodyHoldsNothingReadableAndOpensUnderItsKey() {
    SealedBodies bodies = SealedBodies.of(Optional.of(KEY));
    byte[] sealed = bodies.seal(BODY);
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Ayesha"));
    assertEquals(Optional.of(BODY), bodies.open(sealed));
    assertFalse(java.util.Arrays.equals(sealed, bodies.seal(BODY)), "a fresh nonce for every body");
  }

  @Test
  void anotherKeyOrATamperedBodyOpensToNothing() {
    byte[] sealed = SealedBodies.of(Optional.of(KEY)).seal(BODY);
    assertTrue(SealedBodies.of(Optional.empty()).open(sealed).isEmpty());
    sealed[sealed.length - 1] ^= 1;
    assertTrue(SealedBodies.of(Optional.of(KEY)).open(sealed).isEmpty());
  }

  @Test
  void aKeyOfTheWrongLengthIsRefusedAtStart() {
    String tooShort = Base64.getEncoder().encodeToString(new byte[7]);
    assertThrows(IllegalArgumentException.class, () -> SealedBodies.of(Optional.of(tooShort)));
  }
}
