package org.eurasia.registry.platform.api;

/**
 * A parameter container that holds the {@code Idempotency-Key} header; an {@link Idempotent}
 * operation takes exactly one.
 */
public interface CarriesIdempotencyKey {

  /** The header's value, or null when the client sent none. */
  String idempotencyKey();
}
