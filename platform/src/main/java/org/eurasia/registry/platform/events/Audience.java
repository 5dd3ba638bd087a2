package org.eurasia.registry.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Who may learn of a change outside the service: everyone (a public record), or only the named
 * organisations (a confidential record's parties, a mobility's institutions). Registrars see
 * everything. The change feed and webhooks filter by it; Kafka, which only the suite's own services
 * read, does not.
 *
 * @param open true for a public record: everyone may see it
 * @param organizations when not public, the organisations' codes, sorted; empty means registrars
 *     only
 */
public record Audience(boolean open, List<String> organizations) {

  private static final Audience EVERYONE = new Audience(true, List.of());

  public Audience {
    organizations = open ? List.of() : List.copyOf(new TreeSet<>(organizations));
  }

  public static Audience everyone() {
    return EVERYONE;
  }

  /** Only these organisations (and registrars). */
  public static Audience only(Collection<String> organizations) {
    return new Audience(false, List.copyOf(organizations));
  }

  /** True when a partner acting for this organisation may see the change. */
  public boolean admits(String organization) {
    return open || organizations.contains(organization);
  }
}
