package org.eurasia.registry.platform.api;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an operation retry-safe: a request repeating a caller's {@code Idempotency-Key} for the
 * same operation gets the first response back instead of acting twice. The operation returns a
 * {@code Response} and takes one {@link CarriesIdempotencyKey} parameter ({@link IdempotencyKey} or
 * {@link CommandHeaders}); {@link IdempotencyInterceptor} does the rest.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}
