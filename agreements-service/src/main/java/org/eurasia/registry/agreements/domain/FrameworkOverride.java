package org.eurasia.registry.agreements.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A registrar's decision that an agreement may name frameworks some of its parties' countries were
 * not members of on the date the rule was checked ({@link Agreement#FRAMEWORK_MEMBERSHIP}): who
 * decided, when, why, and which countries of which frameworks it let through. Recorded on the
 * agreement only when the rule would otherwise have refused, so an agreement that carries one is an
 * exception by construction; it covers the terms it was given with, until they are revised.
 *
 * @param nonMembers per framework code, the countries that were not members
 */
public record FrameworkOverride(
    String by, Instant at, String reason, Map<String, List<String>> nonMembers) {

  public FrameworkOverride {
    Objects.requireNonNull(by);
    Objects.requireNonNull(at);
    Objects.requireNonNull(reason);
    // Sorted, so the view and the signed text list the frameworks in one order.
    nonMembers = Collections.unmodifiableMap(new TreeMap<>(nonMembers));
  }

  /**
   * A registrar's request to override, made with the terms or the signature it accompanies; what it
   * overrides is known only once the rule is checked.
   */
  public record Request(String by, String reason) {
    public Request {
      Objects.requireNonNull(by);
      Objects.requireNonNull(reason);
    }
  }
}
