package org.eurasia.registry.agreements.client;

import java.util.UUID;

/**
 * The part of an organization event's payload ({@code registry.organization.v1}, every {@code
 * registry.organization.*.v1} type) that a directory projection reads; other fields (names, parent)
 * are ignored. Each event carries the organization's whole relevant state.
 *
 * @param status {@code ACTIVE} or {@code RETIRED}; absent (null) in events written before
 *     agreements-service retired organizations instead of deleting them
 * @param removed true only in those older events, for an organization that was deleted
 */
public record OrganizationFacts(
    UUID organizationId,
    String code,
    String kind,
    String country,
    String status,
    long version,
    boolean removed) {

  public static final String ACTIVE = "ACTIVE";
  public static final String RETIRED = "RETIRED";

  /**
   * The organization's status as the producer's schema defines it: as stated, or, when absent, a
   * deleted organization counts as retired (nothing may name it any more) and any other as active.
   */
  public String settledStatus() {
    if (status != null) {
      return status;
    }
    return removed ? RETIRED : ACTIVE;
  }
}
