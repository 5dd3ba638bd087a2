package org.eurasia.registry.events.domain;

import java.util.Collection;

/**
 * Who asks, as the rules about other services' records need to know it: a registrar (reads and acts
 * for every organization), a partner acting for one organization, or someone acting for none
 * (anonymous, an attendee).
 *
 * @param organization the organization a partner acts for; null for anyone else
 */
public record Requester(boolean registrar, String organization) {

  public static final Requester NOBODY = new Requester(false, null);

  /** Whether the requester acts for one of these organizations (a registrar acts for all). */
  public boolean actsForAny(Collection<String> organizations) {
    return registrar || (organization != null && organizations.contains(organization));
  }
}
