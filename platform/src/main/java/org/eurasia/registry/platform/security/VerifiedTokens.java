package org.eurasia.registry.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens that passed verification, so a partner system sending the same token with
 * every request pays for the RS256 check once per {@code registry.security.verified-tokens.ttl}
 * instead of once per request.
 *
 * <p>Why: the benchmark's profile (bench/README.md) showed signature verification and claim parsing
 * taking 20–30 % of a service's CPU on a read by id. Only the exact token string that verified is
 * remembered, so a changed byte misses and goes through the full check; an entry is never used past
 * the token's own {@code exp}, so expiry is decided as before; a token that failed is never
 * remembered. What the cache does change: a verification key withdrawn at run time is noticed up to
 * one ttl later for tokens already seen (smallrye-jwt itself keeps a fetched JWKS for {@code
 * mp.jwt.verify.jwks.refresh-interval}, an hour by default, so the ttl adds little). Size is
 * bounded ({@code max-entries}); when full, expired entries go first, then all of them (the next
 * requests simply verify again).
 *
 * <p>Selected over smallrye-jwt's {@link DefaultJWTParser} as a CDI alternative, so Quarkus's token
 * validator calls it unchanged; every other method delegates.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

  private record Entry(JsonWebToken token, Instant until) {}

  private final JWTParser verifier;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Inject
  VerifiedTokens(
      DefaultJWTParser verifier,
      Clock clock,
      @ConfigProperty(name = "registry.security.verified-tokens.ttl", defaultValue = "60s")
          Duration ttl,
      @ConfigProperty(name = "registry.security.verified-tokens.max-entries", defaultValue = "1000")
          int maxEntries) {
    this((JWTParser) verifier, clock, ttl, maxEntries);
  }

  VerifiedTokens(JWTParser verifier, Clock clock, Duration ttl, int maxEntries) {
    this.verifier = verifier;
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    Instant now = clock.instant();
    Entry known = entries.get(token);
    if (known != null && now.isBefore(known.until())) {
      return known.token();
    }
    JsonWebToken verified =
        verifier.parse(token); // throws for a bad, expired or foreign token: nothing remembered
    Instant until = now.plus(ttl);
    long exp = verified.getExpirationTime();
    if (exp > 0 && Instant.ofEpochSecond(exp).isBefore(until)) {
      until = Instant.ofEpochSecond(exp);
    }
    if (!ttl.isZero() && !ttl.isNegative() && now.isBefore(until)) {
      if (entries.size() >= maxEntries) {
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        if (entries.size() >= maxEntries) {
          entries.clear();
        }
      }
      entries.put(token, new Entry(verified, until));
    }
    return verified;
  }

  /** Entries held now (for tests and the size bound). */
  int size() {
    return entries.size();
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return verifier.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return verifier.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return verifier.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return verifier.parseOnly(token);
  }
}
