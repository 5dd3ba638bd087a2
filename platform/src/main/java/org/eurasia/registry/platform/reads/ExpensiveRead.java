package org.eurasia.registry.platform.reads;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read whose cost grows with the data (statistics, full-text search, calendar feeds). When
 * the caller is anonymous, {@link ExpensiveReads} bounds its SQL by a statement timeout (a 503
 * problem with {@code Retry-After} past it, never a hang) and, when {@link #cacheable()}, answers
 * repeated calls from {@link ReadCache}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExpensiveRead {

  /**
   * True when the result depends only on the arguments and the data (not on the caller beyond being
   * anonymous) and is an immutable value, so anonymous callers may share it until the data changes.
   */
  @Nonbinding
  boolean cacheable() default false;
}
