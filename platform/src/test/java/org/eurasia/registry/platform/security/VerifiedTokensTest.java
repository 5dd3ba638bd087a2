package org.eurasia.registry.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache never answers for a token the verifier would not accept now. */
class VerifiedTokensTest {

  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Z");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Accepts tokens named in {@code valid} (token → exp), counting every verification. */
  static final class Verifier implements JWTParser {
    final Map<String, Long> valid = new HashMap<>();
    final Hands clock;
    int calls;

    Verifier(Hands clock) {
      this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
      calls++;
      Long exp = valid.get(token);
      if (exp == null) {
        throw new ParseException("bad signature");
      }
      if (exp > 0 && clock.instant().getEpochSecond() >= exp) {
        throw new ParseException("expired");
      }
      return new Token(token, exp);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken verify(String token, String secret) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonWebToken parseOnly(String token) {
      throw new UnsupportedOperationException();
    }
  }

  record Token(String raw, long exp) implements JsonWebToken {
    @Override
    public String getName() {
      return raw;
    }

    @Override
    public Set<String> getClaimNames() {
      return Set.of("exp");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
      return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
    }
  }

  final Hands clock = new Hands();
  final Verifier verifier = new Verifier(clock);
  final long inAnHour = T0.plus(Duration.ofHours(1)).getEpochSecond();

  VerifiedTokens cache(Duration ttl, int max) {
    return new VerifiedTokens(verifier, clock, ttl, max);
  }

  @Test
  void theSameTokenIsVerifiedOncePerTtl() throws Exception {
    verifier.valid.put("a", inAnHour);
    VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
    JsonWebToken first = tokens.parse("a");
    clock.now = T0.plusSeconds(59);
    assertSame(first, tokens.parse("a"));
    assertEquals(1, verifier.calls);
    clock.now = T0.plusSeconds(60);
    tokens.parse("a");
    assertEquals(2, verifier.calls, "verified again once the ttl has passed");
  }

  @Test
  void anEntryNeverOutlivesTheTokensExpiry() throws Exception {
    verifier.valid.put("short", T0.plusSeconds(10).getEpochSecond());
    VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
    tokens.parse("short");
    clock.now = T0.plusSeconds(9);
    tokens.parse("short");
    assertEquals(1, verifier.calls);
    clock.now = T0.plusSeconds(10);
    assertThrows(
        ParseException.class,
        () -> tokens.parse("short"),
        "expired: the verifier decides, not the cache");
    assertEquals(2, verifier.calls);
  }

  @Test
  void aRefusedTokenIsNeverRemembered() throws Exception {
    VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
    assertThrows(ParseException.class, () -> tokens.parse("forged"));
    assertThrows(ParseException.class, () -> tokens.parse("forged"));
    assertEquals(2, verifier.calls);
    assertEquals(0, tokens.size());
  }

  @Test
  void onlyTheExactStringThatVerifiedIsRemembered() throws Exception {
    verifier.valid.put("token", inAnHour);
    VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
    tokens.parse("token");
    assertThrows(ParseException.class, () -> tokens.parse("token "));
    assertThrows(ParseException.class, () -> tokens.parse("tokeN"));
    assertEquals(3, verifier.calls);
  }

  @Test
  void theCacheStaysWithinItsBound() throws Exception {
    VerifiedTokens tokens = cache(Duration.ofSeconds(60), 3);
    for (int i = 0; i < 10; i++) {
      verifier.valid.put("t" + i, inAnHour);
      tokens.parse("t" + i);
      assertTrue(tokens.size() <= 3, "size " + tokens.size() + " after " + (i + 1) + " tokens");
    }
    int before = verifier.calls;
    tokens.parse("t9");
    assertEquals(before, verifier.calls, "the newest token is still remembered");
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() throws Exception {
    verifier.valid.put("a", inAnHour);
    VerifiedTokens tokens = cache(Duration.ZERO, 10);
    tokens.parse("a");
    tokens.parse("a");
    assertEquals(2, verifier.calls);
    assertEquals(0, tokens.size());
  }
}
