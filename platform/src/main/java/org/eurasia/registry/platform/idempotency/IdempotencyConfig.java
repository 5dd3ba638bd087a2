package org.eurasia.registry.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Idempotency keys ({@code registry.idempotency.*}). */
@ConfigMapping(prefix = "registry.idempotency")
public interface IdempotencyConfig {

  /** How long a key (and the response it replays) is remembered; older ones are pruned. */
  @WithDefault("P1D")
  Duration retention();

  /**
   * The AES key (Base64 of 16, 24 or 32 bytes) that seals stored response bodies at rest (AES-GCM):
   * a response may hold personal data, so the database never holds it in clear. Every instance of a
   * service needs the same key. Unset, each process draws its own at start: a retry that reaches
   * another instance, or comes after a restart, is still answered once (status, Location, ETag) but
   * without the body.
   */
  Optional<String> encryptionKey();
}
