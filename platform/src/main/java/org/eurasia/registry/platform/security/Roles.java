package org.eurasia.registry.platform.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

  /**
   * A partner organisation's system, acting for the organisation named in the token's {@code org}
   * claim.
   */
  public static final String PARTNER = "partner";

  /** The registry's own staff: may act for any organisation. */
  public static final String REGISTRAR = "registrar";

  /**
   * A person acting for themselves (registering for an event, say). An {@code org} claim in such a
   * token is only the person's affiliation: it gives no right to act for that organisation.
   */
  public static final String ATTENDEE = "attendee";

  /**
   * The registry's operators: may inspect and release what the event machinery set aside (parked
   * outbox rows), and nothing else; they hold no organisation's rights.
   */
  public static final String OPERATOR = "operator";

  private Roles() {}
}
